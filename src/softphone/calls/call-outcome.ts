import type { CallEndReason } from '../telephony/connector';
import type { CallDirection, CallOutcome } from './call-model';

/**
 * The Phone_Call__c outcome of a call that ended for `reason`.
 *
 * | reason           | answered  | unanswered inbound | unanswered outbound |
 * | ---------------- | --------- | ------------------ | ------------------- |
 * | local-hangup     | Connected | Rejected           | No Answer           |
 * | remote-hangup    | Connected | Missed             | No Answer           |
 * | cancelled        | Connected | Missed             | No Answer           |
 * | declined         | Connected | Rejected           | Rejected            |
 * | busy             | Connected | Busy               | Busy                |
 * | no-answer        | Connected | Missed             | No Answer           |
 * | voicemail        | Voicemail | Voicemail          | Voicemail           |
 * | unreachable      | Connected | Failed             | Failed              |
 * | failed           | Dropped   | Failed             | Failed              |
 * | connection-lost  | Dropped   | Missed             | Failed              |
 * | transferred      | Transferred | Transferred      | Transferred         |
 *
 * Why: once answered, a conversation took place, so only a machine answer (voicemail) or a
 * technical end (failed, connection-lost) changes that. Unanswered inbound calls are from the
 * business's side: the caller gave up or the network lost them → Missed; the agent refused →
 * Rejected. A transferred call was handed on, answered or not. Unanswered outbound calls are from the callee's side: an agent who gives up
 * before an answer, like a remote that never answers, is No Answer.
 */
export function outcomeFor(
    direction: CallDirection,
    answered: boolean,
    reason: CallEndReason
): CallOutcome {
    if (reason === 'transferred') {
        return 'Transferred';
    }
    if (answered) {
        switch (reason) {
            case 'voicemail':
                return 'Voicemail';
            case 'failed':
            case 'connection-lost':
                return 'Dropped';
            default:
                return 'Connected';
        }
    }
    switch (reason) {
        case 'declined':
            return 'Rejected';
        case 'busy':
            return 'Busy';
        case 'voicemail':
            return 'Voicemail';
        case 'unreachable':
        case 'failed':
            return 'Failed';
        case 'local-hangup':
            // i18n-exempt: a Phone_Call__c Outcome__c picklist value (the UI words it: outcomeLabel)
            return direction === 'Inbound' ? 'Rejected' : 'No Answer';
        case 'remote-hangup':
        case 'cancelled':
        case 'no-answer':
            // i18n-exempt: a Phone_Call__c Outcome__c picklist value (the UI words it: outcomeLabel)
            return direction === 'Inbound' ? 'Missed' : 'No Answer';
        case 'connection-lost':
            return direction === 'Inbound' ? 'Missed' : 'Failed';
    }
}
