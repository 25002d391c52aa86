/**
 * The words of the LMS contract's error messages (why a message was refused). They are package
 * labels (src/labels/en.json) like every other word, so the softphone answers a component in the
 * agent's language: it passes its `label` as the words (lms-bridge.ts). The LWC module
 * (lwc-module.ts, bundled into c/softphoneChannel) has no page labels; it formats the English
 * values, and only these: esbuild keeps just the named imports below.
 */
import type { LabelArgument } from '../i18n';
import { formatLabel } from '../i18n/label-catalog';
import {
    Softphone_Channel_A_Known_Value,
    Softphone_Channel_A_List,
    Softphone_Channel_A_Number,
    Softphone_Channel_A_String,
    Softphone_Channel_An_Array,
    Softphone_Channel_An_Object,
    Softphone_Channel_Api_Name,
    Softphone_Channel_At_Least,
    Softphone_Channel_Command_Not_Event,
    Softphone_Channel_Dtmf_Chars,
    Softphone_Channel_Empty,
    Softphone_Channel_Event_Not_Command,
    Softphone_Channel_Listed_Values,
    Softphone_Channel_Missing_Field,
    Softphone_Channel_More_Problems,
    Softphone_Channel_Must_Be,
    Softphone_Channel_Name_Without_Id,
    Softphone_Channel_Needs_Digit,
    Softphone_Channel_Not_An_Object,
    Softphone_Channel_One_More_Problem,
    Softphone_Channel_One_Of,
    Softphone_Channel_Phone_Chars,
    Softphone_Channel_Reason_Only_Break,
    Softphone_Channel_Related_Pair,
    Softphone_Channel_Salesforce_Id,
    Softphone_Channel_Token_Chars,
    Softphone_Channel_Too_Long,
    Softphone_Channel_Too_Short,
    Softphone_Channel_True_Or_False,
    Softphone_Channel_Unknown_Field,
    Softphone_Channel_Unknown_Type,
    Softphone_Channel_Unsupported_Version,
    Softphone_Channel_Whole_Number
} from '../../labels/en.json';

const ENGLISH = {
    Softphone_Channel_A_Known_Value,
    Softphone_Channel_A_List,
    Softphone_Channel_A_Number,
    Softphone_Channel_A_String,
    Softphone_Channel_An_Array,
    Softphone_Channel_An_Object,
    Softphone_Channel_Api_Name,
    Softphone_Channel_At_Least,
    Softphone_Channel_Command_Not_Event,
    Softphone_Channel_Dtmf_Chars,
    Softphone_Channel_Empty,
    Softphone_Channel_Event_Not_Command,
    Softphone_Channel_Listed_Values,
    Softphone_Channel_Missing_Field,
    Softphone_Channel_More_Problems,
    Softphone_Channel_Must_Be,
    Softphone_Channel_Name_Without_Id,
    Softphone_Channel_Needs_Digit,
    Softphone_Channel_Not_An_Object,
    Softphone_Channel_One_More_Problem,
    Softphone_Channel_One_Of,
    Softphone_Channel_Phone_Chars,
    Softphone_Channel_Reason_Only_Break,
    Softphone_Channel_Related_Pair,
    Softphone_Channel_Salesforce_Id,
    Softphone_Channel_Token_Chars,
    Softphone_Channel_Too_Long,
    Softphone_Channel_Too_Short,
    Softphone_Channel_True_Or_False,
    Softphone_Channel_Unknown_Field,
    Softphone_Channel_Unknown_Type,
    Softphone_Channel_Unsupported_Version,
    Softphone_Channel_Whole_Number
} as const;

export type ContractLabelName = keyof typeof ENGLISH;

/** Formats one contract label with its `{0}`, `{1}`… (the softphone's `label` is one). */
export type ContractWords = (name: ContractLabelName, ...args: readonly LabelArgument[]) => string;

/** The English words, where no page labels are installed (the LWC module). */
export const englishContractWords: ContractWords = (name, ...args) =>
    formatLabel(ENGLISH[name].value, args);

/** Whether a schema's message names a contract label (message-contract.ts writes them so). */
export function isContractLabelName(text: string): text is ContractLabelName {
    return Object.prototype.hasOwnProperty.call(ENGLISH, text);
}
