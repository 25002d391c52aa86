import type { EndedCall } from '../calls/ended-call';
import { label as labelOf } from '../i18n';
import type { NoticeView } from '../ui/view-model';

const MISSED_CALL_PREFIX = 'missed-call-';

/** The notice a missed call leaves (one per call: its id is stable), with Call back if numbered. */
export function missedCallNotice(
    call: EndedCall,
    label: string
): { readonly id: string; readonly message: string; readonly callBack?: string } {
    const number = call.direction === 'Inbound' ? call.from : call.to;
    return {
        id: `${MISSED_CALL_PREFIX}${call.id}`,
        message: labelOf('Softphone_Missed_Call_From', label),
        ...(number.trim() === '' ? {} : { callBack: number })
    };
}

/** How many missed calls the agent has not seen yet (their notices are still shown). */
export function unseenMissedCalls(notices: readonly NoticeView[]): number {
    return notices.filter((notice) => notice.id.startsWith(MISSED_CALL_PREFIX)).length;
}
