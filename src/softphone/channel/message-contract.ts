/**
 * The one versioned LMS message contract between the LWCs and the adapter.
 *
 *   LWC ──command (requestId required)──▶ adapter
 *   LWC ◀──event (requestId echoed when it answers a command)── adapter
 *
 * Every message is an envelope `{ version: 1, type, requestId?, payload }` on the channel
 * `Softphone_Message__c`. The LWC side mirrors these rules in one JS module; both sides are held
 * together by the examples in test-support/contract-examples.ts.
 *
 * Strictness: payloads reject unknown keys (a misspelt field is a bug, and a new field means a new
 * contract version); the envelope ignores unknown keys so that anything the platform might add
 * around a message does not break every command.
 */
import * as v from 'valibot';
import type { ContractLabelName } from './contract-words';

export const CONTRACT_VERSION = 1;

/** LMS channel API name as the adapter references it (no namespace, `__c` suffix). */
export const SOFTPHONE_CHANNEL_NAME = 'Softphone_Message__c';

export const COMMAND_TYPES = [
    'dial',
    'answer',
    'hangup',
    'hold',
    'resume',
    'mute',
    'setDisposition',
    'ping',
    'transfer',
    'completeConsult',
    'cancelConsult',
    'conference',
    'dropParty',
    'swap',
    // The call bar's commands (headless mode):
    'decline',
    'setAgentState',
    'sendDtmf',
    'completeWrapUp',
    'getState'
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

export const EVENT_TYPES = [
    'state',
    'callStarted',
    'callEnded',
    'callLogged',
    'error',
    'pong',
    'transferUpdate',
    'conferenceUpdate'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Limits, shared with the field lengths of Phone_Call__c where they meet. */
export const CONTRACT_LIMITS = {
    requestIdMax: 64,
    phoneNumberMax: 40,
    callIdMax: 255,
    textMax: 255,
    dispositionMax: 255,
    notesMax: 32768,
    objectTypeMax: 80,
    errorCodeMax: 64,
    errorMessageMax: 1000,
    versionStringMax: 64,
    dtmfMax: 32,
    listMax: 50
} as const;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/;
const PHONE_PATTERN = /^[0-9+().\- ]+$/;
const SALESFORCE_ID_PATTERN = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const API_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const DTMF_PATTERN = /^[0-9*#A-Da-d]+$/;

// ---- building blocks -------------------------------------------------------------------------

// A refinement's message is the name of its label (contract-words.ts): parse-message.ts words it
// with the field's path, in the language of whoever parses.
const TOKEN_CHARS: ContractLabelName = 'Softphone_Channel_Token_Chars';

export const RequestIdSchema = v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(CONTRACT_LIMITS.requestIdMax),
    v.regex(TOKEN_PATTERN, TOKEN_CHARS)
);

export const PhoneNumberSchema = v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(CONTRACT_LIMITS.phoneNumberMax),
    v.regex(PHONE_PATTERN, 'Softphone_Channel_Phone_Chars' satisfies ContractLabelName),
    v.check(
        (value) => /[0-9]/.test(value),
        'Softphone_Channel_Needs_Digit' satisfies ContractLabelName
    )
);

export const SalesforceIdSchema = v.pipe(
    v.string(),
    v.regex(SALESFORCE_ID_PATTERN, 'Softphone_Channel_Salesforce_Id' satisfies ContractLabelName)
);

export const ObjectApiNameSchema = v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(CONTRACT_LIMITS.objectTypeMax),
    v.regex(API_NAME_PATTERN, 'Softphone_Channel_Api_Name' satisfies ContractLabelName)
);

export const CallIdSchema = v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(CONTRACT_LIMITS.callIdMax)
);

/**
 * valibot's object schemas accept arrays (`typeof [] === 'object'`); a payload or nested object
 * that arrives as an array is a sender bug, so every object in the contract goes through this.
 */
const jsonObject = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
    v.pipe(
        v.custom<Record<string, unknown>>(
            (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
            'must be an object'
        ),
        v.strictObject(entries)
    );

const textUpTo = (max: number) => v.pipe(v.string(), v.maxLength(max));
const timestampSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

export const AGENT_STATES = ['Offline', 'Available', 'Busy', 'AfterCallWork', 'Break'] as const;
export const CONNECTION_STATUSES = [
    'disconnected',
    'connecting',
    'connected',
    'reconnecting'
] as const;
export const CALL_DIRECTIONS = ['Inbound', 'Outbound'] as const;
export const CALL_STATES = ['ringing', 'dialing', 'connected', 'held', 'ended'] as const;
export const CALL_OUTCOMES = [
    'Connected',
    // i18n-exempt: an outcome value (the Outcome picklist's API value), not words
    'No Answer',
    'Busy',
    'Voicemail',
    'Failed',
    'Missed',
    'Rejected',
    'Dropped',
    'Transferred'
] as const;

export const TRANSFER_MODES = ['blind', 'consult'] as const;
/** How the agent's two calls are tied, in the `state` event (callsLink). */
export const CALLS_LINKS = ['consult', 'conference'] as const;
export const TRANSFER_PROGRESSES = [
    'requested',
    'trying',
    'ringing',
    'accepted',
    'failed'
] as const;
export const TRANSFER_FAILURE_REASONS = [
    'busy',
    'no-answer',
    'refused',
    'unreachable',
    'failed'
] as const;

export const RelatedRecordSchema = jsonObject({
    recordId: SalesforceIdSchema,
    objectType: ObjectApiNameSchema,
    recordName: v.optional(textUpTo(CONTRACT_LIMITS.textMax))
});

/** A call as the LWCs see it; times are epoch milliseconds. */
export const CallSnapshotSchema = jsonObject({
    callId: CallIdSchema,
    direction: v.picklist(CALL_DIRECTIONS),
    state: v.picklist(CALL_STATES),
    from: textUpTo(CONTRACT_LIMITS.textMax),
    to: textUpTo(CONTRACT_LIMITS.textMax),
    remoteName: v.optional(textUpTo(CONTRACT_LIMITS.textMax)),
    startedAt: timestampSchema,
    answeredAt: v.optional(timestampSchema),
    muted: v.boolean(),
    related: v.optional(RelatedRecordSchema)
});

/** The states an agent (or a component for them) may pick; the others follow from calls. */
export const CHOOSABLE_AGENT_STATES = ['Available', 'Break', 'Offline'] as const;

/** A list of short texts (dispositions, not-ready reasons). */
const textList = v.pipe(
    v.array(textUpTo(CONTRACT_LIMITS.textMax)),
    v.maxLength(CONTRACT_LIMITS.listMax)
);

/** After-call work as the call bar shows it: the form's draft and its rules. */
export const WrapUpSnapshotSchema = jsonObject({
    callId: CallIdSchema,
    remoteLabel: textUpTo(CONTRACT_LIMITS.textMax),
    disposition: textUpTo(CONTRACT_LIMITS.dispositionMax),
    notes: textUpTo(CONTRACT_LIMITS.notesMax),
    dispositionRequired: v.boolean(),
    dispositions: textList,
    endsAt: v.optional(timestampSchema),
    error: v.optional(textUpTo(CONTRACT_LIMITS.errorMessageMax))
});

// ---- envelopes -------------------------------------------------------------------------------

function commandEnvelope<TType extends CommandType, TPayload extends v.GenericSchema>(
    type: TType,
    payload: TPayload
) {
    return v.object({
        version: v.literal(CONTRACT_VERSION),
        type: v.literal(type),
        requestId: RequestIdSchema,
        payload
    });
}

function eventEnvelope<TType extends EventType, TPayload extends v.GenericSchema>(
    type: TType,
    payload: TPayload
) {
    return v.object({
        version: v.literal(CONTRACT_VERSION),
        type: v.literal(type),
        requestId: v.optional(RequestIdSchema),
        payload
    });
}

const optionalCallIdPayload = jsonObject({ callId: v.optional(CallIdSchema) });

// ---- commands (LWC → adapter) ----------------------------------------------------------------

export const DialPayloadSchema = v.pipe(
    jsonObject({
        number: PhoneNumberSchema,
        recordId: v.optional(SalesforceIdSchema),
        objectType: v.optional(ObjectApiNameSchema),
        recordName: v.optional(textUpTo(CONTRACT_LIMITS.textMax))
    }),
    // The related record travels whole: an Id without its object type cannot be logged to the
    // right lookup, and a name or type without an Id points at nothing.
    v.check(
        (payload) => (payload.recordId === undefined) === (payload.objectType === undefined),
        'Softphone_Channel_Related_Pair' satisfies ContractLabelName
    ),
    v.check(
        (payload) => payload.recordName === undefined || payload.recordId !== undefined,
        'Softphone_Channel_Name_Without_Id' satisfies ContractLabelName
    )
);

export const DialCommandSchema = commandEnvelope('dial', DialPayloadSchema);
export const AnswerCommandSchema = commandEnvelope('answer', optionalCallIdPayload);
export const HangupCommandSchema = commandEnvelope('hangup', optionalCallIdPayload);
export const HoldCommandSchema = commandEnvelope('hold', optionalCallIdPayload);
export const ResumeCommandSchema = commandEnvelope('resume', optionalCallIdPayload);
export const MuteCommandSchema = commandEnvelope(
    'mute',
    jsonObject({ muted: v.boolean(), callId: v.optional(CallIdSchema) })
);
export const SetDispositionCommandSchema = commandEnvelope(
    'setDisposition',
    jsonObject({
        callId: CallIdSchema,
        // Whether a disposition is required is a UI rule; the contract only bounds its length.
        disposition: textUpTo(CONTRACT_LIMITS.dispositionMax),
        notes: v.optional(textUpTo(CONTRACT_LIMITS.notesMax))
    })
);
export const PingCommandSchema = commandEnvelope('ping', jsonObject({}));
/** Hands the call (the active one without callId) on: at once, or after a consult call. */
export const TransferCommandSchema = commandEnvelope(
    'transfer',
    jsonObject({
        target: PhoneNumberSchema,
        mode: v.picklist(TRANSFER_MODES),
        callId: v.optional(CallIdSchema)
    })
);
export const CompleteConsultCommandSchema = commandEnvelope('completeConsult', jsonObject({}));
export const CancelConsultCommandSchema = commandEnvelope('cancelConsult', jsonObject({}));
/** Merges the held call and the connected call into a conference. */
export const ConferenceCommandSchema = commandEnvelope('conference', jsonObject({}));
export const DropPartyCommandSchema = commandEnvelope(
    'dropParty',
    jsonObject({ callId: CallIdSchema })
);
export const SwapCommandSchema = commandEnvelope('swap', jsonObject({}));

// The call bar's commands. Each is refused with an `error` event (the reason in its message)
// when the softphone's state does not allow it.
/** Declines a ringing inbound call (the ringing one without callId). */
export const DeclineCommandSchema = commandEnvelope('decline', optionalCallIdPayload);
/** The agent's status; a reason only with Break, one of state.breakReasons. */
export const SetAgentStateCommandSchema = commandEnvelope(
    'setAgentState',
    v.pipe(
        jsonObject({
            state: v.picklist(CHOOSABLE_AGENT_STATES),
            reason: v.optional(
                v.pipe(v.string(), v.minLength(1), v.maxLength(CONTRACT_LIMITS.textMax))
            )
        }),
        v.check(
            (payload) => payload.reason === undefined || payload.state === 'Break',
            'Softphone_Channel_Reason_Only_Break' satisfies ContractLabelName
        )
    )
);
/** Tones on the connected call (the active one without callId). */
export const SendDtmfCommandSchema = commandEnvelope(
    'sendDtmf',
    jsonObject({
        digits: v.pipe(
            v.string(),
            v.minLength(1),
            v.maxLength(CONTRACT_LIMITS.dtmfMax),
            v.regex(DTMF_PATTERN, 'Softphone_Channel_Dtmf_Chars' satisfies ContractLabelName)
        ),
        callId: v.optional(CallIdSchema)
    })
);
/** Wrap-up done (the saved disposition and notes stay; a required disposition is enforced). */
export const CompleteWrapUpCommandSchema = commandEnvelope(
    'completeWrapUp',
    jsonObject({ callId: CallIdSchema })
);
/** Asks for a `state` event now (a component sends it when it subscribes). */
export const GetStateCommandSchema = commandEnvelope('getState', jsonObject({}));

export const COMMAND_SCHEMAS = {
    dial: DialCommandSchema,
    answer: AnswerCommandSchema,
    hangup: HangupCommandSchema,
    hold: HoldCommandSchema,
    resume: ResumeCommandSchema,
    mute: MuteCommandSchema,
    setDisposition: SetDispositionCommandSchema,
    ping: PingCommandSchema,
    transfer: TransferCommandSchema,
    completeConsult: CompleteConsultCommandSchema,
    cancelConsult: CancelConsultCommandSchema,
    conference: ConferenceCommandSchema,
    dropParty: DropPartyCommandSchema,
    swap: SwapCommandSchema,
    decline: DeclineCommandSchema,
    setAgentState: SetAgentStateCommandSchema,
    sendDtmf: SendDtmfCommandSchema,
    completeWrapUp: CompleteWrapUpCommandSchema,
    getState: GetStateCommandSchema
} as const;

// ---- events (adapter → LWC) ------------------------------------------------------------------

export const StatePayloadSchema = jsonObject({
    agentState: v.picklist(AGENT_STATES),
    connectionStatus: v.picklist(CONNECTION_STATUSES),
    activeCall: v.optional(CallSnapshotSchema),
    softphoneVersion: v.pipe(
        v.string(),
        v.minLength(1),
        v.maxLength(CONTRACT_LIMITS.versionStringMax)
    ),
    // What the call bar shows besides the active call:
    breakReason: v.optional(textUpTo(CONTRACT_LIMITS.textMax)),
    breakReasons: v.optional(textList),
    /** A call ringing while the agent is on another one (call waiting). */
    waitingCall: v.optional(CallSnapshotSchema),
    wrapUp: v.optional(WrapUpSnapshotSchema),
    /** The agent's second call beside the active one (held, or merged with it in a conference). */
    otherCall: v.optional(CallSnapshotSchema),
    /**
     * How the two calls are tied: 'consult' (one is a consult call about the other, the caller)
     * or 'conference' (both merged with the agent; dropParty takes either's callId). Absent: two
     * separate calls (a waiting call answered), or one call.
     */
    callsLink: v.optional(v.picklist(CALLS_LINKS)),
    /**
     * Which of the two calls is a consult call (the other is the caller it is about), during the
     * consult and in the conference it was merged into.
     */
    consultCallId: v.optional(CallIdSchema)
});

export const CallStartedPayloadSchema = jsonObject({ call: CallSnapshotSchema });

export const CallEndedPayloadSchema = jsonObject({
    call: CallSnapshotSchema,
    outcome: v.picklist(CALL_OUTCOMES),
    durationSeconds: v.pipe(v.number(), v.integer(), v.minValue(0))
});

export const CallLoggedPayloadSchema = jsonObject({
    callId: CallIdSchema,
    recordId: SalesforceIdSchema,
    relatedRecordId: v.optional(SalesforceIdSchema)
});

export const ErrorPayloadSchema = jsonObject({
    code: v.pipe(
        v.string(),
        v.minLength(1),
        v.maxLength(CONTRACT_LIMITS.errorCodeMax),
        v.regex(TOKEN_PATTERN, TOKEN_CHARS)
    ),
    message: v.pipe(v.string(), v.minLength(1), v.maxLength(CONTRACT_LIMITS.errorMessageMax)),
    inResponseTo: v.optional(v.picklist(COMMAND_TYPES))
});

/** How a transfer of a call goes ("Transferring to …", "Transferred to …", "failed: busy"). */
export const TransferPayloadSchema = jsonObject({
    callId: CallIdSchema,
    target: textUpTo(CONTRACT_LIMITS.phoneNumberMax),
    progress: v.picklist(TRANSFER_PROGRESSES),
    reason: v.optional(v.picklist(TRANSFER_FAILURE_REASONS))
});

/** The agent's conference: how many take part, the agent included; 0 when it is over. */
export const ConferencePayloadSchema = jsonObject({
    parties: v.pipe(v.number(), v.integer(), v.minValue(0))
});

export const StateEventSchema = eventEnvelope('state', StatePayloadSchema);
export const CallStartedEventSchema = eventEnvelope('callStarted', CallStartedPayloadSchema);
export const CallEndedEventSchema = eventEnvelope('callEnded', CallEndedPayloadSchema);
export const CallLoggedEventSchema = eventEnvelope('callLogged', CallLoggedPayloadSchema);
export const ErrorEventSchema = eventEnvelope('error', ErrorPayloadSchema);
export const PongEventSchema = eventEnvelope('pong', jsonObject({}));
export const TransferEventSchema = eventEnvelope('transferUpdate', TransferPayloadSchema);
export const ConferenceEventSchema = eventEnvelope('conferenceUpdate', ConferencePayloadSchema);

export const EVENT_SCHEMAS = {
    state: StateEventSchema,
    callStarted: CallStartedEventSchema,
    callEnded: CallEndedEventSchema,
    callLogged: CallLoggedEventSchema,
    error: ErrorEventSchema,
    pong: PongEventSchema,
    transferUpdate: TransferEventSchema,
    conferenceUpdate: ConferenceEventSchema
} as const;

// ---- types inferred from the schemas ---------------------------------------------------------

export type RelatedRecordPayload = v.InferOutput<typeof RelatedRecordSchema>;
export type CallSnapshot = v.InferOutput<typeof CallSnapshotSchema>;
export type WrapUpSnapshot = v.InferOutput<typeof WrapUpSnapshotSchema>;
export type ChoosableAgentState = (typeof CHOOSABLE_AGENT_STATES)[number];

export type DialCommand = v.InferOutput<typeof DialCommandSchema>;
export type AnswerCommand = v.InferOutput<typeof AnswerCommandSchema>;
export type HangupCommand = v.InferOutput<typeof HangupCommandSchema>;
export type HoldCommand = v.InferOutput<typeof HoldCommandSchema>;
export type ResumeCommand = v.InferOutput<typeof ResumeCommandSchema>;
export type MuteCommand = v.InferOutput<typeof MuteCommandSchema>;
export type SetDispositionCommand = v.InferOutput<typeof SetDispositionCommandSchema>;
export type PingCommand = v.InferOutput<typeof PingCommandSchema>;
export type TransferCommand = v.InferOutput<typeof TransferCommandSchema>;
export type CompleteConsultCommand = v.InferOutput<typeof CompleteConsultCommandSchema>;
export type CancelConsultCommand = v.InferOutput<typeof CancelConsultCommandSchema>;
export type ConferenceCommand = v.InferOutput<typeof ConferenceCommandSchema>;
export type DropPartyCommand = v.InferOutput<typeof DropPartyCommandSchema>;
export type SwapCommand = v.InferOutput<typeof SwapCommandSchema>;
export type DeclineCommand = v.InferOutput<typeof DeclineCommandSchema>;
export type SetAgentStateCommand = v.InferOutput<typeof SetAgentStateCommandSchema>;
export type SendDtmfCommand = v.InferOutput<typeof SendDtmfCommandSchema>;
export type CompleteWrapUpCommand = v.InferOutput<typeof CompleteWrapUpCommandSchema>;
export type GetStateCommand = v.InferOutput<typeof GetStateCommandSchema>;
export type SoftphoneCommandMessage =
    | DialCommand
    | AnswerCommand
    | HangupCommand
    | HoldCommand
    | ResumeCommand
    | MuteCommand
    | SetDispositionCommand
    | PingCommand
    | TransferCommand
    | CompleteConsultCommand
    | CancelConsultCommand
    | ConferenceCommand
    | DropPartyCommand
    | SwapCommand
    | DeclineCommand
    | SetAgentStateCommand
    | SendDtmfCommand
    | CompleteWrapUpCommand
    | GetStateCommand;

export type StatePayload = v.InferOutput<typeof StatePayloadSchema>;
export type CallStartedPayload = v.InferOutput<typeof CallStartedPayloadSchema>;
export type CallEndedPayload = v.InferOutput<typeof CallEndedPayloadSchema>;
export type CallLoggedPayload = v.InferOutput<typeof CallLoggedPayloadSchema>;
export type ErrorPayload = v.InferOutput<typeof ErrorPayloadSchema>;
export type TransferPayload = v.InferOutput<typeof TransferPayloadSchema>;
export type ConferencePayload = v.InferOutput<typeof ConferencePayloadSchema>;

export type StateEvent = v.InferOutput<typeof StateEventSchema>;
export type CallStartedEvent = v.InferOutput<typeof CallStartedEventSchema>;
export type CallEndedEvent = v.InferOutput<typeof CallEndedEventSchema>;
export type CallLoggedEvent = v.InferOutput<typeof CallLoggedEventSchema>;
export type SoftphoneErrorEvent = v.InferOutput<typeof ErrorEventSchema>;
export type PongEvent = v.InferOutput<typeof PongEventSchema>;
export type TransferEvent = v.InferOutput<typeof TransferEventSchema>;
export type ConferenceEvent = v.InferOutput<typeof ConferenceEventSchema>;
export type SoftphoneEventMessage =
    | StateEvent
    | CallStartedEvent
    | CallEndedEvent
    | CallLoggedEvent
    | SoftphoneErrorEvent
    | PongEvent
    | TransferEvent
    | ConferenceEvent;

export function isCommandType(value: unknown): value is CommandType {
    return typeof value === 'string' && (COMMAND_TYPES as readonly string[]).includes(value);
}

export function isEventType(value: unknown): value is EventType {
    return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}
