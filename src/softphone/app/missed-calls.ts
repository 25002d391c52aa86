import type { EndedCall } from '../calls/ended-call';
import { label as labelOf } from '../i18n';
import type { NoticeView } from '../ui/view-model';
import type { RelatedRecord } from '../calls/call-model';
import type { CallRecords, RecordPhone } from './call-records';

const MISSED_CALL_PREFIX = 'missed-call-';

/**
 * The notice a missed call leaves (one per call: its id is stable), with Call back when there is
 * a number to call: the caller's, else (a caller known only by a name, e.g. a SIP user) the first
 * phone of the record the screen pop matched. Without either, the notice says there is no number
 * to call back instead of offering a Call back the dialer would refuse.
 */
export function missedCallNotice(
    call: EndedCall,
    label: string,
    recordPhones: readonly RecordPhone[] = []
): { readonly id: string; readonly message: string; readonly callBack?: string } {
    const id = `${MISSED_CALL_PREFIX}${call.id}`;
    const callBack = callBackNumber(
        call.direction === 'Inbound' ? call.from : call.to,
        recordPhones
    );
    if (callBack === undefined) {
        return {
            id,
            message: labelOf('Softphone_Call_Bar_Missed_Call_No_Number', label)
        };
    }
    return { id, message: labelOf('Softphone_Missed_Call_From', label), callBack };
}

/**
 * The number to call a party back on: theirs when it has digits (text without a digit is a name,
 * e.g. a SIP user, which the dialer refuses), else the matched record's first phone, else none.
 */
export function callBackNumber(
    number: string,
    recordPhones: readonly RecordPhone[] = []
): string | undefined {
    const trimmed = number.trim();
    return /\d/.test(trimmed) ? trimmed : recordPhones[0]?.number;
}

/** The phones the screen pop's search returned for the call's related record, if any. */
export function recordPhonesOf(
    records: CallRecords | undefined,
    related: RelatedRecord | undefined
): readonly RecordPhone[] | undefined {
    return related === undefined ? undefined : records?.phones?.[related.recordId];
}

/** How many missed calls the agent has not seen yet (their notices are still shown). */
export function unseenMissedCalls(notices: readonly NoticeView[]): number {
    return notices.filter((notice) => notice.id.startsWith(MISSED_CALL_PREFIX)).length;
}
