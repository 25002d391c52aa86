/**
 * The messages softphones in several Salesforce tabs of one browser exchange over a
 * BroadcastChannel. Another tab is outside this page, so every message is validated here and a
 * bad one is dropped, never acted on.
 *
 * Trust boundary (SECURITY.md): any script of the softphone's origin can open this channel, read
 * what is posted and post. Same-origin scripts are trusted, so what the agent can do in a tab
 * (actions, LWC commands) can be asked for here, validated like the LWCs' commands. Nothing
 * secret is ever sent in answer to a message: the connector's sign-in crosses the channel once,
 * as a `handover` the leader posts when its own tab goes (see TabLeader.handOver), and the log a
 * follower asks for has its phone numbers masked whatever the admin's setting.
 */
import * as v from 'valibot';
import {
    AGENT_STATES,
    CALL_DIRECTIONS,
    CALL_OUTCOMES,
    CONNECTION_STATUSES,
    CONTRACT_LIMITS,
    CallIdSchema,
    RelatedRecordSchema,
    RequestIdSchema,
    SalesforceIdSchema,
    TRANSFER_FAILURE_REASONS,
    TRANSFER_MODES,
    TRANSFER_PROGRESSES
} from '../channel/message-contract';
import { englishContractWords, isContractLabelName } from '../channel/contract-words';
import { LOG_FILE_TYPE, type LogFile } from '../diagnostics/log-download';
import type { SoftphoneViewModel } from '../ui/view-model';

/** Bumped when these messages change: tabs running another version ignore each other. */
export const TAB_PROTOCOL_VERSION = 2;
export const TAB_CHANNEL_NAME = 'open-cti-softphone.tabs';
export const LEADER_LOCK_NAME = 'open-cti-softphone.leader';

const TabId = RequestIdSchema;
const RequestId = RequestIdSchema;
const CallId = CallIdSchema;
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
/** Large enough for a 10 KB hostile caller name, small enough to bound a message. */
const MAX_VIEW_TEXT = 64 * 1024;
const MAX_NOTES = CONTRACT_LIMITS.notesMax;

/**
 * An agent's click in a follower's softphone, carried to the leader's own handlers. Validated
 * like the LWCs' commands (channel/message-contract.ts): the same call id, disposition and notes
 * bounds, and unknown fields refused (strict objects), so a forged action is either exactly one
 * the agent could click or dropped. What an action asks for is then checked where the agent's
 * own click is: the number a `dial` carries goes through the same dialer as an LWC's dial
 * (normalised, Do Not Call), and is bounded here like the contract's phone number.
 */
const actionOf = <TEntries extends v.ObjectEntries>(entries: TEntries) => v.strictObject(entries);
const WrapUpText = {
    disposition: text(CONTRACT_LIMITS.dispositionMax),
    notes: text(CONTRACT_LIMITS.notesMax)
};
/** A number or extension the agent typed (dial, transfer target): checked again where it is used. */
const TypedNumber = v.pipe(v.string(), v.minLength(1), v.maxLength(CONTRACT_LIMITS.phoneNumberMax));
export const AgentActionSchema = v.variant('name', [
    actionOf({ name: v.literal('dial'), number: TypedNumber }),
    actionOf({
        name: v.picklist(['answer', 'decline', 'hangup', 'hold', 'resume']),
        callId: CallId
    }),
    actionOf({ name: v.literal('setMuted'), callId: CallId, muted: v.boolean() }),
    actionOf({ name: v.literal('sendDtmf'), callId: CallId, digit: text(32) }),
    actionOf({ name: v.literal('setAgentState'), state: v.picklist(AGENT_STATES) }),
    actionOf({ name: v.literal('saveWrapUp'), callId: CallId, ...WrapUpText }),
    actionOf({ name: v.literal('editWrapUp'), callId: CallId, ...WrapUpText }),
    actionOf({ name: v.literal('completeWrapUp') }),
    actionOf({ name: v.literal('relateCall'), callId: CallId, recordId: SalesforceIdSchema }),
    actionOf({ name: v.literal('dismissError'), id: text(128) }),
    actionOf({
        name: v.literal('transfer'),
        callId: CallId,
        target: TypedNumber,
        mode: v.picklist(TRANSFER_MODES)
    }),
    actionOf({
        name: v.picklist(['completeConsult', 'cancelConsult', 'mergeCalls', 'swapCalls'])
    }),
    actionOf({ name: v.literal('dropParty'), callId: CallId }),
    actionOf({
        name: v.literal('simulateIncoming'),
        from: text(64),
        fromName: v.optional(text(256))
    })
]);
export type AgentAction = v.InferOutput<typeof AgentActionSchema>;

/** What a follower's screen pop found: enough for the leader to relate the call and name it. */
export const PopResultSchema = v.variant('ok', [
    v.object({
        ok: v.literal(true),
        related: v.optional(RelatedRecordSchema),
        callerName: v.optional(text(1024)),
        /** Nothing was popped yet: the settings time this pop for the answer. */
        waitsForAnswer: v.optional(v.boolean())
    }),
    v.object({ ok: v.literal(false), step: text(64), message: text(4096) })
]);
export type PopResult = v.InferOutput<typeof PopResultSchema>;

/**
 * The leader's view model. The follower renders it as text only (the view never parses markup),
 * so this checks the shape the view relies on and bounds every string.
 */
/** Which record a call is logged to and the records seen (names are untrusted text). */
const RecordOptionSchema = v.object({ recordId: text(18), label: text(MAX_VIEW_TEXT) });
const LoggedToSchema = v.object({
    current: v.optional(RecordOptionSchema),
    options: v.pipe(v.array(RecordOptionSchema), v.maxLength(50))
});
/** What the agent may do to hand a call on, and how a transfer goes (targets are untrusted text). */
const HandoverViewSchema = v.looseObject({
    live: v.optional(v.boolean()),
    canTransfer: v.boolean(),
    canConsult: v.boolean(),
    canComplete: v.boolean(),
    canCancelConsult: v.boolean(),
    canMerge: v.boolean(),
    canDrop: v.boolean(),
    canSwap: v.boolean(),
    inConference: v.optional(v.boolean()),
    consultAbout: v.optional(text(MAX_VIEW_TEXT)),
    transfer: v.optional(
        v.object({
            target: text(MAX_VIEW_TEXT),
            progress: v.picklist(TRANSFER_PROGRESSES),
            reason: v.optional(v.picklist(TRANSFER_FAILURE_REASONS))
        })
    )
});
const CallViewSchema = v.looseObject({
    callId: CallId,
    direction: v.picklist(CALL_DIRECTIONS),
    state: v.picklist(['ringing', 'dialing', 'connected', 'held']),
    number: text(MAX_VIEW_TEXT),
    name: v.optional(text(MAX_VIEW_TEXT)),
    startedAt: Time,
    answeredAt: v.optional(Time),
    heldAt: v.optional(Time),
    muted: v.boolean(),
    details: v.optional(
        v.pipe(
            v.array(v.object({ label: text(MAX_VIEW_TEXT), value: text(MAX_VIEW_TEXT) })),
            v.maxLength(50)
        )
    ),
    controlledOnPhone: v.optional(v.boolean()),
    loggedTo: v.optional(LoggedToSchema),
    handover: v.optional(HandoverViewSchema)
});
const MessageViewSchema = v.looseObject({
    id: text(128),
    message: text(MAX_VIEW_TEXT),
    callId: v.optional(CallId)
});
const RecordIdText = v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{15,18}$/));
const ObjectTypeText = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/));
export const ViewModelSchema = v.looseObject({
    connection: v.looseObject({
        status: v.picklist(CONNECTION_STATUSES),
        connectorLabel: text(1024),
        message: v.optional(text(MAX_VIEW_TEXT))
    }),
    agentState: v.picklist(AGENT_STATES),
    agentStateOptions: v.array(v.picklist(AGENT_STATES)),
    calls: v.pipe(v.array(CallViewSchema), v.maxLength(10)),
    wrapUp: v.optional(
        v.looseObject({
            callId: CallId,
            remoteLabel: text(MAX_VIEW_TEXT),
            outcome: v.picklist(CALL_OUTCOMES),
            durationSeconds: Time,
            disposition: text(255),
            notes: text(MAX_NOTES),
            dispositionOptions: v.array(text(255)),
            dispositionRequired: v.boolean(),
            endsAt: v.optional(Time),
            pausedMsLeft: v.optional(Time),
            saving: v.boolean(),
            draftSaved: v.boolean(),
            confirmedAt: v.optional(Time),
            error: v.optional(text(MAX_VIEW_TEXT)),
            loggedTo: v.optional(LoggedToSchema)
        })
    ),
    recentCalls: v.pipe(
        v.array(
            v.looseObject({
                callId: CallId,
                direction: v.picklist(CALL_DIRECTIONS),
                number: text(MAX_VIEW_TEXT),
                name: v.optional(text(MAX_VIEW_TEXT)),
                endedAt: Time,
                outcome: v.picklist(CALL_OUTCOMES),
                durationSeconds: Time,
                record: v.optional(v.object({ recordId: RecordIdText, objectType: ObjectTypeText }))
            })
        ),
        v.maxLength(50)
    ),
    errors: v.pipe(v.array(MessageViewSchema), v.maxLength(50)),
    notices: v.pipe(
        v.array(
            v.looseObject({ ...MessageViewSchema.entries, kind: v.picklist(['info', 'warning']) })
        ),
        v.maxLength(50)
    ),
    simulatorControlsVisible: v.boolean(),
    logStatus: v.looseObject({ pending: Time, durable: v.boolean() }),
    canDial: v.boolean(),
    dialBlockedReason: v.optional(text(MAX_VIEW_TEXT)),
    dialAttempt: v.optional(
        v.object({
            id: Time,
            number: text(100),
            status: v.picklist(['placing', 'refused']),
            message: v.optional(text(MAX_VIEW_TEXT))
        })
    ),
    transferSuggestions: v.optional(
        v.pipe(
            v.array(v.object({ number: text(100), label: text(MAX_VIEW_TEXT) })),
            v.maxLength(50)
        )
    ),
    conference: v.optional(v.object({ parties: v.pipe(v.number(), v.integer(), v.minValue(0)) }))
});

const LogFileSchema = v.object({
    filename: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,128}$/)),
    text: text(16 * 1024 * 1024),
    type: v.literal(LOG_FILE_TYPE)
});

const Credentials = v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(64)), text(4096)),
    v.check((values) => Object.keys(values).length <= 10, 'too many credentials')
);

/** Every message, follower → leader and leader → followers. `to` addresses one tab. */
export const TabMessageBodySchema = v.variant('kind', [
    // follower → leader
    v.object({ kind: v.literal('hello'), visible: v.boolean(), activeAt: Time }),
    v.object({ kind: v.literal('activity'), visible: v.boolean(), activeAt: Time }),
    v.object({ kind: v.literal('bye') }),
    v.object({ kind: v.literal('action'), action: AgentActionSchema }),
    v.object({ kind: v.literal('lmsMessage'), message: v.unknown() }),
    v.object({ kind: v.literal('clickToDial'), payload: v.unknown() }),
    v.object({ kind: v.literal('simulator'), message: v.unknown() }),
    v.object({ kind: v.literal('logFileRequest'), requestId: RequestId }),
    v.object({ kind: v.literal('popResult'), requestId: RequestId, result: PopResultSchema }),
    v.object({ kind: v.literal('signIn'), values: Credentials }),
    // leader → followers
    v.object({ kind: v.literal('leader') }),
    v.object({ kind: v.literal('signingIn'), error: v.optional(text(4096)) }),
    v.object({ kind: v.literal('view'), model: ViewModelSchema }),
    v.object({ kind: v.literal('lmsEvent'), message: v.unknown() }),
    v.object({ kind: v.literal('session'), json: text(4 * 1024 * 1024) }),
    // Posted once, when the leader's tab goes: the sign-in for the tab that takes over.
    v.object({ kind: v.literal('handover'), values: Credentials }),
    v.object({ kind: v.literal('showPanel') }),
    v.object({ kind: v.literal('refreshView') }),
    v.object({
        kind: v.literal('popRequest'),
        requestId: RequestId,
        number: text(64),
        moment: v.optional(v.picklist(['ring', 'answer']))
    }),
    v.object({ kind: v.literal('logFile'), requestId: RequestId, file: LogFileSchema })
]);
type CheckedBody = v.InferOutput<typeof TabMessageBodySchema>;
/**
 * A message as tabs post and read it: the checked shape, with the view model and the log file
 * typed as the softphone's own types (the schema checks what the view and the download rely on).
 */
export type TabMessageBody =
    | Exclude<CheckedBody, { kind: 'view' | 'logFile' }>
    | { readonly kind: 'view'; readonly model: SoftphoneViewModel }
    | { readonly kind: 'logFile'; readonly requestId: string; readonly file: LogFile };
export type TabMessageKind = TabMessageBody['kind'];

export type TabMessage = TabMessageBody & {
    readonly protocol: typeof TAB_PROTOCOL_VERSION;
    /** The sending tab. */
    readonly from: string;
    /** The one tab the message is for; absent: every tab. */
    readonly to?: string;
};

const EnvelopeSchema = v.object({
    protocol: v.number(),
    from: TabId,
    to: v.optional(TabId)
});

export type ParsedTabMessage =
    | { readonly ok: true; readonly message: TabMessage }
    | {
          readonly ok: false;
          readonly reason: 'not-ours' | 'other-version' | 'invalid';
          readonly detail: string;
      };

/** Reads one received message; never throws. */
export function parseTabMessage(data: unknown): ParsedTabMessage {
    try {
        const envelope = v.safeParse(EnvelopeSchema, data);
        if (!envelope.success) {
            return { ok: false, reason: 'not-ours', detail: 'not a softphone tab message' };
        }
        if (envelope.output.protocol !== TAB_PROTOCOL_VERSION) {
            return {
                ok: false,
                reason: 'other-version',
                detail: `tab protocol ${String(envelope.output.protocol)}`
            };
        }
        const body = v.safeParse(TabMessageBodySchema, data);
        if (!body.success) {
            const issue = body.issues[0];
            const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
            // The shared contract's schemas name a label; the detail goes to the diagnostic log.
            const problem = isContractLabelName(issue.message)
                ? englishContractWords(issue.message)
                : issue.message;
            return {
                ok: false,
                reason: 'invalid',
                detail: `${path || 'message'}: ${problem}`
            };
        }
        return {
            ok: true,
            message: {
                ...(body.output as TabMessageBody),
                protocol: TAB_PROTOCOL_VERSION,
                from: envelope.output.from,
                ...(envelope.output.to === undefined ? {} : { to: envelope.output.to })
            }
        };
    } catch (error) {
        return {
            ok: false,
            reason: 'invalid',
            detail: error instanceof Error ? error.message : String(error)
        };
    }
}
