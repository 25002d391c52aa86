import { ClickToDialRouter, handleClickToDial } from './click-to-dial';
import { createAppHarness, MARIA, OLIVIA, type AppHarness } from './test-support/app-harness';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.useRealTimers();
});

async function started(): Promise<AppHarness> {
    const harness = createAppHarness();
    await harness.start();
    return harness;
}

async function click(harness: AppHarness, payload: unknown): Promise<void> {
    handleClickToDial(payload, {
        controls: harness.controls,
        store: harness.app.store,
        showPanel: harness.showPanel
    });
    await harness.settle();
}

const PREFIX = 'The click-to-dial request from Salesforce was not understood: ';

describe('handleClickToDial: payloads it cannot use', () => {
    it.each<[string, unknown, string]>([
        ['nothing', undefined, 'it is not an object'],
        ['null', null, 'it is not an object'],
        ['a bare number', '4155550101', 'it is not an object'],
        ['an array', [{ number: '4155550101' }], 'it is not an object'],
        ['no number', { recordId: MARIA.Id }, 'number: is missing'],
        ['an empty number', { number: '   ' }, 'number: is empty'],
        ['a number as an object', { number: { value: '4155550101' } }, 'number: must be the'],
        [
            'a bad record id',
            { number: '4155550101', recordId: 'not-an-id', objectType: 'Contact' },
            'recordId: is not a Salesforce record id'
        ]
    ])('names the problem with %s', async (_label, payload, issue) => {
        const harness = await started();

        await click(harness, payload);

        expect(harness.view().errors).toEqual([
            { id: expect.any(String), message: expect.stringContaining(PREFIX + issue) }
        ]);
        expect(harness.showPanel).not.toHaveBeenCalled();
        expect(harness.engine.snapshot().calls).toEqual([]);
    });
});

describe('handleClickToDial: a good click', () => {
    it('shows the panel and dials the number with the record it came from', async () => {
        const harness = await started();

        await click(harness, {
            number: '(415) 555-0101',
            recordId: MARIA.Id,
            recordName: 'Maria Lopez',
            objectType: 'Contact'
        });

        expect(harness.showPanel).toHaveBeenCalledTimes(1);
        expect(harness.engine.snapshot().calls).toEqual([
            expect.objectContaining({
                direction: 'Outbound',
                to: '+14155550101',
                related: { recordId: MARIA.Id, objectType: 'Contact', recordName: 'Maria Lopez' }
            })
        ]);
        expect(harness.view().calls[0]).toMatchObject({
            number: '(415) 555-0101',
            name: 'Maria Lopez'
        });
        expect(harness.view().errors).toEqual([]);
    });

    it('logs the call against that record', async () => {
        const harness = await started();
        await click(harness, {
            number: '4155550101',
            recordId: MARIA.Id,
            recordName: 'Maria Lopez',
            objectType: 'Contact'
        });
        const callId = harness.engine.snapshot().calls[0]?.id ?? '';
        await harness.advance(1500);
        const hangingUp = harness.controls.hangup(callId);
        await harness.advance(100);
        await hangingUp;

        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Direction__c: 'Outbound',
            To_Number__c: '+14155550101',
            Contact__c: MARIA.Id,
            Related_Record_Id__c: MARIA.Id
        });
        expect(harness.view().wrapUp?.remoteLabel).toBe('Maria Lopez');
    });

    it('dials without a record when the payload names none, logging to the one record found', async () => {
        const harness = await started();

        await click(harness, { number: 4155550101, recordId: '', objectType: null });

        expect(harness.engine.snapshot().calls).toEqual([
            expect.objectContaining({ to: '+14155550101' })
        ]);
        // Without a record, every record with the number is checked for Do Not Call; the one
        // it found is whom the call is to.
        expect(harness.engine.snapshot().calls[0]).toMatchObject({
            related: { recordId: MARIA.Id, objectType: 'Contact' }
        });
        expect(harness.host.searches).toEqual([
            { searchParams: '+14155550101', callType: 'outbound', deferred: true },
            { searchParams: '(415) 555-0101', callType: 'outbound', deferred: true },
            { searchParams: '4155550101', callType: 'outbound', deferred: true }
        ]);
    });

    it('shows why a Do Not Call record was not dialled', async () => {
        const harness = await started();

        await click(harness, {
            number: '(510) 555-0121',
            recordId: OLIVIA.Id,
            recordName: 'Olivia Grant',
            objectType: 'Lead'
        });

        expect(harness.showPanel).toHaveBeenCalledTimes(1);
        expect(harness.engine.snapshot().calls).toEqual([]);
        expect(harness.view().errors).toEqual([
            {
                id: expect.any(String),
                message: 'Olivia Grant has asked not to be called (Do Not Call)'
            }
        ]);
    });

    it("shows the engine's refusal", async () => {
        const harness = await started();
        harness.app.setAgentState('Offline');

        await click(harness, { number: '4155550101' });

        expect(harness.view().errors.map((error) => error.message)).toEqual([
            "You can't dial: the phone is not connected (Disconnected)."
        ]);
    });
});

describe('ClickToDialRouter', () => {
    it('keeps clicks made while the softphone starts and hands them over in order', () => {
        const router = new ClickToDialRouter();
        router.receive({ number: '1' });
        router.receive({ number: '2' });
        const dialled: unknown[] = [];
        router.routeTo((payload) => dialled.push(payload));
        expect(dialled).toEqual([{ number: '1' }, { number: '2' }]);
        router.receive({ number: '3' });
        expect(dialled).toEqual([{ number: '1' }, { number: '2' }, { number: '3' }]);
    });

    it('keeps at most five waiting clicks, and none twice', () => {
        const router = new ClickToDialRouter();
        for (let index = 0; index < 8; index += 1) {
            router.receive({ number: String(index) });
        }
        const first: unknown[] = [];
        router.routeTo((payload) => first.push(payload));
        expect(first).toHaveLength(5);
        const second: unknown[] = [];
        router.routeTo((payload) => second.push(payload));
        expect(second).toEqual([]);
    });

    it('waits again once the softphone that took the clicks stops', () => {
        const router = new ClickToDialRouter();
        const stopped: unknown[] = [];
        router.routeTo((payload) => stopped.push(payload));
        router.routeTo(undefined);
        router.receive({ number: '9' });
        expect(stopped).toEqual([]);
        const next: unknown[] = [];
        router.routeTo((payload) => next.push(payload));
        expect(next).toEqual([{ number: '9' }]);
    });
});

describe('handleClickToDial: the agent sees the click taken', () => {
    it('shows the dial as placing from the click until the engine has the call', async () => {
        const harness = await started();

        handleClickToDial(
            { number: '4155550101', recordId: MARIA.Id, objectType: 'Contact' },
            { controls: harness.controls, store: harness.app.store, showPanel: harness.showPanel }
        );
        expect(harness.view().dialAttempt).toMatchObject({
            number: '4155550101',
            status: 'placing'
        });
        await harness.settle();

        expect(harness.view().dialAttempt).toBeUndefined();
        expect(harness.view().calls).toMatchObject([{ direction: 'Outbound' }]);
    });

    it('tells a refusal in the alerts, not by the keypad it did not come from', async () => {
        const harness = await started();

        await click(harness, { number: '(510) 555-0121', recordId: OLIVIA.Id, objectType: 'Lead' });

        expect(harness.view().dialAttempt).toBeUndefined();
        expect(harness.view().errors).toMatchObject([
            { message: 'Olivia Grant has asked not to be called (Do Not Call)' }
        ]);
    });
});
