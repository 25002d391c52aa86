import { normaliseDtmf } from '../telephony/dtmf';
import type { EngineCore } from './engine-core';
import type { EngineResult } from './engine-result';
import { engineFailure, engineOk } from './engine-result';
import { requestRefusal, shapeOf } from './request-refusals';
import { perform, performEnd } from './request-runner';

// The agent's requests on one live call: answer, decline, hang up, hold, resume, mute, tones.

/** Answers a ringing inbound call; another connected or dialing call must be held first. */
export async function answerCall(core: EngineCore, callId: string): Promise<EngineResult> {
    const refusal = requestRefusal(core, callId, {
        allowed: (call) => call.direction === 'Inbound' && call.state === 'ringing',
        refusal: (call) => ({ key: 'cannot-answer', call: shapeOf(call) }),
        lineTaken: { key: 'hold-before-answer' }
    });
    return (
        refusal ??
        perform(
            core,
            callId,
            'answer',
            () => core.connector.answer(callId),
            () => core.markAnswered(callId)
        )
    );
}

/** Declines a ringing inbound call (outcome Rejected). */
export async function declineCall(core: EngineCore, callId: string): Promise<EngineResult> {
    const refusal = requestRefusal(core, callId, {
        allowed: (call) => call.direction === 'Inbound' && call.state === 'ringing',
        refusal: (call) => ({ key: 'cannot-decline', call: shapeOf(call) })
    });
    return (
        refusal ??
        performEnd(core, callId, 'decline', () => core.connector.decline(callId), 'declined')
    );
}

/** Hangs up a dialing, connected or held call (even while another request is pending). */
export async function hangUpCall(core: EngineCore, callId: string): Promise<EngineResult> {
    const refusal = requestRefusal(core, callId, {
        whileEnding: { key: 'already-ending' },
        allowed: (call) => call.state !== 'ringing',
        refusal: () => ({ key: 'decline-instead' })
    });
    return (
        refusal ??
        performEnd(core, callId, 'hang-up', () => core.connector.hangup(callId), 'local-hangup')
    );
}

/** Holds a connected call. */
export async function holdCall(core: EngineCore, callId: string): Promise<EngineResult> {
    const refusal = requestRefusal(core, callId, {
        allowed: (call) => call.state === 'connected' && !call.conference,
        refusal: (call) =>
            call.conference
                ? { key: 'conference-cannot-hold' }
                : { key: 'cannot-hold', call: shapeOf(call) }
    });
    return (
        refusal ??
        perform(
            core,
            callId,
            'hold',
            () => core.connector.hold(callId),
            () => core.markHeld(callId)
        )
    );
}

/** Resumes a held call; refused while another call is connected or dialing (hold it first). */
export async function resumeCall(core: EngineCore, callId: string): Promise<EngineResult> {
    const refusal = requestRefusal(core, callId, {
        allowed: (call) => call.state === 'held',
        refusal: (call) => ({ key: 'cannot-resume', call: shapeOf(call) }),
        lineTaken: { key: 'hold-before-resume' }
    });
    return (
        refusal ??
        perform(
            core,
            callId,
            'resume',
            () => core.connector.resume(callId),
            () => core.markResumed(callId)
        )
    );
}

/** Mutes or unmutes the agent on a dialing, connected or held call (optimistic). */
export async function setCallMuted(
    core: EngineCore,
    callId: string,
    muted: boolean
): Promise<EngineResult> {
    const refusal = requestRefusal(core, callId, {
        whileEnding: { key: 'call-ending' },
        allowed: (call) => call.state !== 'ringing',
        refusal: () => ({ key: 'answer-before-mute' })
    });
    if (refusal) {
        return refusal;
    }
    if (core.getCall(callId)?.muted === muted) {
        return engineOk;
    }
    core.updateCall(callId, { muted });
    core.publishState();
    try {
        await core.connector.setMuted(callId, muted);
        return engineOk;
    } catch (error) {
        // Undo only our own change: a later toggle may already have superseded it.
        const reverted = core.getCall(callId)?.muted === muted;
        if (reverted) {
            core.updateCall(callId, { muted: !muted });
        }
        const failure = core.callFailure(muted ? 'mute' : 'unmute', callId, error);
        if (reverted) {
            core.publishState();
        }
        return failure;
    }
}

/** Sends DTMF tones (0-9, *, #, A-D; a-d accepted) on a connected call. */
export async function sendCallDtmf(
    core: EngineCore,
    callId: string,
    digits: string
): Promise<EngineResult> {
    const refusal = requestRefusal(core, callId, {
        whileEnding: { key: 'call-ending' },
        allowed: (call) => call.state === 'connected',
        refusal: (call) => ({ key: 'cannot-send-tones', call: shapeOf(call) })
    });
    if (refusal) {
        return refusal;
    }
    const tones = normaliseDtmf(digits);
    if (tones === undefined) {
        return engineFailure('invalid-argument', { key: 'bad-tones', digits });
    }
    try {
        await core.connector.sendDtmf(callId, tones);
        return engineOk;
    } catch (error) {
        return core.callFailure('send-tones', callId, error);
    }
}
