import type { FallbackPopAction, ScreenPopSettings } from '../settings/softphone-settings';
import type { FlowArgument } from './call-data-rules';
import type { PhoneNumberResult } from './phone-number';

/** A record the caller's number matched (from searchAndScreenPop). */
export interface Match {
    readonly recordId: string;
    /** sObject API name, e.g. Contact. */
    readonly objectType: string;
    readonly name?: string;
}

export interface ScreenPopInput {
    readonly callerId: PhoneNumberResult;
    /** In the order Salesforce returned them; ignored for an anonymous caller. */
    readonly matches: readonly Match[];
    /** The search text that found `matches`, reused for the search page. */
    readonly searchString?: string;
}

export type NewRecordEntity = 'Contact' | 'Lead' | 'Case';

/** Which rule chose the pop (for logs and tests). */
export type ScreenPopRule =
    | 'singleMatch'
    | 'priorityMatch'
    | 'multipleMatches'
    | 'noMatch'
    | 'anonymous'
    /** A call-data rule (callData/popRules) chose the pop. */
    | 'callData';

export type ScreenPopDecision =
    | {
          readonly kind: 'record';
          readonly rule: ScreenPopRule;
          readonly recordId: string;
          readonly objectType: string;
      }
    | {
          readonly kind: 'newRecord';
          readonly rule: ScreenPopRule;
          readonly entityName: NewRecordEntity;
          readonly defaultFieldValues: Readonly<Record<string, string>>;
      }
    | { readonly kind: 'search'; readonly rule: ScreenPopRule; readonly searchString: string }
    | {
          readonly kind: 'flow';
          readonly rule: ScreenPopRule;
          readonly flowName: string;
          readonly flowArgs: readonly FlowArgument[];
      };

/** Open CTI's SEARCH pop needs at least 3 characters. */
export const MIN_SEARCH_LENGTH = 3;

/**
 * Popped when the settings ask for the search page but there is nothing to search (anonymous
 * or too short a number): a Case needs no caller identity and records why they called.
 */
export const SEARCH_FALLBACK_ENTITY: NewRecordEntity = 'Case';

const NEW_RECORD_ENTITIES: Readonly<Record<Exclude<FallbackPopAction, 'Search'>, NewRecordEntity>> =
    {
        NewContact: 'Contact',
        NewLead: 'Lead',
        NewCase: 'Case'
    };

/**
 * What to pop for an inbound call. Pure; every input yields a pop (never a blank screen):
 * - anonymous caller → settings.anonymousAction;
 * - one match → that record;
 * - several → with 'Priority', the first of settings.searchObjects that has exactly one match
 *   (other objects are ignored), otherwise the search page;
 * - none → settings.noMatchAction.
 */
export function decideScreenPop(
    input: ScreenPopInput,
    settings: ScreenPopSettings
): ScreenPopDecision {
    const { callerId, matches } = input;
    if (callerId.kind === 'anonymous') {
        return fallback(settings.anonymousAction, undefined, undefined, 'anonymous');
    }
    const number = callerNumber(callerId);
    const [only] = matches;
    if (only !== undefined && matches.length === 1) {
        return {
            kind: 'record',
            rule: 'singleMatch',
            recordId: only.recordId,
            objectType: only.objectType
        };
    }
    if (matches.length > 1) {
        if (settings.multipleMatchAction === 'Priority') {
            const chosen = firstSingleMatchByPriority(matches, settings.searchObjects);
            if (chosen !== undefined) {
                return {
                    kind: 'record',
                    rule: 'priorityMatch',
                    recordId: chosen.recordId,
                    objectType: chosen.objectType
                };
            }
        }
        return searchOr(input.searchString ?? number?.value, number, 'multipleMatches');
    }
    return fallback(settings.noMatchAction, number, input.searchString, 'noMatch');
}

const DIALLABLE = /^\+?[0-9*#]+$/;

interface CallerNumber {
    /** E.164, or the bare digits of a number that could not be normalised. */
    readonly value: string;
    readonly mobile: boolean;
}

function callerNumber(callerId: PhoneNumberResult): CallerNumber | undefined {
    if (callerId.ok) {
        return { value: callerId.e164, mobile: callerId.mobile };
    }
    return callerId.kind === 'invalid' && callerId.digits !== ''
        ? { value: callerId.digits, mobile: false }
        : undefined;
}

function firstSingleMatchByPriority(
    matches: readonly Match[],
    searchObjects: readonly string[]
): Match | undefined {
    for (const objectType of searchObjects) {
        // API names are case-insensitive in Salesforce.
        const wanted = objectType.toLowerCase();
        const ofType = matches.filter((match) => match.objectType.toLowerCase() === wanted);
        const [single] = ofType;
        if (single !== undefined && ofType.length === 1) {
            return single;
        }
    }
    return undefined;
}

function fallback(
    action: FallbackPopAction,
    number: CallerNumber | undefined,
    searchString: string | undefined,
    rule: ScreenPopRule
): ScreenPopDecision {
    if (action === 'Search') {
        return searchOr(searchString ?? number?.value, number, rule);
    }
    return newRecord(NEW_RECORD_ENTITIES[action], number, rule);
}

function searchOr(
    searchString: string | undefined,
    number: CallerNumber | undefined,
    rule: ScreenPopRule
): ScreenPopDecision {
    const text = searchString?.trim() ?? '';
    return text.length >= MIN_SEARCH_LENGTH
        ? { kind: 'search', rule, searchString: text }
        : newRecord(SEARCH_FALLBACK_ENTITY, number, rule);
}

/**
 * Prefills the caller's number in E.164: unambiguous, dialable and found again by the
 * E.164 search. Contact/Lead: MobilePhone when the plan says mobile, else Phone. Case: the
 * standard SuppliedPhone field and Origin 'Phone' (a default Case Origin value).
 */
function newRecord(
    entityName: NewRecordEntity,
    number: CallerNumber | undefined,
    rule: ScreenPopRule
): ScreenPopDecision {
    const defaultFieldValues: Record<string, string> = {};
    // A caller known by a SIP name ('alice') has no number to put in a phone field.
    const phone = number !== undefined && DIALLABLE.test(number.value) ? number : undefined;
    if (entityName === 'Case') {
        defaultFieldValues.Origin = 'Phone';
        if (phone !== undefined) {
            defaultFieldValues.SuppliedPhone = phone.value;
        }
    } else if (phone !== undefined) {
        defaultFieldValues[phone.mobile ? 'MobilePhone' : 'Phone'] = phone.value;
    }
    return { kind: 'newRecord', rule, entityName, defaultFieldValues };
}
