import type { AgentState, Call, CallOutcome } from '../calls/call-model';
import { isCallData } from '../telephony/call-data';
import { AGENT_STATES, CALL_OUTCOMES } from '../channel/message-contract';
import { talkTimeSeconds, type EndedCall } from '../calls/ended-call';
import type { RecentCallView } from '../ui/view-model';

/**
 * What the softphone writes to session storage as it runs, so that a reload of the softphone
 * frame (or of the Salesforce tab) can tell what was going on: the agent's state, the calls that
 * were live, the recent calls, and when the page was last alive.
 */
export interface SessionSnapshot {
    readonly version: 1;
    readonly agentState: AgentState;
    readonly liveCalls: readonly Call[];
    /** Calls that had ended but whose log was not yet in the outbox's durable store. */
    readonly unstoredCalls: readonly EndedCall[];
    readonly callerNames: Readonly<Record<string, string>>;
    readonly recentCalls: readonly RecentCallView[];
    /** The call whose wrap-up was open. */
    readonly wrapUpCallId?: string;
    /** What its wrap-up form held (a draft not necessarily saved yet). */
    readonly wrapUpDraft?: {
        readonly remoteLabel: string;
        readonly disposition: string;
        readonly notes: string;
    };
    /** Epoch ms of the last heartbeat or pagehide: when the page was last known alive. */
    readonly lastAliveAt: number;
}

const LIVE_STATES: readonly string[] = ['ringing', 'dialing', 'connected', 'held'];
const MAX_CALLS = 4;
const MAX_RECENT = 10;
const MAX_UNSTORED = 50;

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 256): value is string =>
    typeof value === 'string' && value.length <= max;
const isTime = (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0;

function isLiveCall(value: unknown): value is Call {
    return (
        isObject(value) &&
        isText(value.id) &&
        (value.direction === 'Inbound' || value.direction === 'Outbound') &&
        isText(value.from, 64) &&
        isText(value.to, 64) &&
        LIVE_STATES.includes(String(value.state)) &&
        isTime(value.startedAt) &&
        (value.answeredAt === undefined || isTime(value.answeredAt)) &&
        typeof value.muted === 'boolean' &&
        (value.data === undefined || isCallData(value.data))
    );
}

function isEndedCall(value: unknown): value is EndedCall {
    if (!isObject(value) || value.state !== 'ended') {
        return false;
    }
    return (
        isLiveCall({ ...value, state: 'connected' }) &&
        isTime(value.endedAt) &&
        (CALL_OUTCOMES as readonly string[]).includes(String(value.outcome)) &&
        isText(value.endReason, 40) &&
        typeof value.durationSeconds === 'number' &&
        Number.isFinite(value.durationSeconds)
    );
}

/** Within Phone_Call__c's field lengths (Disposition__c 255, Notes__c 32768). */
function isWrapUpDraft(value: unknown): value is SessionSnapshot['wrapUpDraft'] {
    return (
        isObject(value) &&
        isText(value.remoteLabel, 1000) &&
        isText(value.disposition, 255) &&
        isText(value.notes, 32768)
    );
}

function isRecentCall(value: unknown): value is RecentCallView {
    return (
        isObject(value) &&
        isText(value.callId) &&
        (value.direction === 'Inbound' || value.direction === 'Outbound') &&
        isText(value.number, 64) &&
        (value.name === undefined || isText(value.name, 1000)) &&
        isTime(value.endedAt) &&
        isText(value.outcome, 40) &&
        typeof value.durationSeconds === 'number' &&
        (value.record === undefined ||
            (isObject(value.record) &&
                isText(value.record.recordId, 18) &&
                isText(value.record.objectType, 80)))
    );
}

/**
 * Reads a stored snapshot. Storage is outside the softphone's control (another version, a
 * hand edit, a cut write), so anything unexpected yields undefined rather than a crash.
 */
export function parseSessionSnapshot(text: string | null): SessionSnapshot | undefined {
    if (text === null || text.length > 200_000) {
        return undefined;
    }
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        return undefined;
    }
    if (
        !isObject(value) ||
        value.version !== 1 ||
        !(AGENT_STATES as readonly string[]).includes(String(value.agentState)) ||
        !Array.isArray(value.liveCalls) ||
        value.liveCalls.length > MAX_CALLS ||
        !value.liveCalls.every(isLiveCall) ||
        !Array.isArray(value.unstoredCalls) ||
        value.unstoredCalls.length > MAX_UNSTORED ||
        !value.unstoredCalls.every(isEndedCall) ||
        !Array.isArray(value.recentCalls) ||
        !value.recentCalls.every(isRecentCall) ||
        !isObject(value.callerNames) ||
        !Object.values(value.callerNames).every((name) => isText(name, 1000)) ||
        (value.wrapUpCallId !== undefined && !isText(value.wrapUpCallId)) ||
        (value.wrapUpDraft !== undefined && !isWrapUpDraft(value.wrapUpDraft)) ||
        !isTime(value.lastAliveAt)
    ) {
        return undefined;
    }
    return {
        version: 1,
        agentState: value.agentState as AgentState,
        liveCalls: value.liveCalls,
        unstoredCalls: value.unstoredCalls,
        callerNames: value.callerNames as Record<string, string>,
        recentCalls: value.recentCalls.slice(0, MAX_RECENT),
        ...(value.wrapUpCallId === undefined ? {} : { wrapUpCallId: value.wrapUpCallId }),
        ...(value.wrapUpDraft === undefined
            ? {}
            : { wrapUpDraft: value.wrapUpDraft as NonNullable<SessionSnapshot['wrapUpDraft']> }),
        lastAliveAt: value.lastAliveAt
    };
}

/**
 * A call that was live when the page went away cannot be resumed (the connector and its media
 * lived in that page), so it is logged as it really ended: Dropped if it was answered (talk time
 * up to the page's last sign of life), else Missed (inbound) or No Answer (outbound).
 */
export function droppedByReload(call: Call, lastAliveAt: number): EndedCall {
    const endedAt = Math.max(lastAliveAt, call.answeredAt ?? call.startedAt);
    const outcome: CallOutcome =
        call.answeredAt !== undefined
            ? 'Dropped'
            : call.direction === 'Inbound'
              ? 'Missed'
              : // i18n-exempt: a Phone_Call__c Outcome__c picklist value (the UI words it: outcomeLabel)
                'No Answer';
    return {
        ...call,
        state: 'ended',
        endedAt,
        outcome,
        endReason: 'connection-lost',
        durationSeconds: talkTimeSeconds(call.answeredAt, endedAt)
    };
}
