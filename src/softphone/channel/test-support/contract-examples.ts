/**
 * Every message type of the contract with valid and invalid examples, as plain JSON. The adapter's
 * tests run them through parseCommand/parseEvent; the LWC contract test runs the same examples
 * through the LWC mirror, so both sides must agree on each one (validity and error code).
 *
 * `mentions` is a piece of text the error message must contain (usually the field path), so a
 * mirror that rejects for the wrong reason is caught too.
 */
import type { CommandType, EventType } from '../message-contract';
import type { ContractErrorCode } from '../parse-message';

export type JsonValue =
    null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface InvalidContractExample {
    readonly description: string;
    readonly message: JsonValue;
    readonly code: ContractErrorCode;
    readonly mentions: string;
}

export interface ContractExample {
    readonly kind: 'command' | 'event';
    readonly type: CommandType | EventType;
    readonly valid: JsonValue;
    /** Further valid shapes (optional fields present or absent, boundary lengths). */
    readonly alsoValid: readonly JsonValue[];
    readonly invalid: readonly InvalidContractExample[];
}

const ID_18 = '0035g00000AbCdEAAZ';
const ID_15 = '00Q5g00000AbCdE';
const ACCOUNT_ID = '0015g00000XyZAbAAN';

type JsonObject = { readonly [key: string]: JsonValue };

const message = (type: string, payload: JsonValue, requestId?: string): JsonObject =>
    requestId === undefined
        ? { version: 1, type, payload }
        : { version: 1, type, requestId, payload };

const command = (type: CommandType, payload: JsonValue, requestId = 'req-1'): JsonObject =>
    message(type, payload, requestId);

const invalid = (
    description: string,
    value: JsonValue,
    code: ContractErrorCode,
    mentions: string
): InvalidContractExample => ({ description, message: value, code, mentions });

/** Envelope problems every command shares; `payload` is the command's valid payload. */
function commonCommandInvalids(type: CommandType, payload: JsonValue): InvalidContractExample[] {
    return [
        invalid(
            'no requestId',
            { version: 1, type, payload },
            'MISSING_FIELD',
            'missing field "requestId"'
        ),
        invalid('empty requestId', command(type, payload, ''), 'INVALID_FIELD', 'requestId'),
        invalid(
            'requestId longer than 64',
            command(type, payload, 'r'.repeat(65)),
            'INVALID_FIELD',
            'requestId'
        ),
        invalid(
            'requestId with a space',
            command(type, payload, 'req 1'),
            'INVALID_FIELD',
            'requestId'
        ),
        invalid(
            'requestId not a string',
            { version: 1, type, requestId: 7, payload },
            'INVALID_FIELD',
            'requestId'
        ),
        invalid(
            'no payload',
            { version: 1, type, requestId: 'req-1' },
            'MISSING_FIELD',
            'missing field "payload"'
        ),
        invalid('payload null', command(type, null), 'INVALID_FIELD', 'payload'),
        invalid('payload an array', command(type, []), 'INVALID_FIELD', 'payload'),
        invalid('payload a string', command(type, 'hello'), 'INVALID_FIELD', 'payload'),
        invalid(
            'unknown payload field',
            command(type, { ...(payload as JsonObject), extra: 1 }),
            'INVALID_FIELD',
            'unknown field "payload.extra"'
        ),
        invalid(
            'version 2',
            { version: 2, type, requestId: 'req-1', payload },
            'UNSUPPORTED_VERSION',
            'version 2'
        ),
        invalid(
            'version as a string',
            { version: '1', type, requestId: 'req-1', payload },
            'UNSUPPORTED_VERSION',
            'version'
        ),
        invalid(
            'no version',
            { type, requestId: 'req-1', payload },
            'MISSING_FIELD',
            'missing field "version"'
        )
    ];
}

function commonEventInvalids(type: EventType, payload: JsonValue): InvalidContractExample[] {
    return [
        invalid('no payload', { version: 1, type }, 'MISSING_FIELD', 'missing field "payload"'),
        invalid('payload null', message(type, null), 'INVALID_FIELD', 'payload'),
        invalid(
            'unknown payload field',
            message(type, { ...(payload as JsonObject), extra: true }),
            'INVALID_FIELD',
            'unknown field "payload.extra"'
        ),
        invalid(
            'requestId with a slash',
            message(type, payload, 'a/b'),
            'INVALID_FIELD',
            'requestId'
        ),
        invalid('version 0', { version: 0, type, payload }, 'UNSUPPORTED_VERSION', 'version 0')
    ];
}

function optionalCallIdExample(type: 'answer' | 'hangup' | 'hold' | 'resume'): ContractExample {
    return {
        kind: 'command',
        type,
        valid: command(type, {}),
        alsoValid: [
            command(type, { callId: 'call-1' }),
            command(type, { callId: 'c'.repeat(255) }, 'A_z-09')
        ],
        invalid: [
            ...commonCommandInvalids(type, {}),
            invalid(
                'empty callId',
                command(type, { callId: '' }),
                'INVALID_FIELD',
                'payload.callId'
            ),
            invalid(
                'callId longer than 255',
                command(type, { callId: 'c'.repeat(256) }),
                'INVALID_FIELD',
                'payload.callId'
            ),
            invalid(
                'callId a number',
                command(type, { callId: 5 }),
                'INVALID_FIELD',
                'payload.callId'
            )
        ]
    };
}

const CALL: JsonObject = {
    callId: 'call-1',
    direction: 'Inbound',
    state: 'connected',
    from: '+14155550100',
    to: '+14155550199',
    remoteName: 'Jane Doe',
    startedAt: 1767225600000,
    answeredAt: 1767225605000,
    muted: false,
    related: { recordId: ID_18, objectType: 'Contact', recordName: 'Jane Doe' }
};

const MINIMAL_CALL: JsonObject = {
    callId: 'call-2',
    direction: 'Outbound',
    state: 'dialing',
    from: '',
    to: '+442071838750',
    startedAt: 0,
    muted: true
};

const withCall = (changes: JsonObject): JsonObject => ({ ...CALL, ...changes });

const callInvalids = (wrap: (call: JsonValue) => JsonValue, type: EventType, prefix: string) => [
    invalid(
        'call without callId',
        message(type, wrap(withoutKey(CALL, 'callId'))),
        'MISSING_FIELD',
        `missing field "${prefix}.callId"`
    ),
    invalid(
        'call direction Internal',
        message(type, wrap(withCall({ direction: 'Internal' }))),
        'INVALID_FIELD',
        `${prefix}.direction`
    ),
    invalid(
        'call state unknown',
        message(type, wrap(withCall({ state: 'busy' }))),
        'INVALID_FIELD',
        `${prefix}.state`
    ),
    invalid(
        'call from longer than 255',
        message(type, wrap(withCall({ from: '1'.repeat(256) }))),
        'INVALID_FIELD',
        `${prefix}.from`
    ),
    invalid(
        'call startedAt negative',
        message(type, wrap(withCall({ startedAt: -1 }))),
        'INVALID_FIELD',
        `${prefix}.startedAt`
    ),
    invalid(
        'call startedAt not whole',
        message(type, wrap(withCall({ startedAt: 1.5 }))),
        'INVALID_FIELD',
        `${prefix}.startedAt`
    ),
    invalid(
        'call startedAt as ISO text',
        message(type, wrap(withCall({ startedAt: '2026-01-01T00:00:00Z' }))),
        'INVALID_FIELD',
        `${prefix}.startedAt`
    ),
    invalid(
        'call without muted',
        message(type, wrap(withoutKey(CALL, 'muted'))),
        'MISSING_FIELD',
        `missing field "${prefix}.muted"`
    ),
    invalid(
        'call related with a bad Id',
        message(type, wrap(withCall({ related: { recordId: 'abc', objectType: 'Contact' } }))),
        'INVALID_FIELD',
        `${prefix}.related.recordId`
    ),
    invalid(
        'call related without objectType',
        message(type, wrap(withCall({ related: { recordId: ID_18 } }))),
        'MISSING_FIELD',
        `missing field "${prefix}.related.objectType"`
    )
];

function withoutKey(value: JsonObject, key: string): JsonObject {
    return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

const DIAL_PAYLOAD: JsonObject = { number: '+1 (415) 555-0100' };
const SET_DISPOSITION_PAYLOAD: JsonObject = {
    callId: 'call-1',
    disposition: 'Left voicemail',
    notes: 'Call back on Monday.'
};
const STATE_PAYLOAD: JsonObject = {
    agentState: 'Busy',
    connectionStatus: 'connected',
    activeCall: CALL,
    softphoneVersion: '0.1.0'
};
const CALL_ENDED_PAYLOAD: JsonObject = {
    call: withCall({ state: 'ended' }),
    outcome: 'Connected',
    durationSeconds: 42
};
const CALL_LOGGED_PAYLOAD: JsonObject = { callId: 'call-1', recordId: 'a015g00000XyZAbAAN' };
const ERROR_PAYLOAD: JsonObject = {
    code: 'NO_ACTIVE_CALL',
    message: 'There is no call to hang up.',
    inResponseTo: 'hangup'
};

export const CONTRACT_EXAMPLES: readonly ContractExample[] = [
    {
        kind: 'command',
        type: 'dial',
        valid: command('dial', DIAL_PAYLOAD),
        alsoValid: [
            command('dial', {
                number: '+14155550100',
                recordId: ID_18,
                objectType: 'Contact',
                recordName: 'Jane Doe'
            }),
            command('dial', { number: '415.555.0100', recordId: ID_15, objectType: 'Lead' }),
            command('dial', {
                number: '1'.repeat(40),
                recordId: ACCOUNT_ID,
                objectType: 'Phone_Call__c'
            }),
            command('dial', { number: '7' })
        ],
        invalid: [
            ...commonCommandInvalids('dial', DIAL_PAYLOAD),
            invalid(
                'no number',
                command('dial', {}),
                'MISSING_FIELD',
                'missing field "payload.number"'
            ),
            invalid(
                'empty number',
                command('dial', { number: '' }),
                'INVALID_FIELD',
                'payload.number'
            ),
            invalid(
                'number longer than 40',
                command('dial', { number: '1'.repeat(41) }),
                'INVALID_FIELD',
                'payload.number'
            ),
            invalid(
                'number with letters',
                command('dial', { number: '1-800-FLOWERS' }),
                'INVALID_FIELD',
                'payload.number'
            ),
            invalid(
                'number with markup',
                command('dial', { number: '<b>555</b>' }),
                'INVALID_FIELD',
                'payload.number'
            ),
            invalid(
                'number without digits',
                command('dial', { number: '+() -.' }),
                'INVALID_FIELD',
                'payload.number'
            ),
            invalid(
                'number as a number',
                command('dial', { number: 4155550100 }),
                'INVALID_FIELD',
                'payload.number'
            ),
            invalid(
                'recordId too short',
                command('dial', { number: '5550100', recordId: '003', objectType: 'Contact' }),
                'INVALID_FIELD',
                'payload.recordId'
            ),
            invalid(
                'recordId of 16 characters',
                command('dial', {
                    number: '5550100',
                    recordId: `${ID_15}A`,
                    objectType: 'Contact'
                }),
                'INVALID_FIELD',
                'payload.recordId'
            ),
            invalid(
                'recordId with punctuation',
                command('dial', {
                    number: '5550100',
                    recordId: '003-g00000AbCdE',
                    objectType: 'Contact'
                }),
                'INVALID_FIELD',
                'payload.recordId'
            ),
            invalid(
                'recordId without objectType',
                command('dial', { number: '5550100', recordId: ID_18 }),
                'INVALID_FIELD',
                'recordId and objectType together'
            ),
            invalid(
                'objectType without recordId',
                command('dial', { number: '5550100', objectType: 'Contact' }),
                'INVALID_FIELD',
                'recordId and objectType together'
            ),
            invalid(
                'recordName without recordId',
                command('dial', { number: '5550100', recordName: 'Jane Doe' }),
                'INVALID_FIELD',
                'recordName without recordId'
            ),
            invalid(
                'objectType with a space',
                command('dial', { number: '5550100', recordId: ID_18, objectType: 'My Object' }),
                'INVALID_FIELD',
                'payload.objectType'
            ),
            invalid(
                'objectType starting with a digit',
                command('dial', { number: '5550100', recordId: ID_18, objectType: '1Contact' }),
                'INVALID_FIELD',
                'payload.objectType'
            ),
            invalid(
                'recordName longer than 255',
                command('dial', {
                    number: '5550100',
                    recordId: ID_18,
                    objectType: 'Contact',
                    recordName: 'n'.repeat(256)
                }),
                'INVALID_FIELD',
                'payload.recordName'
            )
        ]
    },
    optionalCallIdExample('answer'),
    optionalCallIdExample('hangup'),
    optionalCallIdExample('hold'),
    optionalCallIdExample('resume'),
    {
        kind: 'command',
        type: 'mute',
        valid: command('mute', { muted: true }),
        alsoValid: [command('mute', { muted: false, callId: 'call-1' })],
        invalid: [
            ...commonCommandInvalids('mute', { muted: true }),
            invalid(
                'no muted',
                command('mute', {}),
                'MISSING_FIELD',
                'missing field "payload.muted"'
            ),
            invalid(
                'muted as text',
                command('mute', { muted: 'true' }),
                'INVALID_FIELD',
                'payload.muted'
            ),
            invalid('muted as 1', command('mute', { muted: 1 }), 'INVALID_FIELD', 'payload.muted'),
            invalid(
                'empty callId',
                command('mute', { muted: true, callId: '' }),
                'INVALID_FIELD',
                'payload.callId'
            )
        ]
    },
    {
        kind: 'command',
        type: 'setDisposition',
        valid: command('setDisposition', SET_DISPOSITION_PAYLOAD),
        alsoValid: [
            command('setDisposition', { callId: 'call-1', disposition: '' }),
            command('setDisposition', {
                callId: 'call-1',
                disposition: 'd'.repeat(255),
                notes: 'n'.repeat(32768)
            })
        ],
        invalid: [
            ...commonCommandInvalids('setDisposition', SET_DISPOSITION_PAYLOAD),
            invalid(
                'no callId',
                command('setDisposition', { disposition: 'Sale' }),
                'MISSING_FIELD',
                'missing field "payload.callId"'
            ),
            invalid(
                'no disposition',
                command('setDisposition', { callId: 'call-1' }),
                'MISSING_FIELD',
                'missing field "payload.disposition"'
            ),
            invalid(
                'disposition longer than 255',
                command('setDisposition', { callId: 'call-1', disposition: 'd'.repeat(256) }),
                'INVALID_FIELD',
                'too long'
            ),
            invalid(
                'disposition null',
                command('setDisposition', { callId: 'call-1', disposition: null }),
                'INVALID_FIELD',
                'payload.disposition'
            ),
            invalid(
                'notes longer than 32768',
                command('setDisposition', {
                    callId: 'call-1',
                    disposition: 'Sale',
                    notes: 'n'.repeat(32769)
                }),
                'INVALID_FIELD',
                'payload.notes'
            ),
            invalid(
                'notes as a number',
                command('setDisposition', { callId: 'call-1', disposition: 'Sale', notes: 3 }),
                'INVALID_FIELD',
                'payload.notes'
            )
        ]
    },
    {
        kind: 'command',
        type: 'ping',
        valid: command('ping', {}),
        alsoValid: [command('ping', {}, 'p'.repeat(64))],
        invalid: commonCommandInvalids('ping', {})
    },
    {
        kind: 'command',
        type: 'transfer',
        valid: command('transfer', { target: '+1 (415) 555-0123', mode: 'blind' }),
        alsoValid: [command('transfer', { target: '201', mode: 'consult', callId: 'call-1' })],
        invalid: [
            ...commonCommandInvalids('transfer', { target: '201', mode: 'blind' }),
            invalid(
                'no target',
                command('transfer', { mode: 'blind' }),
                'MISSING_FIELD',
                'missing field "payload.target"'
            ),
            invalid(
                'target with letters',
                command('transfer', { target: 'sales desk', mode: 'blind' }),
                'INVALID_FIELD',
                'payload.target'
            ),
            invalid(
                'mode unknown',
                command('transfer', { target: '201', mode: 'warm' }),
                'INVALID_FIELD',
                'payload.mode'
            ),
            invalid(
                'no mode',
                command('transfer', { target: '201' }),
                'MISSING_FIELD',
                'missing field "payload.mode"'
            )
        ]
    },
    ...(['completeConsult', 'cancelConsult', 'conference', 'swap'] as const).map(
        (type): ContractExample => ({
            kind: 'command',
            type,
            valid: command(type, {}),
            alsoValid: [],
            invalid: commonCommandInvalids(type, {})
        })
    ),
    {
        kind: 'command',
        type: 'dropParty',
        valid: command('dropParty', { callId: 'call-2' }),
        alsoValid: [],
        invalid: [
            ...commonCommandInvalids('dropParty', { callId: 'call-2' }),
            invalid(
                'no callId',
                command('dropParty', {}),
                'MISSING_FIELD',
                'missing field "payload.callId"'
            )
        ]
    },
    {
        kind: 'event',
        type: 'state',
        valid: message('state', STATE_PAYLOAD),
        alsoValid: [
            message('state', withoutKey(STATE_PAYLOAD, 'activeCall'), 'req-1'),
            message('state', { ...STATE_PAYLOAD, activeCall: MINIMAL_CALL }),
            message('state', {
                agentState: 'Offline',
                connectionStatus: 'reconnecting',
                softphoneVersion: 'v'.repeat(64)
            })
        ],
        invalid: [
            ...commonEventInvalids('state', STATE_PAYLOAD),
            invalid(
                'unknown agentState',
                message('state', { ...STATE_PAYLOAD, agentState: 'Sleeping' }),
                'INVALID_FIELD',
                'payload.agentState'
            ),
            invalid(
                'no connectionStatus',
                message('state', withoutKey(STATE_PAYLOAD, 'connectionStatus')),
                'MISSING_FIELD',
                'missing field "payload.connectionStatus"'
            ),
            invalid(
                'empty softphoneVersion',
                message('state', { ...STATE_PAYLOAD, softphoneVersion: '' }),
                'INVALID_FIELD',
                'payload.softphoneVersion'
            ),
            invalid(
                'activeCall null',
                message('state', { ...STATE_PAYLOAD, activeCall: null }),
                'INVALID_FIELD',
                'payload.activeCall'
            ),
            ...callInvalids(
                (call) => ({ ...STATE_PAYLOAD, activeCall: call }),
                'state',
                'payload.activeCall'
            )
        ]
    },
    {
        kind: 'event',
        type: 'callStarted',
        valid: message('callStarted', { call: CALL }),
        alsoValid: [message('callStarted', { call: MINIMAL_CALL }, 'req-9')],
        invalid: [
            ...commonEventInvalids('callStarted', { call: CALL }),
            invalid(
                'no call',
                message('callStarted', {}),
                'MISSING_FIELD',
                'missing field "payload.call"'
            ),
            ...callInvalids((call) => ({ call }), 'callStarted', 'payload.call')
        ]
    },
    {
        kind: 'event',
        type: 'callEnded',
        valid: message('callEnded', CALL_ENDED_PAYLOAD),
        alsoValid: [
            message('callEnded', {
                call: { ...MINIMAL_CALL, state: 'ended' },
                outcome: 'No Answer',
                durationSeconds: 0
            })
        ],
        invalid: [
            ...commonEventInvalids('callEnded', CALL_ENDED_PAYLOAD),
            invalid(
                'unknown outcome',
                message('callEnded', { ...CALL_ENDED_PAYLOAD, outcome: 'Hung up' }),
                'INVALID_FIELD',
                'payload.outcome'
            ),
            invalid(
                'no outcome',
                message('callEnded', withoutKey(CALL_ENDED_PAYLOAD, 'outcome')),
                'MISSING_FIELD',
                'missing field "payload.outcome"'
            ),
            invalid(
                'negative duration',
                message('callEnded', { ...CALL_ENDED_PAYLOAD, durationSeconds: -1 }),
                'INVALID_FIELD',
                'payload.durationSeconds'
            ),
            invalid(
                'fractional duration',
                message('callEnded', { ...CALL_ENDED_PAYLOAD, durationSeconds: 2.5 }),
                'INVALID_FIELD',
                'payload.durationSeconds'
            ),
            ...callInvalids(
                (call) => ({ ...CALL_ENDED_PAYLOAD, call }),
                'callEnded',
                'payload.call'
            )
        ]
    },
    {
        kind: 'event',
        type: 'callLogged',
        valid: message('callLogged', CALL_LOGGED_PAYLOAD),
        alsoValid: [
            message('callLogged', { ...CALL_LOGGED_PAYLOAD, relatedRecordId: ID_15 }),
            message('callLogged', { callId: 'call-1', recordId: 'a015g00000XyZAb' })
        ],
        invalid: [
            ...commonEventInvalids('callLogged', CALL_LOGGED_PAYLOAD),
            invalid(
                'no recordId',
                message('callLogged', { callId: 'call-1' }),
                'MISSING_FIELD',
                'missing field "payload.recordId"'
            ),
            invalid(
                'bad recordId',
                message('callLogged', { callId: 'call-1', recordId: 'abc' }),
                'INVALID_FIELD',
                'payload.recordId'
            ),
            invalid(
                'relatedRecordId of 17 characters',
                message('callLogged', { ...CALL_LOGGED_PAYLOAD, relatedRecordId: `${ID_15}AB` }),
                'INVALID_FIELD',
                'payload.relatedRecordId'
            ),
            invalid(
                'no callId',
                message('callLogged', { recordId: 'a015g00000XyZAbAAN' }),
                'MISSING_FIELD',
                'missing field "payload.callId"'
            )
        ]
    },
    {
        kind: 'event',
        type: 'error',
        valid: message('error', ERROR_PAYLOAD, 'req-1'),
        alsoValid: [
            message('error', { code: 'INVALID_MESSAGE', message: 'message must be an object' }),
            message('error', { code: 'c'.repeat(64), message: 'm'.repeat(1000) })
        ],
        invalid: [
            ...commonEventInvalids('error', ERROR_PAYLOAD),
            invalid(
                'empty code',
                message('error', { ...ERROR_PAYLOAD, code: '' }),
                'INVALID_FIELD',
                'payload.code'
            ),
            invalid(
                'code with a space',
                message('error', { ...ERROR_PAYLOAD, code: 'NO CALL' }),
                'INVALID_FIELD',
                'payload.code'
            ),
            invalid(
                'empty message',
                message('error', { ...ERROR_PAYLOAD, message: '' }),
                'INVALID_FIELD',
                'payload.message'
            ),
            invalid(
                'message longer than 1000',
                message('error', { ...ERROR_PAYLOAD, message: 'm'.repeat(1001) }),
                'INVALID_FIELD',
                'payload.message'
            ),
            invalid(
                'inResponseTo an event type',
                message('error', { ...ERROR_PAYLOAD, inResponseTo: 'state' }),
                'INVALID_FIELD',
                'payload.inResponseTo'
            ),
            invalid(
                'inResponseTo unknown',
                message('error', { ...ERROR_PAYLOAD, inResponseTo: 'dail' }),
                'INVALID_FIELD',
                'payload.inResponseTo'
            )
        ]
    },
    {
        kind: 'event',
        type: 'transferUpdate',
        valid: message('transferUpdate', {
            callId: 'call-1',
            target: '+14155550123',
            progress: 'ringing'
        }),
        alsoValid: [
            message('transferUpdate', {
                callId: 'call-1',
                target: '201',
                progress: 'failed',
                reason: 'busy'
            })
        ],
        invalid: [
            ...commonEventInvalids('transferUpdate', {
                callId: 'call-1',
                target: '201',
                progress: 'accepted'
            }),
            invalid(
                'progress unknown',
                message('transferUpdate', { callId: 'call-1', target: '201', progress: 'done' }),
                'INVALID_FIELD',
                'payload.progress'
            ),
            invalid(
                'reason unknown',
                message('transferUpdate', {
                    callId: 'call-1',
                    target: '201',
                    progress: 'failed',
                    reason: 'rude'
                }),
                'INVALID_FIELD',
                'payload.reason'
            ),
            invalid(
                'target longer than 40',
                message('transferUpdate', {
                    callId: 'call-1',
                    target: '1'.repeat(41),
                    progress: 'trying'
                }),
                'INVALID_FIELD',
                'payload.target'
            )
        ]
    },
    {
        kind: 'event',
        type: 'conferenceUpdate',
        valid: message('conferenceUpdate', { parties: 3 }),
        alsoValid: [message('conferenceUpdate', { parties: 0 })],
        invalid: [
            ...commonEventInvalids('conferenceUpdate', { parties: 3 }),
            invalid(
                'parties negative',
                message('conferenceUpdate', { parties: -1 }),
                'INVALID_FIELD',
                'payload.parties'
            ),
            invalid(
                'parties not whole',
                message('conferenceUpdate', { parties: 2.5 }),
                'INVALID_FIELD',
                'payload.parties'
            )
        ]
    },
    {
        kind: 'event',
        type: 'pong',
        valid: message('pong', {}, 'req-1'),
        alsoValid: [message('pong', {})],
        invalid: commonEventInvalids('pong', {})
    }
];

/** Messages that are wrong before their type is known; `kind` says which parser sees them. */
export const ENVELOPE_INVALID_EXAMPLES: readonly (InvalidContractExample & {
    readonly kind: 'command' | 'event';
})[] = [
    ...(['command', 'event'] as const).flatMap((kind) => [
        { kind, ...invalid('null', null, 'INVALID_MESSAGE', 'must be an object') },
        { kind, ...invalid('an array', [], 'INVALID_MESSAGE', 'must be an object') },
        { kind, ...invalid('a string', 'dial', 'INVALID_MESSAGE', 'must be an object') },
        { kind, ...invalid('a number', 42, 'INVALID_MESSAGE', 'must be an object') },
        { kind, ...invalid('an empty object', {}, 'MISSING_FIELD', 'missing field "version"') },
        {
            kind,
            ...invalid(
                'no type',
                { version: 1, requestId: 'req-1', payload: {} },
                'MISSING_FIELD',
                'missing field "type"'
            )
        },
        {
            kind,
            ...invalid(
                'type a number',
                { version: 1, type: 3, requestId: 'req-1', payload: {} },
                'INVALID_FIELD',
                '"type" must be a string'
            )
        },
        {
            kind,
            ...invalid(
                'unknown type',
                { version: 1, type: 'dail', requestId: 'req-1', payload: {} },
                'UNKNOWN_TYPE',
                'unknown type "dail"'
            )
        },
        {
            kind,
            ...invalid(
                'type in the wrong case',
                { version: 1, type: 'Dial', requestId: 'req-1', payload: {} },
                'UNKNOWN_TYPE',
                'unknown type "Dial"'
            )
        },
        {
            kind,
            ...invalid(
                'version 2 with an unknown type',
                { version: 2, type: 'transfer', requestId: 'req-1', payload: {} },
                'UNSUPPORTED_VERSION',
                'version 2'
            )
        }
    ]),
    {
        kind: 'command',
        ...invalid(
            'an event sent as a command',
            { version: 1, type: 'pong', requestId: 'req-1', payload: {} },
            'UNKNOWN_TYPE',
            '"pong" is an event'
        )
    },
    {
        kind: 'event',
        ...invalid(
            'a command sent as an event',
            { version: 1, type: 'dial', requestId: 'req-1', payload: { number: '5550100' } },
            'UNKNOWN_TYPE',
            '"dial" is a command'
        )
    }
];
