import type { AgentState, Call, CallState } from '../calls/call-model';
import type { EngineSnapshot } from '../calls/engine-events';
import type { ConnectionStatus } from '../telephony/connector';
import { initialAppState, type AppState, type WrapUpState } from './app-state';
import { createNumberFormatter } from './number-formatter';
import { buildViewModel, type ViewModelInputs } from './view-model-builder';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

function call(overrides: Partial<Call> = {}): Call {
    return {
        id: 'call-1',
        direction: 'Inbound',
        from: '+14155550101',
        to: '+14155550100',
        state: 'connected',
        startedAt: T0,
        answeredAt: T0 + 5_000,
        muted: false,
        ...overrides
    };
}

function inputs(
    engine: Partial<EngineSnapshot> = {},
    app: Partial<AppState> = {},
    rest: Partial<ViewModelInputs> = {}
): ViewModelInputs {
    return {
        engine: { agentState: 'Available', connectionStatus: 'connected', calls: [], ...engine },
        agentStateOptions: ['Offline', 'Available', 'Break'],
        app: { ...initialAppState, ...app },
        connectorLabel: 'Simulator',
        simulator: true,
        dispositionOptions: ['Resolved', 'Wrong Number'],
        dispositionRequired: false,
        formatNumber: createNumberFormatter('US'),
        ...rest
    };
}

describe('buildViewModel: canDial', () => {
    it('lets an Available, connected agent with no call dial', () => {
        expect(buildViewModel(inputs()).canDial).toBe(true);
    });

    it.each<AgentState>(['Offline', 'Break', 'AfterCallWork'])(
        'does not let an agent in %s dial',
        (agentState) => {
            expect(buildViewModel(inputs({ agentState })).canDial).toBe(false);
        }
    );

    it.each<ConnectionStatus>(['disconnected', 'connecting', 'reconnecting'])(
        'does not dial while the phone is %s',
        (connectionStatus) => {
            expect(buildViewModel(inputs({ connectionStatus })).canDial).toBe(false);
        }
    );

    it.each<[AgentState, CallState]>([
        ['Available', 'ringing'],
        ['Busy', 'dialing'],
        ['Busy', 'connected']
    ])('does not dial while %s with a %s call', (agentState, state) => {
        expect(buildViewModel(inputs({ agentState, calls: [call({ state })] })).canDial).toBe(
            false
        );
    });
});

describe('buildViewModel: calls', () => {
    it('formats the remote number nationally and keeps the call times', () => {
        const model = buildViewModel(inputs({ agentState: 'Busy', calls: [call()] }));

        expect(model.calls).toEqual([
            {
                callId: 'call-1',
                direction: 'Inbound',
                state: 'connected',
                number: '(415) 555-0101',
                startedAt: T0,
                answeredAt: T0 + 5_000,
                muted: false,
                loggedTo: { options: [] }
            }
        ]);
    });

    it('offers the most recent records seen, and always the current one', () => {
        const seen = Array.from({ length: 25 }, (_, index) => ({
            recordId: `0030000000000${String(index).padStart(2, '0')}AAA`,
            objectType: 'Contact'
        }));
        const [first] = seen;
        const model = buildViewModel(
            inputs(
                { agentState: 'Busy', calls: [call({ related: first })] },
                { callRecords: { 'call-1': { seen, related: first } } }
            )
        );
        const options = model.calls[0]?.loggedTo?.options ?? [];
        expect(options).toHaveLength(21);
        expect(options[0]?.recordId).toBe(first?.recordId);
        expect(options.at(-1)?.recordId).toBe(seen.at(-1)?.recordId);
    });

    it('says which record the call is logged to and offers every record seen', () => {
        const maria = {
            recordId: '003000000000000001',
            objectType: 'Contact',
            recordName: 'Maria'
        };
        const acme = { recordId: '001000000000000001', objectType: 'Account' };
        const model = buildViewModel(
            inputs(
                { agentState: 'Busy', calls: [call({ related: acme })] },
                { callRecords: { 'call-1': { seen: [maria], related: maria } } }
            )
        );

        // The engine's record wins for a live call; one not in the seen list is offered first.
        expect(model.calls[0]?.loggedTo).toEqual({
            current: { recordId: acme.recordId, label: '001000000000000001 (Account)' },
            options: [
                { recordId: acme.recordId, label: '001000000000000001 (Account)' },
                { recordId: maria.recordId, label: 'Maria (Contact)' }
            ]
        });
    });

    it('shows the dialled number of an outbound call', () => {
        const outbound = call({
            direction: 'Outbound',
            from: '+14155550100',
            to: '+442079460018',
            state: 'dialing',
            answeredAt: undefined
        });

        const [view] = buildViewModel(inputs({ agentState: 'Busy', calls: [outbound] })).calls;

        expect(view?.number).toBe('+442079460018');
        expect(view).not.toHaveProperty('answeredAt');
    });

    it("shows a withheld caller's number as ''", () => {
        const [view] = buildViewModel(
            inputs({ calls: [call({ from: '', state: 'ringing' })] })
        ).calls;

        expect(view?.number).toBe('');
    });

    it('names the caller from the screen pop first, then the related record, then the network', () => {
        const related = { recordId: '003000000000000001', objectType: 'Contact' };
        const calls = [
            call({ id: 'popped', remoteName: 'MARIA L', related: { ...related, recordName: 'M' } }),
            call({
                id: 'related',
                remoteName: 'MARIA L',
                related: { ...related, recordName: 'M' }
            }),
            call({ id: 'network', remoteName: 'MARIA L' }),
            call({ id: 'nameless', remoteName: '' })
        ];

        const model = buildViewModel(
            inputs({ agentState: 'Busy', calls }, { callerNames: { popped: 'Maria Lopez' } })
        );

        expect(model.calls.map((view) => view.name)).toEqual([
            'Maria Lopez',
            'M',
            'MARIA L',
            undefined
        ]);
        expect(model.calls[3]).not.toHaveProperty('name');
    });
});

describe('buildViewModel: the rest of the view', () => {
    it('maps the wrap-up with the disposition settings', () => {
        const wrapUp: WrapUpState = {
            callId: 'call-1',
            remoteLabel: 'Maria Lopez',
            outcome: 'Connected',
            durationSeconds: 42,
            disposition: 'Resolved',
            notes: 'n',
            endsAt: T0 + 30_000,
            saving: false,
            saved: { disposition: 'Resolved', notes: 'n' },
            confirmedAt: T0,
            error: 'Choose a disposition before you finish this call.'
        };

        const model = buildViewModel(
            inputs({ agentState: 'AfterCallWork' }, { wrapUp }, { dispositionRequired: true })
        );

        expect(model.wrapUp).toEqual({
            callId: 'call-1',
            remoteLabel: 'Maria Lopez',
            outcome: 'Connected',
            durationSeconds: 42,
            disposition: 'Resolved',
            notes: 'n',
            dispositionOptions: ['Resolved', 'Wrong Number'],
            dispositionRequired: true,
            endsAt: T0 + 30_000,
            saving: false,
            draftSaved: true,
            confirmedAt: T0,
            error: 'Choose a disposition before you finish this call.',
            loggedTo: { options: [] }
        });
    });

    it('tells a draft the log does not have yet, and a paused countdown', () => {
        const wrapUp: WrapUpState = {
            callId: 'call-1',
            remoteLabel: 'Maria Lopez',
            outcome: 'Connected',
            durationSeconds: 42,
            disposition: 'Resolved',
            notes: 'more',
            pausedMsLeft: 12_000,
            saving: false,
            saved: { disposition: 'Resolved', notes: 'n' }
        };

        const model = buildViewModel(inputs({ agentState: 'AfterCallWork' }, { wrapUp }));

        expect(model.wrapUp).toMatchObject({ draftSaved: false, pausedMsLeft: 12_000 });
        expect(model.wrapUp).not.toHaveProperty('endsAt');
        expect(model.wrapUp).not.toHaveProperty('confirmedAt');
    });

    it('leaves out what is not there', () => {
        const model = buildViewModel(inputs());

        expect(model).not.toHaveProperty('wrapUp');
        expect(model).not.toHaveProperty('dialBlockedReason');
        expect(model.connection).toEqual({ status: 'connected', connectorLabel: 'Simulator' });
    });

    it('passes the app state and connection through', () => {
        const app: Partial<AppState> = {
            recentCalls: [
                {
                    callId: 'old',
                    direction: 'Outbound',
                    number: '(415) 555-1234',
                    endedAt: T0,
                    outcome: 'No Answer',
                    durationSeconds: 0
                }
            ],
            errors: [{ id: 'error-1', message: 'Boom' }],
            notices: [{ id: 'n', kind: 'warning', message: 'Careful' }],
            logStatus: { pending: 2, durable: false },
            dialAttempt: { id: 3, number: '6505550131', status: 'refused', message: 'Do Not Call' }
        };

        const model = buildViewModel(
            inputs({ connectionStatus: 'reconnecting' }, app, {
                connectionMessage: 'Lost the server',
                simulator: false
            })
        );

        expect(model).toMatchObject({
            connection: {
                status: 'reconnecting',
                connectorLabel: 'Simulator',
                message: 'Lost the server'
            },
            agentState: 'Available',
            agentStateOptions: ['Offline', 'Available', 'Break'],
            recentCalls: app.recentCalls,
            errors: app.errors,
            notices: app.notices,
            simulatorControlsVisible: false,
            logStatus: { pending: 2, durable: false },
            dialAttempt: { id: 3, number: '6505550131', status: 'refused', message: 'Do Not Call' }
        });
    });
});
