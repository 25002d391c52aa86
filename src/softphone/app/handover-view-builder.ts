import type { Call } from '../calls/call-model';
import {
    blindTransferRefusal,
    cancelConsultRefusal,
    completeConsultRefusal,
    consultPair,
    dropPartyRefusal,
    mergeRefusal,
    startConsultRefusal,
    swapRefusal
} from '../calls/handover-rules';
import type { HandoverSupport } from '../telephony/call-handover';
import type { CallHandoverView, RecentCallView, TransferSuggestionView } from '../ui/view-model';
import type { RecordPhone } from './call-records';

/** How many numbers the Transfer control offers. */
export const MAX_TRANSFER_SUGGESTIONS = 10;

/**
 * What the agent may do to hand `call` on, decided by the engine's own rules (so a button
 * shows exactly when the engine would accept it), and how a transfer of it goes.
 * `describe` names the other party of a call (its name, else its formatted number).
 */
export function toHandoverView(
    call: Call,
    calls: readonly Call[],
    support: HandoverSupport,
    describe: (call: Call) => string,
    formatNumber: (raw: string) => string
): CallHandoverView | undefined {
    if (!support.blindTransfer && !support.consultTransfer && !support.conference) {
        return undefined;
    }
    const pair = consultPair(calls);
    const onConsult = pair?.consult.id === call.id;
    const other = calls.find((each) => each.id !== call.id);
    const placeholder = '0';
    const transfer = call.transfer;
    const view: CallHandoverView = {
        ...(call.state === 'connected' && other !== undefined && !call.conference
            ? { live: true }
            : {}),
        canTransfer: blindTransferRefusal(call, placeholder, support) === undefined,
        canConsult: startConsultRefusal(call, calls, placeholder, support) === undefined,
        canComplete: onConsult && completeConsultRefusal(calls, support) === undefined,
        canCancelConsult: onConsult && cancelConsultRefusal(calls) === undefined,
        canMerge: call.state === 'connected' && mergeRefusal(calls, support) === undefined,
        canDrop: dropPartyRefusal(call, support) === undefined,
        canSwap: call.state === 'held' && swapRefusal(calls) === undefined,
        ...(call.conference ? { inConference: true } : {}),
        ...(onConsult && pair ? { consultAbout: describe(pair.parent) } : {}),
        ...(transfer === undefined
            ? {}
            : {
                  transfer: {
                      target: formatNumber(transfer.target),
                      progress: transfer.progress,
                      ...(transfer.reason === undefined ? {} : { reason: transfer.reason })
                  }
              })
    };
    // Nothing to offer or show (e.g. a ringing call): no controls at all.
    const offered = [
        view.canTransfer,
        view.canConsult,
        view.canComplete,
        view.canCancelConsult,
        view.canMerge,
        view.canDrop,
        view.canSwap
    ].some(Boolean);
    const marked =
        view.live === true ||
        view.inConference === true ||
        view.consultAbout !== undefined ||
        view.transfer !== undefined;
    return offered || marked ? view : undefined;
}

/**
 * The related record's phone numbers first ("Maria Lopez · Mobile (415) 555-0151"), then the
 * recent calls' numbers, newest first; each number once, withheld numbers left out.
 */
export function transferSuggestions(
    recentCalls: readonly RecentCallView[],
    recordPhones: readonly {
        readonly name: string;
        readonly phones: readonly RecordPhone[];
    }[] = [],
    /** Writes every number the way the calls show it, so one number is offered once. */
    format: (number: string) => string = (number) => number
): TransferSuggestionView[] {
    const suggestions: TransferSuggestionView[] = [];
    for (const record of recordPhones) {
        for (const phone of record.phones) {
            const number = format(phone.number);
            if (!suggestions.some((each) => each.number === number)) {
                const kind = phone.field.replace(/Phone$/, '').replace(/^Person/, '') || 'Phone';
                suggestions.push({
                    number,
                    label: `${record.name} · ${kind} ${number}`
                });
            }
        }
    }
    for (const recent of recentCalls) {
        const number = format(recent.number.trim());
        if (number === '' || suggestions.some((each) => each.number === number)) {
            continue;
        }
        const name = recent.name?.trim();
        suggestions.push({ number, label: name ? `${name} · ${number}` : number });
        if (suggestions.length === MAX_TRANSFER_SUGGESTIONS) {
            break;
        }
    }
    return suggestions;
}
