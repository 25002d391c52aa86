import type { RelatedRecord } from '../calls/call-model';
import { label } from '../i18n';
import { parseSearchResult, type SearchMatch } from '../opencti';
import type { PopTiming, ScreenPopSettings } from '../settings/softphone-settings';
import { searchVariants, type PhoneNumberResult } from './phone-number';
import type { CallData } from '../telephony/call-data';
import {
    decideCallDataPops,
    type CallDataPop,
    type CallDataPopRule,
    type FlowArgument
} from './call-data-rules';
import { MIN_SEARCH_LENGTH, decideScreenPop, type ScreenPopDecision } from './screen-pop-rules';

/** What the executor pops, as `screenPop` arguments (a subset of the Open CTI types). */
export type ScreenPopTarget =
    | { readonly type: 'SOBJECT'; readonly params: { readonly recordId: string } }
    | {
          readonly type: 'NEW_RECORD_MODAL';
          readonly params: {
              readonly entityName: string;
              readonly defaultFieldValues: Readonly<Record<string, string>>;
          };
      }
    | { readonly type: 'SEARCH'; readonly params: { readonly searchString: string } }
    | {
          readonly type: 'FLOW';
          readonly params: {
              readonly flowDevName: string;
              readonly flowArgs: readonly FlowArgument[];
          };
      };

export interface ScreenPopSearch {
    readonly searchParams: string;
    readonly callType: 'inbound';
    /** Always true: search only, then pop what our own rules decide. */
    readonly deferred: boolean;
}

/** The part of the Salesforce host the executor needs (OpenCtiHost fits it). */
export interface ScreenPopHost {
    searchAndScreenPop(args: ScreenPopSearch): Promise<unknown>;
    screenPop(args: ScreenPopTarget): Promise<unknown>;
}

/** When the pop is asked for: as the call rings, or once the agent answered it. */
export type PopMoment = 'ring' | 'answer';

export type ScreenPopOutcome =
    | {
          readonly ok: true;
          readonly decision: ScreenPopDecision;
          /** Every record the search found (with the layout's fields). */
          readonly matches: readonly SearchMatch[];
          /**
           * True when nothing was popped because the settings time this pop for the answer
           * (e.g. a new-record form): ask again with moment 'answer' once the agent answers.
           */
          readonly waitsForAnswer?: boolean;
          /** The popped record, to relate the call log to. */
          readonly related?: RelatedRecord;
          /** The popped record's name, to show in the softphone. */
          readonly callerName?: string;
      }
    | {
          readonly ok: false;
          readonly step: 'search' | 'screenPop';
          /** The host's own message. */
          readonly message: string;
          readonly decision?: ScreenPopDecision;
      };

export interface ScreenPopperOptions {
    readonly settings: ScreenPopSettings;
    /** ISO alpha-2, for the national search variants. */
    readonly defaultCountry: string;
    /** Rules on call data (callData/popRules), tried before the caller's number. */
    readonly callDataRules?: readonly CallDataPopRule[];
}

/** The sObject of the standard key prefixes a call-data record Id may have (for the log's lookup). */
const OBJECT_BY_KEY_PREFIX: Readonly<Record<string, string>> = {
    '001': 'Account',
    '003': 'Contact',
    '00Q': 'Lead',
    '500': 'Case'
};

/**
 * Searches Salesforce for an inbound caller, decides the pop with decideScreenPop and pops
 * it. Never throws: host failures come back as `{ ok: false }` with the host's message.
 */
export class ScreenPopper {
    constructor(
        private readonly host: ScreenPopHost,
        private readonly options: ScreenPopperOptions
    ) {}

    /**
     * Searches and pops. At the 'ring' moment a pop the settings time OnAnswer is not shown:
     * the outcome says `waitsForAnswer`. At the 'answer' moment whatever is decided pops.
     */
    async pop(
        callerId: PhoneNumberResult,
        moment: PopMoment = 'answer',
        data?: CallData
    ): Promise<ScreenPopOutcome> {
        try {
            for (const dataPop of decideCallDataPops(data, this.options.callDataRules ?? [])) {
                const outcome = await this.popCallData(dataPop, callerId, moment);
                if (outcome !== undefined) {
                    return outcome;
                }
            }
            return await this.searchAndPop(callerId, moment);
        } catch (error) {
            return { ok: false, step: 'search', message: messageOf(error) };
        }
    }

    /**
     * One call-data rule's pop; undefined when its search found no one (the next rule, then
     * the caller's number, is tried). A failed search of the value is a failed pop.
     */
    private async popCallData(
        dataPop: CallDataPop,
        callerId: PhoneNumberResult,
        moment: PopMoment
    ): Promise<ScreenPopOutcome | undefined> {
        switch (dataPop.kind) {
            case 'record': {
                const objectType = OBJECT_BY_KEY_PREFIX[dataPop.recordId.slice(0, 3)];
                const decision: ScreenPopDecision = {
                    kind: 'record',
                    rule: 'callData',
                    recordId: dataPop.recordId,
                    objectType: objectType ?? ''
                };
                return this.popDecision(decision, [], moment);
            }
            case 'flow':
                return this.popDecision(
                    {
                        kind: 'flow',
                        rule: 'callData',
                        flowName: dataPop.flowName,
                        flowArgs: dataPop.flowArgs
                    },
                    [],
                    moment
                );
            case 'search': {
                const found = await this.search(dataPop.searchString);
                if (!found.ok) {
                    return { ok: false, step: 'search', message: found.message };
                }
                if (found.matches.length === 0) {
                    return undefined;
                }
                const decision = decideScreenPop(
                    { callerId, matches: found.matches, searchString: dataPop.searchString },
                    this.options.settings
                );
                return this.popDecision({ ...decision, rule: 'callData' }, found.matches, moment);
            }
        }
    }

    private async searchAndPop(
        callerId: PhoneNumberResult,
        moment: PopMoment
    ): Promise<ScreenPopOutcome> {
        const variants = this.variantsOf(callerId);
        let matches: readonly SearchMatch[] = [];
        let searchString: string | undefined;
        const failures: string[] = [];
        // Try each written form until one finds someone; a failing form (e.g. one the search
        // rejects) does not stop the others.
        for (const variant of variants) {
            const found = await this.search(variant);
            if (!found.ok) {
                failures.push(found.message);
                continue;
            }
            if (found.matches.length > 0) {
                matches = found.matches;
                searchString = variant;
                break;
            }
        }
        if (variants.length > 0 && failures.length === variants.length) {
            return {
                ok: false,
                step: 'search',
                message: failures[0] ?? label('Softphone_Pop_Search_Failed')
            };
        }
        const decision = decideScreenPop(
            { callerId, matches, ...(searchString === undefined ? {} : { searchString }) },
            this.options.settings
        );
        return this.popDecision(decision, matches, moment);
    }

    private async popDecision(
        decision: ScreenPopDecision,
        matches: readonly SearchMatch[],
        moment: PopMoment
    ): Promise<ScreenPopOutcome> {
        if (moment === 'ring' && this.timingOf(decision) === 'OnAnswer') {
            return { ok: true, decision, matches, waitsForAnswer: true };
        }
        try {
            await this.host.screenPop(targetOf(decision));
        } catch (error) {
            return { ok: false, step: 'screenPop', message: messageOf(error), decision };
        }
        if (decision.kind !== 'record') {
            return { ok: true, decision, matches };
        }
        const popped = matches.find((match) => match.recordId === decision.recordId);
        if (decision.objectType === '') {
            // A record Id from the call data whose object we cannot tell: popped, not related.
            return { ok: true, decision, matches };
        }
        const related: RelatedRecord = {
            recordId: decision.recordId,
            objectType: decision.objectType,
            ...(popped?.name === undefined ? {} : { recordName: popped.name })
        };
        return {
            ok: true,
            decision,
            matches,
            related,
            ...(popped?.name === undefined ? {} : { callerName: popped.name })
        };
    }

    private timingOf(decision: ScreenPopDecision): PopTiming {
        const { newRecordPopTiming, matchPopTiming } = this.options.settings;
        return decision.kind === 'newRecord' ? newRecordPopTiming : matchPopTiming;
    }

    private variantsOf(callerId: PhoneNumberResult): string[] {
        if (callerId.ok) {
            return searchVariants(callerId.e164, this.options.defaultCountry);
        }
        // A number we could not normalise may still be stored as typed.
        return callerId.kind === 'invalid' && callerId.digits.length >= MIN_SEARCH_LENGTH
            ? [callerId.digits]
            : [];
    }

    private async search(
        searchParams: string
    ): Promise<{ ok: true; matches: readonly SearchMatch[] } | { ok: false; message: string }> {
        let raw: unknown;
        try {
            raw = await this.host.searchAndScreenPop({
                searchParams,
                callType: 'inbound',
                deferred: true
            });
        } catch (error) {
            return { ok: false, message: messageOf(error) };
        }
        const result = parseSearchResult(raw);
        return result.ok
            ? { ok: true, matches: result.value.matches }
            : { ok: false, message: result.error.message };
    }
}

function targetOf(decision: ScreenPopDecision): ScreenPopTarget {
    switch (decision.kind) {
        case 'record':
            return { type: 'SOBJECT', params: { recordId: decision.recordId } };
        case 'newRecord':
            return {
                type: 'NEW_RECORD_MODAL',
                params: {
                    entityName: decision.entityName,
                    defaultFieldValues: decision.defaultFieldValues
                }
            };
        case 'search':
            return { type: 'SEARCH', params: { searchString: decision.searchString } };
        case 'flow':
            // Open CTI FLOW: {flowDevName, flowArgs: [{name, type, value}]} — active screen flows
            // only; arguments the flow has no input variable for are ignored.
            // https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_screenpop_lex.htm
            return {
                type: 'FLOW',
                params: { flowDevName: decision.flowName, flowArgs: decision.flowArgs }
            };
    }
}

function messageOf(error: unknown): string {
    return error instanceof Error && error.message !== '' ? error.message : String(error);
}
