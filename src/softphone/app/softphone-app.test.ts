import {
    answerCall,
    createAppHarness,
    DANIEL,
    DISPOSITIONS,
    LINE_NUMBER,
    MARIA,
    type AppHarness,
    APP_TEST_T0,
    talkToMaria,
    useAppTestClock
} from './test-support/app-harness';

const T0 = APP_TEST_T0;
/** The simulator connects in 300 ms, so the first call rings then. */
const RINGS_AT = T0 + 300;
const iso = (epochMs: number) => new Date(epochMs).toISOString();

useAppTestClock();

describe('SoftphoneApp: an inbound call rings', () => {
    it('asks for the search before it shows the panel or publishes the call (none waits for another)', async () => {
        const harness = createAppHarness();
        await harness.start();
        const { lms } = await harness.attachLms();
        const order: string[] = [];
        const search = harness.host.searchAndScreenPop.bind(harness.host);
        jest.spyOn(harness.host, 'searchAndScreenPop').mockImplementation((request) => {
            order.push('search');
            return search(request);
        });
        harness.showPanel.mockImplementation(() => order.push('panel'));
        const publish = lms.publish.bind(lms);
        jest.spyOn(lms, 'publish').mockImplementation((args) => {
            if (args.message.type === 'callStarted') {
                order.push('callStarted');
            }
            return publish(args);
        });

        await harness.ring('+1 415 555 0101');

        expect(order).toEqual(['search', 'panel', 'callStarted']);
    });

    it('pops the caller by number, shows their name and relates the call to them', async () => {
        const harness = createAppHarness();
        await harness.start();

        const callId = await harness.ring('+1 415 555 0101', 'MARIA L');

        expect(harness.showPanel).toHaveBeenCalledTimes(1);
        expect(harness.host.searches[0]).toEqual({
            searchParams: '+14155550101',
            callType: 'inbound',
            deferred: true
        });
        expect(harness.host.pops).toEqual([{ type: 'SOBJECT', params: { recordId: MARIA.Id } }]);
        expect(harness.view().calls).toEqual([
            {
                callId,
                direction: 'Inbound',
                state: 'ringing',
                number: '(415) 555-0101',
                name: 'Maria Lopez',
                startedAt: RINGS_AT,
                muted: false,
                loggedTo: {
                    current: { recordId: MARIA.Id, label: 'Maria Lopez (Contact)' },
                    options: [{ recordId: MARIA.Id, label: 'Maria Lopez (Contact)' }]
                }
            }
        ]);
        expect(harness.engine.getCall(callId)?.related).toEqual({
            recordId: MARIA.Id,
            objectType: 'Contact',
            recordName: 'Maria Lopez'
        });
    });

    it('finds a record stored in the national format through the next search variant', async () => {
        const harness = createAppHarness();
        await harness.start();

        const callId = await harness.ring('+14155550105');

        expect(harness.host.searchesOf('inbound')).toEqual(['+14155550105', '(415) 555-0105']);
        expect(harness.host.pops).toEqual([{ type: 'SOBJECT', params: { recordId: DANIEL.Id } }]);
        expect(harness.view().calls[0]?.name).toBe('Daniel Kim');
        expect(harness.engine.getCall(callId)?.related?.recordId).toBe(DANIEL.Id);
    });

    it("shows the network's name and pops a new Contact on answer when nobody matches", async () => {
        const harness = createAppHarness();
        await harness.start();

        const callId = await harness.ring('+12125550199', 'J DOE');

        expect(harness.host.searchesOf('inbound')).toEqual([
            '+12125550199',
            '(212) 555-0199',
            '2125550199'
        ]);
        // The form would cover Answer and Decline: it waits for the answer (the default).
        expect(harness.host.pops).toEqual([]);
        expect(harness.view().calls[0]?.loggedTo).toEqual({ options: [] });
        await answerCall(harness, callId);
        await harness.settle();
        expect(harness.host.pops).toEqual([
            {
                type: 'NEW_RECORD_MODAL',
                params: { entityName: 'Contact', defaultFieldValues: { Phone: '+12125550199' } }
            }
        ]);
        expect(harness.view().calls[0]).toMatchObject({ number: '(212) 555-0199', name: 'J DOE' });
        expect(harness.engine.getCall(callId)?.related).toBeUndefined();
    });

    it('pops a new Case for a withheld number on answer, which shows as no number', async () => {
        const harness = createAppHarness();
        await harness.start();

        // What the softphone's simulator panel sends for a withheld caller id.
        const callId = await harness.ring('');

        expect(harness.host.searches).toEqual([]);
        expect(harness.host.pops).toEqual([]);
        await answerCall(harness, callId);
        await harness.settle();
        expect(harness.host.pops).toEqual([
            {
                type: 'NEW_RECORD_MODAL',
                params: { entityName: 'Case', defaultFieldValues: { Origin: 'Phone' } }
            }
        ]);
        expect(harness.view().calls[0]?.number).toBe('');
    });

    it('shows a failed search as an error and keeps the call ringing', async () => {
        const harness = createAppHarness();
        await harness.start();
        harness.host.searchError = 'The search service is unavailable';

        const callId = await harness.ring('+14155550101');

        expect(harness.view().errors).toEqual([
            {
                id: expect.any(String),
                message: 'Screen pop failed (search): The search service is unavailable'
            }
        ]);
        expect(harness.host.pops).toEqual([]);
        expect(harness.view().calls).toEqual([
            expect.objectContaining({ callId, state: 'ringing' })
        ]);
    });
});

describe('SoftphoneApp: a call ends', () => {
    it('creates one Phone_Call__c with the call, related to the popped record', async () => {
        const harness = createAppHarness();
        await harness.start();

        const callId = await talkToMaria(harness);

        expect(harness.host.calls).toEqual([
            {
                entityApiName: 'Phone_Call__c',
                Provider_Call_Id__c: callId,
                Direction__c: 'Inbound',
                Duration_Seconds__c: 42,
                Started__c: iso(RINGS_AT),
                Answered__c: iso(RINGS_AT + 100),
                Ended__c: iso(RINGS_AT + 100 + 42_000),
                From_Number__c: '+14155550101',
                To_Number__c: LINE_NUMBER,
                Outcome__c: 'Connected',
                Related_Record_Id__c: MARIA.Id,
                Contact__c: MARIA.Id
            }
        ]);
        expect(harness.refreshView).toHaveBeenCalledTimes(1);
    });

    it('adds the call to the recent calls, newest first', async () => {
        const harness = createAppHarness();
        await harness.start();

        const first = await talkToMaria(harness, 5_000);
        harness.app.wrapUp.complete();
        const second = await talkToMaria(harness, 7_000);

        expect(harness.view().recentCalls).toEqual([
            {
                callId: second,
                direction: 'Inbound',
                number: '(415) 555-0101',
                name: 'Maria Lopez',
                endedAt: expect.any(Number),
                outcome: 'Connected',
                durationSeconds: 7,
                // The row links to the record the call was about.
                record: { recordId: MARIA.Id, objectType: 'Contact' }
            },
            expect.objectContaining({ callId: first, durationSeconds: 5 })
        ]);
    });

    it("keeps the phone system's display name in wrap-up and recent calls when no record named the caller", async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('+12125550199', 'J DOE');
        await answerCall(harness, callId);
        harness.simulator.simulateRemoteHangup(callId);
        await harness.settle();

        expect(harness.view().wrapUp?.remoteLabel).toBe('J DOE');
        expect(harness.view().recentCalls[0]).toMatchObject({ callId, name: 'J DOE' });
        expect(harness.view().recentCalls[0]).not.toHaveProperty('record');
    });

    it('takes the errors about a call away when it ends, and keeps the others', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('+1 415 555 0101');
        harness.app.store.addError(
            'Wait for the answer request on this call to complete.',
            undefined,
            callId
        );
        harness.app.store.addError('Something not about the call');
        await answerCall(harness, callId);
        harness.simulator.simulateRemoteHangup(callId);
        await harness.settle();

        expect(harness.view().errors.map((error) => error.message)).toEqual([
            'Something not about the call'
        ]);
    });

    it('opens the wrap-up when the agent goes to after-call work', async () => {
        const harness = createAppHarness();
        await harness.start();

        const callId = await talkToMaria(harness);

        expect(harness.view().agentState).toBe('AfterCallWork');
        expect(harness.view().wrapUp).toEqual({
            callId,
            remoteLabel: 'Maria Lopez',
            outcome: 'Connected',
            durationSeconds: 42,
            disposition: '',
            notes: '',
            dispositionOptions: DISPOSITIONS,
            dispositionRequired: false,
            saving: false,
            draftSaved: false,
            loggedTo: {
                current: { recordId: MARIA.Id, label: 'Maria Lopez (Contact)' },
                options: [{ recordId: MARIA.Id, label: 'Maria Lopez (Contact)' }]
            }
        });
        // The log stays in the outbox, waiting for the disposition.
        expect(harness.outbox.snapshot()).toEqual([
            expect.objectContaining({ callId, wrapUpOpen: true })
        ]);
    });

    it('labels the wrap-up of a withheld caller "Withheld number"', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('');
        await answerCall(harness, callId);
        harness.simulator.simulateRemoteHangup(callId);
        await harness.settle();

        expect(harness.view().wrapUp?.remoteLabel).toBe('Withheld number');
        expect(harness.view().recentCalls[0]).toMatchObject({ callId, number: '' });
        expect(harness.view().recentCalls[0]).not.toHaveProperty('name');
    });

    it('logs a missed call without opening a wrap-up', async () => {
        const harness = createAppHarness();
        await harness.start();

        const callId = await harness.ring('+14155550101');
        await harness.advance(30_000);

        expect(harness.view().agentState).toBe('Available');
        expect(harness.view().wrapUp).toBeUndefined();
        expect(harness.host.createsOf('Phone_Call__c')).toEqual([
            expect.objectContaining({
                Provider_Call_Id__c: callId,
                Outcome__c: 'Missed',
                Duration_Seconds__c: 0,
                Contact__c: MARIA.Id
            })
        ]);
        expect(harness.host.calls[0]).not.toHaveProperty('Answered__c');
        expect(harness.view().recentCalls).toEqual([
            expect.objectContaining({ callId, outcome: 'Missed', name: 'Maria Lopez' })
        ]);
        // Nothing waits for a disposition: the log left the outbox.
        expect(harness.outbox.snapshot()).toEqual([]);
        // The agent stays Available and is told, with a way to call back.
        expect(harness.view().notices.filter((n) => n.id !== 'log-not-durable')).toEqual([
            {
                id: `missed-call-${callId}`,
                kind: 'warning',
                message: 'Missed call from Maria Lopez.',
                callBack: '+14155550101'
            }
        ]);
    });

    it('leaves no missed-call notice for a call turned away on Break (logged Busy)', async () => {
        const harness = createAppHarness();
        await harness.start();
        await harness.app.changeAgentState('Break');

        const callId = await harness.ring('+14155550101');
        await harness.settle();

        expect(harness.host.phoneCallByProviderId(callId)?.fields.Outcome__c).toBe('Busy');
        expect(harness.view().notices.map((notice) => notice.id)).toEqual(['log-not-durable']);
        expect(harness.host.pops).toEqual([]);
    });

    it('a withheld missed call leaves a notice without Call back', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('');
        await harness.advance(30_000);
        const missed = harness.view().notices.find((n) => n.id === `missed-call-${callId}`);
        expect(missed?.message).toBe('Missed call from Withheld number. No number to call back.');
        expect(missed).not.toHaveProperty('callBack');
    });

    it('a missed call from a caller known only by a name says there is no number to call back', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('alice');
        await harness.advance(30_000);
        const missed = harness.view().notices.find((n) => n.id === `missed-call-${callId}`);
        expect(missed?.message).toBe('Missed call from alice. No number to call back.');
        expect(missed).not.toHaveProperty('callBack');
        // Nor does its recent call offer Redial (no number): it is named, not withheld.
        expect(harness.view().recentCalls[0]).toMatchObject({ number: '', name: 'alice' });
    });
});

describe('SoftphoneApp: the status the agent chooses', () => {
    it('shows the chosen Break reason until the agent leaves Break, and remembers it', async () => {
        const saved: string[] = [];
        const harness = createAppHarness({
            breakReasons: ['Lunch', 'Training'],
            statusStorage: { getItem: () => null, setItem: (_key, value) => void saved.push(value) }
        });
        await harness.start();

        await expect(harness.app.changeAgentState('Break', 'Lunch')).resolves.toBe(true);
        expect(harness.view()).toMatchObject({
            agentState: 'Break',
            breakReason: 'Lunch',
            breakReasons: ['Lunch', 'Training']
        });
        await expect(harness.app.changeAgentState('Available')).resolves.toBe(true);
        expect(harness.view().agentState).toBe('Available');
        expect(harness.view()).not.toHaveProperty('breakReason');
        expect(saved.map((value) => JSON.parse(value))).toEqual([
            { state: 'Available' },
            { state: 'Break', reason: 'Lunch' },
            { state: 'Available' }
        ]);
    });

    it('refuses a reason the admin did not configure, and says so', async () => {
        const harness = createAppHarness({ breakReasons: ['Lunch'] });
        await harness.start();
        await expect(harness.app.changeAgentState('Break', 'Gym')).resolves.toBe(false);
        expect(harness.view().agentState).toBe('Available');
        expect(harness.view().errors[0]?.message).toContain('"Gym" is not a break reason');
    });

    it('shows Offline the agent chose as a choice, and connects again on Available', async () => {
        const harness = createAppHarness();
        await harness.start();
        const offline = harness.app.changeAgentState('Offline');
        await harness.advance(100);
        await expect(offline).resolves.toBe(true);
        expect(harness.view().connection).toMatchObject({
            status: 'disconnected',
            offlineByChoice: true
        });
        expect(harness.view().agentStateOptions).toEqual(['Offline', 'Available', 'Break']);

        const available = harness.app.changeAgentState('Available');
        await harness.advance(300);
        await expect(available).resolves.toBe(true);
        expect(harness.view().agentState).toBe('Available');
        expect(harness.view().connection).not.toHaveProperty('offlineByChoice');
    });
});

describe('SoftphoneApp: call waiting', () => {
    async function mariaThenDanielWaiting(harness: AppHarness) {
        await harness.start();
        const maria = await harness.ring('+14155550101');
        await answerCall(harness, maria);
        const daniel = await harness.ring('+14155550105');
        return { maria, daniel };
    }

    it("defers the waiting caller's pop until the agent answers", async () => {
        const harness = createAppHarness();
        const { daniel } = await mariaThenDanielWaiting(harness);

        expect(harness.showPanel).toHaveBeenCalledTimes(2);
        expect(harness.host.searchesOf('inbound')).toEqual(['+14155550101']);
        expect(harness.host.pops).toHaveLength(1);
        expect(harness.view().calls[1]).toEqual(
            expect.objectContaining({ callId: daniel, state: 'ringing' })
        );
        expect(harness.view().calls[1]).not.toHaveProperty('name');

        await answerCall(harness, daniel);

        expect(harness.host.searchesOf('inbound')).toEqual([
            '+14155550101',
            '+14155550105',
            '(415) 555-0105'
        ]);
        expect(harness.host.pops[1]).toEqual({ type: 'SOBJECT', params: { recordId: DANIEL.Id } });
        expect(harness.view().calls).toEqual([
            expect.objectContaining({ state: 'held', name: 'Maria Lopez' }),
            expect.objectContaining({ callId: daniel, state: 'connected', name: 'Daniel Kim' })
        ]);
        expect(harness.engine.getCall(daniel)?.related?.recordId).toBe(DANIEL.Id);
    });

    it('never pops a waiting call the agent declines, and logs it as Rejected', async () => {
        const harness = createAppHarness();
        const { daniel } = await mariaThenDanielWaiting(harness);

        const declining = harness.controls.decline(daniel);
        await harness.advance(100);
        await expect(declining).resolves.toEqual({ ok: true });
        await harness.advance(60_000);

        expect(harness.host.searchesOf('inbound')).toEqual(['+14155550101']);
        expect(harness.host.pops).toHaveLength(1);
        expect(harness.host.phoneCallByProviderId(daniel)?.fields).toMatchObject({
            Outcome__c: 'Rejected',
            From_Number__c: '+14155550105'
        });
        expect(harness.host.phoneCallByProviderId(daniel)?.fields).not.toHaveProperty('Contact__c');
        expect(harness.view()).toMatchObject({ agentState: 'Busy' });
        expect(harness.view().wrapUp).toBeUndefined();
    });

    it('never pops a waiting call that rings out', async () => {
        const harness = createAppHarness();
        const { daniel } = await mariaThenDanielWaiting(harness);

        await harness.advance(30_000);

        expect(harness.host.searchesOf('inbound')).toEqual(['+14155550101']);
        expect(harness.host.phoneCallByProviderId(daniel)?.fields.Outcome__c).toBe('Missed');
        expect(harness.view().calls).toEqual([expect.objectContaining({ state: 'connected' })]);
    });
});
