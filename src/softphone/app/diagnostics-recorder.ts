import type { CallEngine } from '../calls/call-engine';
import type { LogOutbox } from '../calllog/log-outbox';
import type { DiagnosticLog } from '../diagnostics/diagnostic-log';

/**
 * Writes what the softphone does to the diagnostic log that "Download logs" hands to support:
 * call lifecycle, agent state, connection, log delivery. The log masks numbers and redacts
 * credentials itself, so events go in as they are.
 */
export function recordSoftphoneEvents(
    diagnostics: DiagnosticLog,
    engine: CallEngine,
    outbox: LogOutbox
): () => void {
    let lastState = '';
    const unsubscribers = [
        engine.on('stateChanged', (snapshot) => {
            const state = `${snapshot.agentState}/${snapshot.connectionStatus}/${snapshot.calls
                .map((call) => call.state)
                .join(',')}`;
            if (state !== lastState) {
                lastState = state;
                diagnostics.record({
                    level: 'info',
                    event: 'state',
                    details: {
                        agentState: snapshot.agentState,
                        connectionStatus: snapshot.connectionStatus,
                        calls: snapshot.calls.map((call) => ({
                            callId: call.id,
                            state: call.state
                        }))
                    }
                });
            }
        }),
        engine.on('callStarted', (call) =>
            diagnostics.record({
                level: 'info',
                event: 'call started',
                details: {
                    callId: call.id,
                    direction: call.direction,
                    from: call.from,
                    to: call.to
                }
            })
        ),
        engine.on('callEnded', (call) =>
            diagnostics.record({
                level: 'info',
                event: 'call ended',
                details: {
                    callId: call.id,
                    outcome: call.outcome,
                    endReason: call.endReason,
                    durationSeconds: call.durationSeconds
                }
            })
        ),
        engine.on('error', (error) =>
            diagnostics.record({ level: 'error', event: 'engine error', details: error })
        ),
        outbox.on('logged', (event) =>
            diagnostics.record({
                level: 'info',
                event: 'call logged',
                details: { callId: event.callId, recordId: event.recordId }
            })
        ),
        outbox.on('failed', (event) =>
            diagnostics.record({ level: 'warn', event: 'call log failed', details: event })
        ),
        outbox.on('storeError', (event) =>
            diagnostics.record({ level: 'error', event: 'call log storage failed', details: event })
        )
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
