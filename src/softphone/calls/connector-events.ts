import type { ConnectorEvent } from '../telephony/connector';
import { withoutSecrets, type CallData } from '../telephony/call-data';
import type { Call, CallOutcome } from './call-model';
import type { EngineCore } from './engine-core';
import { endedCall, errorMessage } from './engine-core';

// What the engine does with the connector's events: connection changes, incoming calls (rung or
// declined automatically), call progress, conferences and transfer progress.

export function handleConnectorEvent(core: EngineCore, event: ConnectorEvent): void {
    if (event.type === 'connection') {
        core.applyConnectionStatus(event.status);
        return;
    }
    if (event.type === 'incoming') {
        handleIncoming(core, event);
        return;
    }
    if (event.type === 'conference') {
        core.applyConference(event.callIds);
        return;
    }
    const call = core.getCall(event.callId);
    if (!call) {
        if (core.pendingDial) {
            core.pendingDial.buffered.push(event);
        } else {
            // i18n-exempt: a diagnostic log line (support reads it in English)
            core.logger('debug', 'Ignored an event for an unknown call.', { event });
        }
        return;
    }
    switch (event.type) {
        case 'remoteRinging':
            // The call model has no separate state for it: the call stays 'dialing'.
            return;
        case 'answered':
            core.markAnswered(call.id);
            return;
        case 'held':
            core.markHeld(call.id);
            return;
        case 'resumed':
            core.markResumed(call.id);
            return;
        case 'ended':
            core.endCall(call.id, event.reason);
            core.publishState();
            return;
        case 'transfer':
            applyTransferProgress(core, call.id, event);
            return;
    }
}

function handleIncoming(
    core: EngineCore,
    event: Extract<ConnectorEvent, { type: 'incoming' }>
): void {
    if (core.getCall(event.callId)) {
        // i18n-exempt: a diagnostic log line (support reads it in English)
        core.logger('warn', 'The connector announced a call id that is already live.', {
            callId: event.callId
        });
        return;
    }
    const call: Call = Object.freeze({
        id: event.callId,
        direction: 'Inbound',
        from: core.normaliseNumber(event.from),
        to: core.normaliseNumber(event.to),
        ...(event.fromName === undefined ? {} : { remoteName: event.fromName }),
        ...callDataOf(core, event.data),
        state: 'ringing',
        startedAt: core.clock.now(),
        muted: false
    });
    const declineAs = autoDeclineOutcome(core);
    core.queue('callStarted', call);
    if (declineAs === undefined) {
        core.calls = Object.freeze([...core.calls, call]);
        core.publishState();
        return;
    }
    // i18n-exempt: a diagnostic log line (support reads it in English)
    core.logger('info', `Declined an inbound call automatically (${declineAs}).`, {
        callId: call.id,
        agentState: core.agentState
    });
    core.queue('callEnded', endedCall(call, core.clock.now(), 'declined', declineAs));
    void autoDecline(core, call.id);
}

/** The call's data without secrets; nothing when there is none. */
function callDataOf(core: EngineCore, data: CallData | undefined): { readonly data?: CallData } {
    const kept = data === undefined ? undefined : withoutSecrets(data, core.secretCallDataKeys);
    return kept === undefined || Object.keys(kept).length === 0 ? {} : { data: kept };
}

/** Undefined when an inbound call may ring now; else the outcome it is declined with. */
function autoDeclineOutcome(core: EngineCore): CallOutcome | undefined {
    const live = core.calls.length + (core.pendingDial ? 1 : 0);
    const ringing = core.calls.some((call) => call.state === 'ringing');
    switch (core.agentState) {
        case 'Available':
        case 'AfterCallWork':
            return live === 0 ? undefined : 'Busy';
        case 'Busy':
            return live === 1 && !ringing ? undefined : 'Busy';
        case 'Offline':
        case 'Break':
            // Never offered to the agent, so not Missed: the phone system is told busy
            // (the connector's decline: SIP 486 Busy Here) and the log says Busy.
            return 'Busy';
    }
}

async function autoDecline(core: EngineCore, callId: string): Promise<void> {
    try {
        await core.connector.decline(callId);
    } catch (error) {
        core.queue('error', {
            code: 'connector-failed',
            reason: { key: 'auto-decline-failed', error: errorMessage(error) },
            callId
        });
        core.flush();
    }
}

function applyTransferProgress(
    core: EngineCore,
    callId: string,
    event: Extract<ConnectorEvent, { type: 'transfer' }>
): void {
    const kind = core.getCall(callId)?.transfer?.kind ?? 'blind';
    core.updateCall(callId, {
        transfer: Object.freeze({
            kind,
            target: event.target,
            progress: event.progress,
            ...(event.progress === 'failed' ? { reason: event.reason ?? 'failed' } : {}),
            ...(event.message === undefined ? {} : { message: event.message })
        })
    });
    if (event.progress === 'failed') {
        core.queue('error', {
            code: 'connector-failed',
            reason: {
                key: 'transfer-failed',
                target: event.target,
                why: event.reason ?? 'failed',
                ...(event.message === undefined ? {} : { detail: event.message })
            },
            callId
        });
    }
    core.publishState();
}
