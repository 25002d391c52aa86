import type { Call, RelatedRecord } from './call-model';
import { handleConnectorEvent } from './connector-events';
import type { EngineCore, PendingDial } from './engine-core';
import { errorMessage } from './engine-core';
import type { DialResult } from './engine-result';

/**
 * Places an outbound call through `request` (the connector's dial or startConsult): the
 * agent is Busy at once; the call is live once the connector gives its id.
 */
export async function placeCall(
    core: EngineCore,
    to: string,
    related: RelatedRecord | undefined,
    request: () => Promise<string>,
    marks: Pick<Call, 'consultOf'>
): Promise<DialResult> {
    const pendingDial: PendingDial = { startedAt: core.clock.now(), buffered: [] };
    core.pendingDial = pendingDial;
    core.agentState = 'Busy';
    core.publishState();

    let callId: string;
    try {
        callId = await request();
    } catch (error) {
        core.pendingDial = undefined;
        const failure = core.failure({
            key: 'dial-failed',
            number: to,
            error: errorMessage(error)
        });
        core.leaveCallWorkIfIdle();
        core.publishState();
        return failure;
    }
    core.pendingDial = undefined;
    if (core.getCall(callId)) {
        // i18n-exempt: a diagnostic log line (support reads it in English)
        core.logger('error', 'The connector reused the id of a live call.', { callId });
        const failure = core.failure({ key: 'call-id-reused', number: to, callId });
        core.leaveCallWorkIfIdle();
        core.publishState();
        return failure;
    }
    const call: Call = Object.freeze({
        id: callId,
        direction: 'Outbound',
        from: core.lineNumber,
        to,
        state: 'dialing',
        startedAt: pendingDial.startedAt,
        muted: false,
        ...(related ? { related } : {}),
        ...marks
    });
    core.calls = Object.freeze([...core.calls, call]);
    core.workedCall = true;
    core.queue('callStarted', call);
    if (core.connectionStatus === 'disconnected') {
        // The line went away while the dial was in flight: nothing will ever end this call.
        core.endCall(callId, 'connection-lost');
    }
    core.publishState();
    for (const event of pendingDial.buffered) {
        if (
            event.type !== 'connection' &&
            event.type !== 'incoming' &&
            event.type !== 'conference' &&
            event.callId === callId
        ) {
            handleConnectorEvent(core, event);
        } else {
            // i18n-exempt: a diagnostic log line (support reads it in English)
            core.logger('debug', 'Ignored an event for an unknown call.', { event });
        }
    }
    core.flush();
    return { ok: true, callId };
}
