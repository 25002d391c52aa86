/**
 * The words of the LMS contract's error messages (why a message was refused). They are package
 * labels (src/labels/en.json) like every other word, so the softphone answers a component in the
 * agent's language: it passes its `label` as the words (lms-bridge.ts). The LWC module
 * (lwc-module.ts, bundled into c/softphoneChannel) has no page labels; it formats the English
 * values, and only these.
 */
import type { LabelArgument } from '../i18n';
import { formatLabel } from '../i18n/label-catalog';
// The build gives this file only the contract's labels (scripts/softphone-label-build.mjs).
import english from '../../labels/en.json';

const CONTRACT_PREFIX = 'Softphone_Channel_';

export type ContractLabelName = Extract<keyof typeof english, `${typeof CONTRACT_PREFIX}${string}`>;

/** Formats one contract label with its `{0}`, `{1}`… (the softphone's `label` is one). */
export type ContractWords = (name: ContractLabelName, ...args: readonly LabelArgument[]) => string;

/** The English words, where no page labels are installed (the LWC module). */
export const englishContractWords: ContractWords = (name, ...args) =>
    formatLabel(english[name].value, args);

/** Whether a schema's message names a contract label (message-contract.ts writes them so). */
export function isContractLabelName(text: string): text is ContractLabelName {
    return text.startsWith(CONTRACT_PREFIX) && Object.prototype.hasOwnProperty.call(english, text);
}
