import type { Call } from '../calls/call-model';
import {
    buildCallEndedEvent,
    buildCallLoggedEvent,
    buildCallStartedEvent,
    buildErrorEvent,
    buildPongEvent,
    buildStateEvent,
    toCallSnapshot,
    toStatePayload
} from './event-builders';
import { parseEvent } from './parse-message';

const call: Call = {
    id: 'call-1',
    direction: 'Inbound',
    from: '+14155550100',
    to: '+14155550199',
    remoteName: 'Jane Doe',
    state: 'connected',
    startedAt: 1_767_225_600_000,
    answeredAt: 1_767_225_605_000,
    muted: false,
    related: { recordId: '0035g00000AbCdEAAZ', objectType: 'Contact', recordName: 'Jane Doe' }
};

const expectValid = (event: unknown) => {
    const result = parseEvent(event);
    if (!result.ok) {
        throw new Error(result.error.message);
    }
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
};

describe('toCallSnapshot', () => {
    it('maps the engine call to the wire shape', () => {
        expect(toCallSnapshot(call)).toEqual({
            callId: 'call-1',
            direction: 'Inbound',
            state: 'connected',
            from: '+14155550100',
            to: '+14155550199',
            remoteName: 'Jane Doe',
            startedAt: 1_767_225_600_000,
            answeredAt: 1_767_225_605_000,
            muted: false,
            related: {
                recordId: '0035g00000AbCdEAAZ',
                objectType: 'Contact',
                recordName: 'Jane Doe'
            }
        });
    });

    it('leaves out absent optional fields (plain JSON, no undefined)', () => {
        const minimal: Call = {
            id: 'c',
            direction: 'Outbound',
            from: '',
            to: '5550100',
            state: 'dialing',
            startedAt: 5,
            muted: true
        };
        expect(Object.keys(toCallSnapshot(minimal)).sort()).toEqual(
            ['callId', 'direction', 'from', 'muted', 'startedAt', 'state', 'to'].sort()
        );
    });

    it('clips untrusted text and drops a related record that does not fit the contract', () => {
        const snapshot = toCallSnapshot({
            ...call,
            id: 'i'.repeat(300),
            remoteName: '<img src=x onerror=alert(1)>'.repeat(20),
            from: 'sip:' + 'a'.repeat(400),
            startedAt: 12.7,
            related: { recordId: 'not-an-id', objectType: 'Contact' }
        });
        expect(snapshot.callId).toHaveLength(255);
        expect(snapshot.remoteName).toHaveLength(255);
        expect(snapshot.from).toHaveLength(255);
        expect(snapshot.startedAt).toBe(13);
        expect(snapshot.related).toBeUndefined();
        expectValid(buildCallStartedEvent({ call: snapshot }));
    });

    it('still sends a valid snapshot when the call id is empty or a time is not a number', () => {
        // callId must not be empty and times must be whole non-negative numbers on the wire.
        const snapshot = toCallSnapshot({
            ...call,
            id: '',
            startedAt: Number.NaN,
            answeredAt: Number.POSITIVE_INFINITY
        });
        expect(snapshot).toMatchObject({ callId: 'unknown', startedAt: 0, answeredAt: 0 });
        expect(toCallSnapshot({ ...call, startedAt: -5 }).startedAt).toBe(0);
        expectValid(buildCallStartedEvent({ call: snapshot }));
    });

    it('sends a related record without a name as Id and type only', () => {
        const snapshot = toCallSnapshot({
            ...call,
            related: { recordId: '00Q5g00000LeAdAAAA', objectType: 'Lead' }
        });
        expect(snapshot.related).toStrictEqual({
            recordId: '00Q5g00000LeAdAAAA',
            objectType: 'Lead'
        });
        expectValid(buildCallStartedEvent({ call: snapshot }));
    });

    it('drops a related record whose object type is not an API name', () => {
        const snapshot = toCallSnapshot({
            ...call,
            related: { recordId: '0035g00000AbCdEAAZ', objectType: 'Contact person' }
        });
        expect(snapshot.related).toBeUndefined();
    });
});

describe('event builders', () => {
    it('build valid state events with and without an active call', () => {
        const idle = toStatePayload({
            agentState: 'Available',
            connectionStatus: 'connected',
            softphoneVersion: '0.1.0'
        });
        expect(idle).toEqual({
            agentState: 'Available',
            connectionStatus: 'connected',
            softphoneVersion: '0.1.0'
        });
        expectValid(buildStateEvent(idle));
        const busy = buildStateEvent(
            toStatePayload({
                agentState: 'Busy',
                connectionStatus: 'connected',
                softphoneVersion: '0.1.0',
                activeCall: call
            }),
            'req-1'
        );
        expect(busy.requestId).toBe('req-1');
        expect(busy.payload.activeCall?.callId).toBe('call-1');
        expectValid(busy);
    });

    it('build valid call events', () => {
        const snapshot = toCallSnapshot(call);
        expectValid(buildCallStartedEvent({ call: snapshot }));
        const ended = buildCallEndedEvent({
            call: { ...snapshot, state: 'ended' },
            outcome: 'Connected',
            durationSeconds: 41.6
        });
        expect(ended.payload.durationSeconds).toBe(42);
        expectValid(ended);
        expectValid(buildCallLoggedEvent({ callId: 'call-1', recordId: 'a015g00000XyZAbAAN' }));
        const logged = buildCallLoggedEvent({
            callId: 'call-1',
            recordId: 'a015g00000XyZAbAAN',
            relatedRecordId: undefined
        });
        expect('relatedRecordId' in logged.payload).toBe(false);
        const withRelated = buildCallLoggedEvent(
            {
                callId: 'call-1',
                recordId: 'a015g00000XyZAbAAN',
                relatedRecordId: '0035g00000AbCdEAAZ'
            },
            'req-9'
        );
        expect(withRelated).toEqual({
            version: 1,
            type: 'callLogged',
            requestId: 'req-9',
            payload: {
                callId: 'call-1',
                recordId: 'a015g00000XyZAbAAN',
                relatedRecordId: '0035g00000AbCdEAAZ'
            }
        });
        expectValid(withRelated);
    });

    it('send "unknown" rather than an empty softphone version', () => {
        const payload = toStatePayload({
            agentState: 'Offline',
            connectionStatus: 'disconnected',
            softphoneVersion: ''
        });
        expect(payload.softphoneVersion).toBe('unknown');
        expectValid(buildStateEvent(payload));
        const long = toStatePayload({
            agentState: 'Offline',
            connectionStatus: 'disconnected',
            softphoneVersion: '1.0.0+'.padEnd(100, 'b')
        });
        expect(long.softphoneVersion).toHaveLength(64);
        expectValid(buildStateEvent(long));
    });

    it('build pong events echoing the requestId', () => {
        expect(buildPongEvent('r-1')).toEqual({
            version: 1,
            type: 'pong',
            requestId: 'r-1',
            payload: {}
        });
        expect(buildPongEvent()).toEqual({ version: 1, type: 'pong', payload: {} });
    });

    it('coerce error codes and messages into the contract', () => {
        const event = buildErrorEvent(
            { code: 'no call!', message: 'x'.repeat(5000), inResponseTo: 'hangup' },
            'r'
        );
        expect(event.payload.code).toBe('no_call_');
        expect(event.payload.message).toHaveLength(1000);
        expectValid(event);
        expect(buildErrorEvent({ code: '', message: '' }).payload).toEqual({
            code: 'ERROR',
            message: 'ERROR'
        });
    });
});
