import type { SipLogger } from './sip-logger';
import type { SipSession } from './sip-user-agent';

/**
 * The established dialogs whose signalling path died with the WebSocket.
 *
 * A BYE sent on a closed WebSocket never leaves the browser, and the PBX cannot reach the old
 * connection either, so the caller's leg would stay up until the caller hangs up. Instead, the
 * connector ends the call for the agent at once (Dropped) and keeps its SIP session here, its
 * microphone and speaker already released; when the WebSocket is connected again, endAll()
 * terminates each kept session, which sends its BYE on the new connection: once per dialog.
 * A dialog the far end ends meanwhile (its BYE, or an RFC 4028 session-timer expiry) is
 * forgotten. A kept dialog is ended toward the far end at most once, and only by endAll().
 *
 *   live ──WebSocket lost──▶ kept ──WebSocket connected──▶ BYE sent (forgotten)
 *                              └──far end ended it──▶ forgotten
 */
export class DroppedDialogs {
    private readonly sessions = new Map<SipSession, string>();

    constructor(private readonly logger: SipLogger) {}

    /** How many dialogs wait for their BYE. */
    get size(): number {
        return this.sessions.size;
    }

    /** Keeps a dropped call's session until the transport is back; `callId` is for the log. */
    keep(callId: string, session: SipSession): void {
        this.sessions.set(session, callId);
        session.setListener((event) => {
            if (event.type === 'ended' || event.type === 'failed') {
                if (this.sessions.delete(session)) {
                    // i18n-exempt: diagnostic log
                    this.logger('info', 'A dropped call was ended by the far end.', {
                        callId,
                        sipCallId: session.sipCallId,
                        cause: event.end.cause
                    });
                }
            }
        });
    }

    /** Ends every kept dialog toward its far end (a BYE on the re-established transport). */
    endAll(): void {
        const dropped = [...this.sessions];
        this.sessions.clear();
        for (const [session, callId] of dropped) {
            // i18n-exempt: diagnostic log
            this.logger('info', 'Ending a call dropped with the connection: BYE to the far end.', {
                callId,
                sipCallId: session.sipCallId
            });
            try {
                session.terminate();
            } catch (error) {
                // i18n-exempt: diagnostic log
                this.logger('debug', 'The dropped SIP session was already over.', {
                    callId,
                    error: error instanceof Error ? error.message : String(error)
                });
            }
        }
    }
}
