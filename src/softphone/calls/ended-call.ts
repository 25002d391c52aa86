import type { CallEndReason } from '../telephony/connector';
import type { Call, CallOutcome } from './call-model';

/** A call as the engine's callEnded event hands it over: everything the call log needs. */
export interface EndedCall extends Call {
    readonly state: 'ended';
    readonly endedAt: number;
    readonly outcome: CallOutcome;
    /** What the phone system said (or 'connection-lost' when the engine ended it itself). */
    readonly endReason: CallEndReason;
    /** Talk time (answered → ended), whole seconds rounded to nearest; 0 if never answered. */
    readonly durationSeconds: number;
    /** Where the call was handed on (outcome Transferred). */
    readonly transferredTo?: string;
}

/** Talk time rather than ring time, because that is what Phone_Call__c.Duration reports. */
export function talkTimeSeconds(answeredAt: number | undefined, endedAt: number): number {
    if (answeredAt === undefined) {
        return 0;
    }
    return Math.max(0, Math.round((endedAt - answeredAt) / 1000));
}
