import { label } from '../../i18n';
import type { CallEndReason } from '../connector';
import type { SimulatorDelayName } from './simulator-delays';

/**
 * What the simulator does with an outbound call, chosen by the last digits of the dialled
 * number (formatting is ignored: '+1 (415) 555-0000' ends in 0000). The connector schedules
 * exactly the steps below, so this table is the behaviour, not a description of it.
 *
 * | number ends in | events after dial (default delays)                  | engine outcome |
 * | -------------- | -------------------------------------------------- | -------------- |
 * | 0000           | remoteRinging (0.1 s), ended 'busy' (1 s)          | Busy           |
 * | 0001           | remoteRinging (0.1 s), ended 'no-answer' (20 s)    | No Answer      |
 * | 0002           | ended 'unreachable' at once                        | Failed         |
 * | 0003           | remoteRinging (0.1 s), ended 'voicemail' (3 s)     | Voicemail      |
 * | 0005           | remoteRinging (0.1 s), answered (1.5 s)            | Connected      |
 * | anything else  | remoteRinging (0.1 s), answered (1.5 s)            | Connected      |
 *
 * Voicemail is modelled as a diversion, not an answer: the call is never 'answered', so its
 * talk time is 0 and it is logged as Voicemail rather than as a connected call.
 *
 * Transfers follow the target's rule too (simulator-connector.ts): a blind transfer reports
 * 'trying', then 'ringing' at the target's remoteRinging step, then 'accepted' (and the call
 * ends 'transferred') when the target answers or diverts to voicemail, or 'failed' with the
 * target's busy / no-answer / unreachable end. A number ending in 0005 answers calls but
 * refuses every transfer to it (the request is rejected, like a SIP 403 to the REFER).
 *
 * Inbound calls come only from simulateIncoming(); one the agent leaves ringing ends with
 * 'no-answer' after inboundRingTimeoutMs (30 s). The remote party hangs up only when
 * simulateRemoteHangup() asks: 'cancelled' while ringing, 'declined' while dialing,
 * 'remote-hangup' once connected. simulateConnectionLoss() ends live calls 'connection-lost'.
 */

export type SimulatorDialBehaviour =
    'busy' | 'no-answer' | 'unreachable' | 'voicemail' | 'answer' | 'refuse-transfer';

/** When a step happens: after the named delay from the dial, or at once (still asynchronously). */
export type SimulatorStepTiming = SimulatorDelayName | 'immediately';

export type SimulatorRuleStep =
    | { readonly event: 'remoteRinging'; readonly after: SimulatorStepTiming }
    | { readonly event: 'answered'; readonly after: SimulatorStepTiming }
    | {
          readonly event: 'ended';
          readonly reason: CallEndReason;
          readonly after: SimulatorStepTiming;
      };

export interface SimulatorDialRule {
    /** The dialled digits end with this; undefined for the rule that matches every other number. */
    readonly suffix?: string;
    readonly behaviour: SimulatorDialBehaviour;
    readonly steps: readonly SimulatorRuleStep[];
    /**
     * One line for the softphone's simulator help and the README (default delays), in the
     * agent's language when read.
     */
    readonly description: string;
}

const ringing: SimulatorRuleStep = { event: 'remoteRinging', after: 'remoteRingingMs' };

/** In match order; the last rule has no suffix and matches every number. */
export const simulatorDialRules: readonly SimulatorDialRule[] = [
    {
        suffix: '0000',
        behaviour: 'busy',
        steps: [ringing, { event: 'ended', reason: 'busy', after: 'busyMs' }],
        get description() {
            return label('Softphone_Simulator_Rule_Busy');
        }
    },
    {
        suffix: '0001',
        behaviour: 'no-answer',
        steps: [ringing, { event: 'ended', reason: 'no-answer', after: 'noAnswerMs' }],
        get description() {
            return label('Softphone_Simulator_Rule_No_Answer');
        }
    },
    {
        suffix: '0002',
        behaviour: 'unreachable',
        steps: [{ event: 'ended', reason: 'unreachable', after: 'immediately' }],
        get description() {
            return label('Softphone_Simulator_Rule_Unreachable');
        }
    },
    {
        suffix: '0003',
        behaviour: 'voicemail',
        steps: [ringing, { event: 'ended', reason: 'voicemail', after: 'voicemailMs' }],
        get description() {
            return label('Softphone_Simulator_Rule_Voicemail');
        }
    },
    {
        suffix: '0005',
        behaviour: 'refuse-transfer',
        steps: [ringing, { event: 'answered', after: 'answerMs' }],
        get description() {
            return label('Softphone_Simulator_Rule_Refuse_Transfer');
        }
    },
    {
        behaviour: 'answer',
        steps: [ringing, { event: 'answered', after: 'answerMs' }],
        get description() {
            return label('Softphone_Simulator_Rule_Answer');
        }
    }
];

/** The digits of a typed number, formatting dropped ('+1 (415) 555-0000' → '14155550000'). */
export function dialDigits(number: string): string {
    return number.replace(/\D/g, '');
}

/** The rule for a dialled number (the catch-all rule when no suffix matches). */
export function simulatorRuleFor(number: string): SimulatorDialRule {
    const digits = dialDigits(number);
    const rule = simulatorDialRules.find(
        (candidate) => candidate.suffix === undefined || digits.endsWith(candidate.suffix)
    );
    if (!rule) {
        // Unreachable while the table ends with a catch-all rule; kept so the type is honest.
        // i18n-exempt: a programming error, unreachable while the table ends with a catch-all
        throw new Error('The simulator dial rules have no catch-all rule.');
    }
    return rule;
}
