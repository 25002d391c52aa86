// The commands a Lightning web component publishes, built as the contract wants them (part of
// the generated LWC module c/softphoneChannel, see lwc-module.ts).
import { CONTRACT_VERSION, type CommandType } from './message-contract';

/** What a builder takes: the payload's fields, undefined or null ones left out. */
export type BuilderFields = Readonly<Record<string, unknown>>;

export interface BuiltCommand {
    readonly version: typeof CONTRACT_VERSION;
    readonly type: CommandType;
    readonly requestId: string;
    readonly payload: Record<string, unknown>;
}

const REQUEST_COUNTER_RANGE = 1679616; // 36^4: at most four base-36 digits
let requestCounter = 0;

/** A new request id: letters, digits and '-', well under the contract's 64 characters. */
export function newRequestId(prefix: unknown = 'lwc'): string {
    requestCounter = (requestCounter + 1) % REQUEST_COUNTER_RANGE;
    const random = Math.floor(Math.random() * REQUEST_COUNTER_RANGE).toString(36);
    const safePrefix =
        String(prefix)
            .replace(/[^A-Za-z0-9_-]/g, '')
            .slice(0, 20) || 'lwc';
    return `${safePrefix}-${Date.now().toString(36)}-${requestCounter.toString(36)}-${random}`;
}

/** Keys whose value is undefined or null are left out: an LMS message must be plain JSON. */
function compact(fields: BuilderFields): Record<string, unknown> {
    const payload: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined && value !== null) {
            payload[key] = value;
        }
    }
    return payload;
}

function command(
    type: CommandType,
    payload: Record<string, unknown>,
    requestId: string | undefined
): BuiltCommand {
    return { version: CONTRACT_VERSION, type, requestId: requestId ?? newRequestId(), payload };
}

/** `dial`: number to call; recordId and objectType (together) tie the call to a record. */
export function buildDial(fields: BuilderFields = {}, requestId?: string): BuiltCommand {
    const { number, recordId, objectType, recordName } = fields;
    return command('dial', compact({ number, recordId, objectType, recordName }), requestId);
}

export function buildAnswer({ callId }: BuilderFields = {}, requestId?: string): BuiltCommand {
    return command('answer', compact({ callId }), requestId);
}

export function buildHangup({ callId }: BuilderFields = {}, requestId?: string): BuiltCommand {
    return command('hangup', compact({ callId }), requestId);
}

export function buildHold({ callId }: BuilderFields = {}, requestId?: string): BuiltCommand {
    return command('hold', compact({ callId }), requestId);
}

export function buildResume({ callId }: BuilderFields = {}, requestId?: string): BuiltCommand {
    return command('resume', compact({ callId }), requestId);
}

export function buildMute({ muted, callId }: BuilderFields = {}, requestId?: string): BuiltCommand {
    return command('mute', compact({ muted, callId }), requestId);
}

/** `setDisposition`: an absent disposition is sent as '' (the contract requires the key). */
export function buildSetDisposition(
    { callId, disposition, notes }: BuilderFields = {},
    requestId?: string
): BuiltCommand {
    return command(
        'setDisposition',
        compact({ callId, disposition: disposition ?? '', notes }),
        requestId
    );
}

export function buildPing(requestId?: string): BuiltCommand {
    return command('ping', {}, requestId);
}

/** `transfer`: hands the call (the active one without callId) to target, 'blind' or 'consult'. */
export function buildTransfer(
    { target, mode, callId }: BuilderFields = {},
    requestId?: string
): BuiltCommand {
    return command('transfer', compact({ target, mode, callId }), requestId);
}

/** `completeConsult`: the held caller is joined to the consulted party. */
export function buildCompleteConsult(requestId?: string): BuiltCommand {
    return command('completeConsult', {}, requestId);
}

/** `cancelConsult`: the consult call ends and the caller is resumed. */
export function buildCancelConsult(requestId?: string): BuiltCommand {
    return command('cancelConsult', {}, requestId);
}

/** `conference`: merges the held call and the connected call. */
export function buildConference(requestId?: string): BuiltCommand {
    return command('conference', {}, requestId);
}

export function buildDropParty({ callId }: BuilderFields = {}, requestId?: string): BuiltCommand {
    return command('dropParty', compact({ callId }), requestId);
}

export function buildSwap(requestId?: string): BuiltCommand {
    return command('swap', {}, requestId);
}

// The call bar's commands (headless mode):

export function buildDecline({ callId }: BuilderFields = {}, requestId?: string): BuiltCommand {
    return command('decline', compact({ callId }), requestId);
}

/** `setAgentState`: Available, Offline, or Break with one of state.breakReasons. */
export function buildSetAgentState(
    { state, reason }: BuilderFields = {},
    requestId?: string
): BuiltCommand {
    return command('setAgentState', compact({ state, reason }), requestId);
}

export function buildSendDtmf(
    { digits, callId }: BuilderFields = {},
    requestId?: string
): BuiltCommand {
    return command('sendDtmf', compact({ digits, callId }), requestId);
}

export function buildCompleteWrapUp(
    { callId }: BuilderFields = {},
    requestId?: string
): BuiltCommand {
    return command('completeWrapUp', compact({ callId }), requestId);
}

/** `getState`: the softphone answers with a `state` event (send it on subscribe). */
export function buildGetState(requestId?: string): BuiltCommand {
    return command('getState', {}, requestId);
}

/** Builds any command by type (the local console and tests use this to replay examples). */
export const COMMAND_BUILDERS: Readonly<
    Record<CommandType, (fields: BuilderFields, requestId?: string) => BuiltCommand>
> = Object.freeze({
    dial: buildDial,
    answer: buildAnswer,
    hangup: buildHangup,
    hold: buildHold,
    resume: buildResume,
    mute: buildMute,
    setDisposition: buildSetDisposition,
    ping: (_fields: BuilderFields, requestId?: string) => buildPing(requestId),
    transfer: buildTransfer,
    completeConsult: (_fields: BuilderFields, requestId?: string) =>
        buildCompleteConsult(requestId),
    cancelConsult: (_fields: BuilderFields, requestId?: string) => buildCancelConsult(requestId),
    conference: (_fields: BuilderFields, requestId?: string) => buildConference(requestId),
    dropParty: buildDropParty,
    swap: (_fields: BuilderFields, requestId?: string) => buildSwap(requestId),
    decline: buildDecline,
    setAgentState: buildSetAgentState,
    sendDtmf: buildSendDtmf,
    completeWrapUp: buildCompleteWrapUp,
    getState: (_fields: BuilderFields, requestId?: string) => buildGetState(requestId)
});
