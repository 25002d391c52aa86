/**
 * Builders for every adapter → LWC event. They always produce a message that parseEvent accepts:
 * text from outside (caller names, error messages) is clipped to the contract's limits and keys
 * with no value are left out, because an LMS message must be plain JSON.
 */
import * as v from 'valibot';
import type { AgentState, Call } from '../calls/call-model';
import type { ConnectionStatus } from '../telephony/connector';
import {
    CONTRACT_LIMITS,
    CONTRACT_VERSION,
    ObjectApiNameSchema,
    SalesforceIdSchema
} from './message-contract';
import type {
    CallEndedEvent,
    CallEndedPayload,
    CallLoggedEvent,
    CallLoggedPayload,
    CallSnapshot,
    CallStartedEvent,
    CallStartedPayload,
    CommandType,
    ConferenceEvent,
    ConferencePayload,
    PongEvent,
    TransferEvent,
    TransferPayload,
    RelatedRecordPayload,
    SoftphoneErrorEvent,
    StateEvent,
    StatePayload
} from './message-contract';

export interface StateInput {
    readonly agentState: AgentState;
    readonly connectionStatus: ConnectionStatus;
    readonly activeCall?: Call;
    readonly softphoneVersion: string;
}

export interface ErrorInput {
    readonly code: string;
    readonly message: string;
    readonly inResponseTo?: CommandType;
}

/** The wire shape of a call from the engine's Call. */
export function toCallSnapshot(call: Call): CallSnapshot {
    const snapshot: {
        -readonly [K in keyof CallSnapshot]: CallSnapshot[K];
    } = {
        callId: clip(call.id, CONTRACT_LIMITS.callIdMax) || 'unknown',
        direction: call.direction,
        state: call.state,
        from: clip(call.from, CONTRACT_LIMITS.textMax),
        to: clip(call.to, CONTRACT_LIMITS.textMax),
        startedAt: toTimestamp(call.startedAt),
        muted: call.muted
    };
    if (call.remoteName !== undefined) {
        snapshot.remoteName = clip(call.remoteName, CONTRACT_LIMITS.textMax);
    }
    if (call.answeredAt !== undefined) {
        snapshot.answeredAt = toTimestamp(call.answeredAt);
    }
    const related = toRelatedPayload(call);
    if (related !== undefined) {
        snapshot.related = related;
    }
    return snapshot;
}

export function toStatePayload(input: StateInput): StatePayload {
    const payload: StatePayload = {
        agentState: input.agentState,
        connectionStatus: input.connectionStatus,
        softphoneVersion:
            clip(input.softphoneVersion, CONTRACT_LIMITS.versionStringMax) || 'unknown'
    };
    return input.activeCall === undefined
        ? payload
        : { ...payload, activeCall: toCallSnapshot(input.activeCall) };
}

export function buildStateEvent(payload: StatePayload, requestId?: string): StateEvent {
    return envelope('state', payload, requestId);
}

export function buildCallStartedEvent(
    payload: CallStartedPayload,
    requestId?: string
): CallStartedEvent {
    return envelope('callStarted', payload, requestId);
}

export function buildCallEndedEvent(payload: CallEndedPayload, requestId?: string): CallEndedEvent {
    return envelope(
        'callEnded',
        { ...payload, durationSeconds: Math.max(0, Math.round(payload.durationSeconds)) },
        requestId
    );
}

export function buildCallLoggedEvent(
    payload: CallLoggedPayload,
    requestId?: string
): CallLoggedEvent {
    const clean: CallLoggedPayload =
        payload.relatedRecordId === undefined
            ? { callId: payload.callId, recordId: payload.recordId }
            : payload;
    return envelope('callLogged', clean, requestId);
}

export function buildErrorEvent(input: ErrorInput, requestId?: string): SoftphoneErrorEvent {
    // Codes and messages can come from command handlers or Salesforce: coerce them into the
    // contract rather than publish an event the LWCs would reject.
    const code =
        clip(input.code.replace(/[^A-Za-z0-9_-]/g, '_'), CONTRACT_LIMITS.errorCodeMax) || 'ERROR';
    const message = clip(input.message, CONTRACT_LIMITS.errorMessageMax) || code;
    const payload =
        input.inResponseTo === undefined
            ? { code, message }
            : { code, message, inResponseTo: input.inResponseTo };
    return envelope('error', payload, requestId);
}

export function buildPongEvent(requestId?: string): PongEvent {
    return envelope('pong', {}, requestId);
}

/** A transfer's progress; the target is clipped to a phone number's length. */
export function buildTransferEvent(payload: TransferPayload): TransferEvent {
    return envelope(
        'transferUpdate',
        {
            callId: clip(payload.callId, CONTRACT_LIMITS.callIdMax) || 'unknown',
            target: clip(payload.target, CONTRACT_LIMITS.phoneNumberMax),
            progress: payload.progress,
            ...(payload.reason === undefined ? {} : { reason: payload.reason })
        },
        undefined
    );
}

export function buildConferenceEvent(payload: ConferencePayload): ConferenceEvent {
    return envelope(
        'conferenceUpdate',
        { parties: Math.max(0, Math.round(payload.parties)) },
        undefined
    );
}

function envelope<TType extends string, TPayload>(
    type: TType,
    payload: TPayload,
    requestId: string | undefined
): { version: 1; type: TType; requestId?: string; payload: TPayload } {
    return requestId === undefined
        ? { version: CONTRACT_VERSION, type, payload }
        : { version: CONTRACT_VERSION, type, requestId, payload };
}

function toRelatedPayload(call: Call): RelatedRecordPayload | undefined {
    const related = call.related;
    // A related record that does not fit the contract is left out rather than sent broken.
    if (
        related === undefined ||
        !v.is(SalesforceIdSchema, related.recordId) ||
        !v.is(ObjectApiNameSchema, related.objectType)
    ) {
        return undefined;
    }
    return related.recordName === undefined
        ? { recordId: related.recordId, objectType: related.objectType }
        : {
              recordId: related.recordId,
              objectType: related.objectType,
              recordName: clip(related.recordName, CONTRACT_LIMITS.textMax)
          };
}

function toTimestamp(epochMs: number): number {
    return Number.isFinite(epochMs) ? Math.max(0, Math.round(epochMs)) : 0;
}

function clip(text: string, max: number): string {
    return text.length <= max ? text : text.slice(0, max);
}
