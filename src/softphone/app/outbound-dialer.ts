import type { RelatedRecord } from '../calls/call-model';
import type { CallEngine } from '../calls/call-engine';
import { parseSearchResult } from '../opencti/search-result';
import { checkDoNotCall, type DoNotCallDecision } from '../screenpop/do-not-call';
import { normalisePhoneNumber, searchVariants } from '../screenpop/phone-number';

export interface DialRequest {
    /** As typed or clicked: validated and normalised here. */
    readonly number: string;
    /** The record dialled from (click-to-dial, an LWC); logged with the call. */
    readonly related?: RelatedRecord;
    readonly personAccount?: boolean;
}

export type DialOutcome =
    | { readonly ok: true; readonly callId: string }
    | { readonly ok: false; readonly code: string; readonly message: string };

/** The part of the Salesforce host the dialer needs to read Do Not Call flags. */
export interface DoNotCallHost {
    searchAndScreenPop(request: {
        searchParams: string;
        callType: 'outbound';
        deferred: boolean;
    }): Promise<unknown>;
}

/**
 * Every outbound call goes through here, whoever asked (keypad, redial, click-to-dial, an LWC):
 * the number is validated and normalised, a Do Not Call record is refused with its reason, and
 * only then does the engine dial.
 */
export class OutboundDialer {
    constructor(
        private readonly engine: CallEngine,
        private readonly host: DoNotCallHost,
        private readonly defaultCountry: string
    ) {}

    async dial(request: DialRequest): Promise<DialOutcome> {
        const parsed = normalisePhoneNumber(request.number, this.defaultCountry);
        if (!parsed.ok) {
            const message =
                parsed.kind === 'anonymous' ? 'Enter a phone number to call.' : parsed.reason;
            return { ok: false, code: 'invalid-number', message };
        }
        if (request.related !== undefined) {
            const decision = await this.checkDoNotCall(parsed.e164, request);
            if (!decision.allowed) {
                return { ok: false, code: 'do-not-call', message: decision.reason };
            }
        }
        const result = await this.engine.dial(parsed.e164, request.related);
        return result.ok
            ? { ok: true, callId: result.callId }
            : { ok: false, code: result.error.code, message: result.error.message };
    }

    /**
     * Open CTI has no record read, so the flag comes from a deferred search for the number: the
     * dialled record's DoNotCall / PersonDoNotCall is there when the softphone layout shows it.
     */
    private async checkDoNotCall(e164: string, request: DialRequest): Promise<DoNotCallDecision> {
        const related = request.related as RelatedRecord;
        const record = {
            objectType: related.objectType,
            ...(related.recordName === undefined ? {} : { recordName: related.recordName }),
            ...(request.personAccount === undefined ? {} : { personAccount: request.personAccount })
        };
        for (const searchParams of searchVariants(e164, this.defaultCountry)) {
            let returned: unknown;
            try {
                returned = await this.host.searchAndScreenPop({
                    searchParams,
                    callType: 'outbound',
                    deferred: true
                });
            } catch {
                continue;
            }
            const result = parseSearchResult(returned);
            const match = result.ok
                ? result.value.matches.find((candidate) => candidate.recordId === related.recordId)
                : undefined;
            if (match !== undefined) {
                return checkDoNotCall(record, match.fields);
            }
        }
        return { allowed: true, checked: false };
    }
}
