/**
 * Screen-pop rules on call data (callData/popRules): what the phone system knows about a call
 * (the IVR's account number, a record Id, the queue) decides the pop before the caller's number
 * is searched. Pure: parsing of the admin's text and the choice of the rule.
 *
 * The setting is a list of rules separated by `;`, tried in order; the first whose condition
 * holds wins, and when none does the caller-number rules run as before:
 *
 *   <Key>?            <action>     the key is present
 *   <Key>=<value>     <action>     the key's value equals <value> (case-insensitive)
 *   <Key>~<pattern>   <action>     the key's value matches the regular expression (whole value)
 *
 *   record [<Key>]    pop the record whose Salesforce Id is the value (of <Key>, else the
 *                     condition's key); a value that is not an Id falls through
 *   search [<Key>]    search Salesforce with the value (searchObjects and the match rules apply;
 *                     no match falls through to the caller's number)
 *   flow <FlowName>   pop that screen flow with the call data as its String input variables
 *
 * e.g. `RecordId? record; AccountNumber? search; Queue=Billing flow Billing_Call_Screen`.
 */
import { label } from '../i18n';
import type { CallData } from '../telephony/call-data';
import { callDataKeyPattern } from '../telephony/call-data';
import { isSalesforceId } from '../shared/salesforce-id';
import { MAX_PATTERN_LENGTH, hasNestedRepetition } from './dial-plan';

export type CallDataCondition =
    | { readonly kind: 'present' }
    | { readonly kind: 'equals'; readonly value: string }
    | { readonly kind: 'matches'; readonly pattern: RegExp };

export type CallDataAction =
    | { readonly kind: 'record'; readonly sourceKey: string }
    | { readonly kind: 'search'; readonly sourceKey: string }
    | { readonly kind: 'flow'; readonly flowName: string };

export interface CallDataPopRule {
    /** The rule as the admin wrote it (for logs and errors). */
    readonly text: string;
    readonly key: string;
    readonly condition: CallDataCondition;
    readonly action: CallDataAction;
}

export type CallDataRulesResult =
    | { readonly ok: true; readonly rules: readonly CallDataPopRule[] }
    | { readonly ok: false; readonly message: string };

/** More rules than this is a mistake, not a routing plan. */
export const MAX_POP_RULES = 20;
/** A flow's API name: letters, digits and single underscores, starting with a letter. */
const FLOW_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const RULE = /^([^\s?=~]+)\s*(?:(\?)|([=~])\s*(.*?))\s+(record|search|flow)(?:\s+(\S+))?$/i;

/** Parses the setting; the message names the bad rule and says what is wrong. */
export function parseCallDataPopRules(text: string): CallDataRulesResult {
    const parts = text
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part !== '');
    if (parts.length > MAX_POP_RULES) {
        return {
            ok: false,
            message: label('Softphone_Pop_Too_Many_Rules', parts.length, MAX_POP_RULES)
        };
    }
    const rules: CallDataPopRule[] = [];
    for (const part of parts) {
        const rule = parseRule(part);
        if (typeof rule === 'string') {
            return { ok: false, message: label('Softphone_Pop_Rule_Problem', shorten(part), rule) };
        }
        rules.push(rule);
    }
    return { ok: true, rules };
}

function parseRule(text: string): CallDataPopRule | string {
    const match = RULE.exec(text);
    if (match === null) {
        return label('Softphone_Pop_Rule_Form');
    }
    const [, key = '', present, operator, operand = '', verb = '', argument] = match;
    if (!callDataKeyPattern.test(key)) {
        return label('Softphone_Setting_Not_Call_Data_Key', shorten(key));
    }
    const condition = parseCondition(present !== undefined ? '?' : (operator ?? ''), operand);
    if (typeof condition === 'string') {
        return condition;
    }
    const action = parseAction(verb.toLowerCase(), argument, key);
    return typeof action === 'string' ? action : { text, key, condition, action };
}

function parseCondition(operator: string, operand: string): CallDataCondition | string {
    if (operator === '?') {
        return { kind: 'present' };
    }
    if (operand === '') {
        return label('Softphone_Pop_Needs_Value', operator);
    }
    if (operator === '=') {
        return { kind: 'equals', value: operand };
    }
    if (operand.length > MAX_PATTERN_LENGTH) {
        return label('Softphone_Pop_Pattern_Too_Long', MAX_PATTERN_LENGTH);
    }
    if (hasNestedRepetition(operand)) {
        return label('Softphone_Pop_Pattern_Nested');
    }
    try {
        return { kind: 'matches', pattern: new RegExp(`^(?:${operand})$`) };
    } catch (error) {
        return label('Softphone_Pop_Pattern_Invalid', (error as SyntaxError).message);
    }
}

function parseAction(
    verb: string,
    argument: string | undefined,
    conditionKey: string
): CallDataAction | string {
    if (verb === 'flow') {
        if (argument === undefined || !FLOW_NAME.test(argument) || argument.length > 80) {
            return label('Softphone_Pop_Flow_Name');
        }
        return { kind: 'flow', flowName: argument };
    }
    const sourceKey = argument ?? conditionKey;
    if (!callDataKeyPattern.test(sourceKey)) {
        return label('Softphone_Setting_Not_Call_Data_Key', shorten(sourceKey));
    }
    return verb === 'record' ? { kind: 'record', sourceKey } : { kind: 'search', sourceKey };
}

/** Whether the rule's condition holds for the call's data. */
export function ruleApplies(rule: CallDataPopRule, data: CallData): boolean {
    const value = Object.hasOwn(data, rule.key) ? data[rule.key] : undefined;
    if (value === undefined) {
        return false;
    }
    switch (rule.condition.kind) {
        case 'present':
            return true;
        case 'equals':
            return value.toLowerCase() === rule.condition.value.toLowerCase();
        case 'matches':
            return rule.condition.pattern.test(value);
    }
}

/** A flow argument as Open CTI's FLOW screenPop takes it (OPENCTI-REFERENCE.md §1.1). */
export interface FlowArgument {
    readonly name: string;
    readonly type: 'String';
    readonly value: string;
}

/** What a call-data rule asks for; the executor turns it into Open CTI calls. */
export type CallDataPop =
    | { readonly kind: 'record'; readonly rule: string; readonly recordId: string }
    | { readonly kind: 'search'; readonly rule: string; readonly searchString: string }
    | {
          readonly kind: 'flow';
          readonly rule: string;
          readonly flowName: string;
          readonly flowArgs: readonly FlowArgument[];
      };

/**
 * The pops the rules ask for, in rule order (a rule whose value cannot be used — a record
 * value that is not an Id, a search value shorter than 3 characters — is skipped). The executor
 * tries them in turn and falls through to the caller's number when none pops.
 */
export function decideCallDataPops(
    data: CallData | undefined,
    rules: readonly CallDataPopRule[]
): CallDataPop[] {
    if (data === undefined) {
        return [];
    }
    const pops: CallDataPop[] = [];
    for (const rule of rules) {
        if (!ruleApplies(rule, data)) {
            continue;
        }
        const { action } = rule;
        if (action.kind === 'flow') {
            pops.push({
                kind: 'flow',
                rule: rule.text,
                flowName: action.flowName,
                flowArgs: Object.entries(data).map(([name, value]) => ({
                    name,
                    type: 'String',
                    value
                }))
            });
            continue;
        }
        const value = Object.hasOwn(data, action.sourceKey) ? data[action.sourceKey] : undefined;
        if (action.kind === 'record' && value !== undefined && isSalesforceId(value)) {
            pops.push({ kind: 'record', rule: rule.text, recordId: value });
        } else if (action.kind === 'search' && value !== undefined && value.length >= 3) {
            pops.push({ kind: 'search', rule: rule.text, searchString: value });
        }
    }
    return pops;
}

function shorten(value: string): string {
    return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
