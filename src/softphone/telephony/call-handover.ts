import { label, type LabelName } from '../i18n';

/**
 * Handing a call on: blind transfer, consult (a second call while the first is held, then
 * complete it into a transfer or cancel it), conference (merge the held and the active call
 * into one three-party call, drop a party) and swap between two calls.
 *
 * These are optional parts of Connector: a connector that implements one declares it in
 * `handoverSupport` and implements the matching methods. For one that does not, the call
 * engine refuses the agent's request with 'not-supported' before asking the connector, and
 * `callHandover(connector)` gives a stand-in whose methods reject with a clear message
 * (swap and cancelConsult fall back on hold / resume / hangup, which every connector has).
 *
 * What the engine expects, request by request (all ids are the connector's call ids):
 *
 *   blindTransfer(A, target)      A connected or held ──▶ 'transfer' events for A:
 *                                   trying → (ringing) → accepted, then 'ended' A 'transferred'
 *                                   or failed (reason) and A stays as it was (agent resumes it)
 *   startConsult(A, target) → B   A held (the engine holds it first) ──▶ B is a new outbound
 *                                   call, reported like a dial: remoteRinging, answered, ended
 *                                   (busy / no-answer / declined end B; A stays held)
 *   completeConsult(A, B)         A held, B connected ──▶ 'transfer' events for A (target = B's
 *                                   number), then 'ended' A and B with 'transferred'; on failure
 *                                   A held and B connected stay, the agent chooses again
 *   cancelConsult(A, B)           ends B ('ended' B 'local-hangup'), resumes A ('resumed' A)
 *   mergeCalls(A, B)              A held, B connected ──▶ 'conference' {callIds [A, B]} and
 *                                   'resumed' A: the agent and both parties hear each other
 *   dropParty(X)                  X in the conference ──▶ 'ended' X 'local-hangup' and a
 *                                   'conference' event with the parties left (one: it is over)
 *   swap(A, B)                    A connected, B held ──▶ 'held' A then 'resumed' B
 *
 * A party that hangs up during a consult or a conference is reported with 'ended' as usual
 * (and, in a conference, a 'conference' event with the parties left).
 */

/** Which of the handover families a connector implements. */
export interface HandoverSupport {
    /** blindTransfer. */
    readonly blindTransfer: boolean;
    /** startConsult and completeConsult (cancelConsult always works). */
    readonly consultTransfer: boolean;
    /** mergeCalls and dropParty. */
    readonly conference: boolean;
}

export const noHandoverSupport: HandoverSupport = Object.freeze({
    blindTransfer: false,
    consultTransfer: false,
    conference: false
});

/** Where a transfer request stands, as the phone system reports it. */
export type TransferProgress = 'trying' | 'ringing' | 'accepted' | 'failed';

/**
 * Why a transfer failed: the target was busy, did not answer, the phone system (or the
 * target) refused the transfer, the target could not be reached, or anything else.
 */
export type TransferFailureReason = 'busy' | 'no-answer' | 'refused' | 'unreachable' | 'failed';

/** The handover requests; each is optional on a Connector (see HandoverSupport). */
export interface CallHandover {
    /**
     * Hands call `callId` (connected or held) to `target` (a number or extension, dialled
     * like dial() does) without talking to the target first. Resolves once the phone system
     * has taken the request (e.g. SIP 202 Accepted to the REFER); progress then comes as
     * 'transfer' events, and an accepted transfer ends the call with reason 'transferred'.
     * Rejects when the request itself is refused (the call is unchanged).
     */
    blindTransfer(callId: string, target: string): Promise<void>;
    /**
     * Places a consult call to `target` while `callId` is held (the engine holds it first).
     * Resolves with the consult call's id; that call is then reported like a dialled one.
     */
    startConsult(callId: string, target: string): Promise<string>;
    /**
     * Joins the held call `callId` to the party of the connected consult call `consultCallId`
     * and takes the agent out (SIP: REFER carrying Replaces). Resolves once the phone system
     * has taken the request; 'transfer' events for `callId` follow, then both calls end with
     * 'transferred'. Rejects when refused, both calls unchanged.
     */
    completeConsult(callId: string, consultCallId: string): Promise<void>;
    /** Ends the consult call and resumes the held call; resolves once both are done. */
    cancelConsult(callId: string, consultCallId: string): Promise<void>;
    /**
     * Merges the held call `heldCallId` and the connected call `activeCallId` into one
     * conference with the agent (mixed in the browser or hosted by the phone system).
     * Resolves once every party hears the others; a 'conference' event reports the parties.
     */
    mergeCalls(heldCallId: string, activeCallId: string): Promise<void>;
    /** Drops one party of the conference: its call ends 'local-hangup', the others stay. */
    dropParty(callId: string): Promise<void>;
    /**
     * Holds the connected call `activeCallId` and resumes the held call `heldCallId`. Resolves
     * once both are done; 'held' and 'resumed' events may come before.
     */
    swap(activeCallId: string, heldCallId: string): Promise<void>;
}

/** The part of a connector callHandover() needs: its kind, what it supports, the basics. */
export interface HandoverHost extends Partial<CallHandover> {
    readonly kind: string;
    readonly handoverSupport?: HandoverSupport;
    hold(callId: string): Promise<void>;
    resume(callId: string): Promise<void>;
    hangup(callId: string): Promise<void>;
}

/** What a connector supports; nothing when it does not say. */
export function handoverSupportOf(connector: HandoverHost): HandoverSupport {
    return connector.handoverSupport ?? noHandoverSupport;
}

/**
 * The connector's handover requests, with the stand-ins for those it does not implement:
 * swap = hold then resume, cancelConsult = hang up the consult call then resume; every other
 * missing one rejects with "The <kind> phone system cannot …".
 */
export function callHandover(connector: HandoverHost): CallHandover {
    const unsupported = (what: LabelName): Promise<never> =>
        Promise.reject(new Error(label(what, connector.kind)));
    return {
        blindTransfer: (callId, target) =>
            connector.blindTransfer
                ? connector.blindTransfer(callId, target)
                : unsupported('Softphone_Connector_Cannot_Transfer'),
        startConsult: (callId, target) =>
            connector.startConsult
                ? connector.startConsult(callId, target)
                : unsupported('Softphone_Connector_Cannot_Consult'),
        completeConsult: (callId, consultCallId) =>
            connector.completeConsult
                ? connector.completeConsult(callId, consultCallId)
                : unsupported('Softphone_Connector_Cannot_Complete_Consult'),
        cancelConsult: async (callId, consultCallId) => {
            if (connector.cancelConsult) {
                return connector.cancelConsult(callId, consultCallId);
            }
            await connector.hangup(consultCallId);
            await connector.resume(callId);
        },
        mergeCalls: (heldCallId, activeCallId) =>
            connector.mergeCalls
                ? connector.mergeCalls(heldCallId, activeCallId)
                : unsupported('Softphone_Connector_Cannot_Conference'),
        dropParty: (callId) =>
            connector.dropParty
                ? connector.dropParty(callId)
                : unsupported('Softphone_Connector_Cannot_Conference'),
        swap: async (activeCallId, heldCallId) => {
            if (connector.swap) {
                return connector.swap(activeCallId, heldCallId);
            }
            await connector.hold(activeCallId);
            await connector.resume(heldCallId);
        }
    };
}
