import { noInternalNumbers } from '../screenpop/dial-plan';
import { normalisePhoneNumber } from '../screenpop/phone-number';
import { createAppHarness, MARIA, OLIVIA, type AppHarness } from './test-support/app-harness';
import type { PersonRecord } from './test-support/fake-salesforce-host';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.useRealTimers();
});

async function started(people?: readonly PersonRecord[]): Promise<AppHarness> {
    const harness = createAppHarness(people === undefined ? {} : { people });
    await harness.start();
    return harness;
}

function reasonOf(number: string): string {
    const parsed = normalisePhoneNumber(number, 'US');
    if (parsed.ok) {
        throw new Error(`${number} is a valid number`);
    }
    return parsed.reason;
}

const OLIVIA_RELATED = { recordId: OLIVIA.Id, objectType: 'Lead', recordName: 'Olivia Grant' };
const MARIA_RELATED = { recordId: MARIA.Id, objectType: 'Contact', recordName: 'Maria Lopez' };

describe('OutboundDialer: the number', () => {
    it.each(['abc', '+'])('refuses %j: it has no digits to call', async (number) => {
        const harness = await started();

        await expect(harness.dialer.dial({ number })).resolves.toEqual({
            ok: false,
            code: 'invalid-number',
            message: `${number} is not a phone number or an extension: enter its digits.`
        });
        expect(harness.host.searches).toEqual([]);
    });

    it.each(['', '   '])('refuses %j: there is no number to call', async (number) => {
        const harness = await started();

        await expect(harness.dialer.dial({ number })).resolves.toEqual({
            ok: false,
            code: 'invalid-number',
            message: 'Enter a phone number to call.'
        });
        expect(harness.engine.snapshot()).toMatchObject({ agentState: 'Available', calls: [] });
    });

    it.each(['12', '+999 123 4567', '415 555 01019999', '<script>4155550101'])(
        "refuses %j with the parser's reason",
        async (number) => {
            const harness = await started();
            const dial = jest.spyOn(harness.engine, 'dial');

            await expect(harness.dialer.dial({ number })).resolves.toEqual({
                ok: false,
                code: 'invalid-number',
                message: reasonOf(number)
            });
            expect(dial).not.toHaveBeenCalled();
        }
    );

    it('words the reason for the agent', async () => {
        const harness = await started();

        await expect(harness.dialer.dial({ number: '12' })).resolves.toMatchObject({
            message: 'Enter a phone number with at least 10 digits'
        });
    });

    it('hands the engine the number in E.164', async () => {
        const harness = await started();
        const dial = jest.spyOn(harness.simulator, 'dial');

        const outcome = await harness.dialer.dial({ number: '(415) 555-1234' });

        expect(outcome).toEqual({ ok: true, callId: 'sim-1' });
        expect(dial).toHaveBeenCalledWith('+14155551234');
        expect(harness.engine.getCall('sim-1')).toMatchObject({
            direction: 'Outbound',
            to: '+14155551234'
        });
    });

    it("returns the engine's refusal", async () => {
        const harness = await started();
        harness.app.setAgentState('Break');

        await expect(harness.dialer.dial({ number: '4155551234' })).resolves.toEqual({
            ok: false,
            code: 'agent-unavailable',
            message: "You can't dial while on Break. Go Available first."
        });
    });
});

describe('OutboundDialer: Do Not Call', () => {
    it('refuses a record whose DoNotCall is set, without dialing', async () => {
        const harness = await started();
        const dial = jest.spyOn(harness.engine, 'dial');

        const outcome = await harness.dialer.dial({
            number: '(510) 555-0121',
            related: OLIVIA_RELATED
        });

        expect(outcome).toEqual({
            ok: false,
            code: 'do-not-call',
            message: 'Olivia Grant has asked not to be called (Do Not Call)'
        });
        // Every written form is searched at once; the first that finds the record decides.
        expect(harness.host.searches).toEqual([
            { searchParams: '+15105550121', callType: 'outbound', deferred: true },
            { searchParams: '(510) 555-0121', callType: 'outbound', deferred: true },
            { searchParams: '5105550121', callType: 'outbound', deferred: true }
        ]);
        expect(dial).not.toHaveBeenCalled();
        expect(harness.host.pops).toEqual([]);
    });

    it('reads a DoNotCall flag that arrives as text', async () => {
        const harness = await started([{ ...MARIA, DoNotCall: 'true' }]);

        await expect(
            harness.dialer.dial({ number: '+14155550101', related: MARIA_RELATED })
        ).resolves.toMatchObject({ ok: false, code: 'do-not-call' });
    });

    it("refuses a person account's PersonDoNotCall", async () => {
        const account: PersonRecord = {
            Id: '001000000000000009',
            Name: 'Ada Lovelace',
            RecordType: 'Account',
            Phone: '+14155550109',
            PersonDoNotCall: true
        };
        const harness = await started([account]);

        await expect(
            harness.dialer.dial({
                number: '+14155550109',
                related: { recordId: account.Id, objectType: 'Account' },
                personAccount: true
            })
        ).resolves.toEqual({
            ok: false,
            code: 'do-not-call',
            message: 'Ada Lovelace has asked not to be called (Do Not Call)'
        });
    });

    it('dials a record whose DoNotCall is not set, related to it', async () => {
        const harness = await started();

        const outcome = await harness.dialer.dial({
            number: '(415) 555-0101',
            related: MARIA_RELATED
        });

        expect(outcome).toEqual({ ok: true, callId: 'sim-1' });
        expect(harness.host.searchesOf('outbound')).toEqual([
            '+14155550101',
            '(415) 555-0101',
            '4155550101'
        ]);
        expect(harness.engine.getCall('sim-1')?.related).toEqual(MARIA_RELATED);
    });

    it('dials when the search does not find the dialled record (not checked)', async () => {
        const harness = await started([]);

        const outcome = await harness.dialer.dial({
            number: '(510) 555-0121',
            related: OLIVIA_RELATED
        });

        expect(outcome).toEqual({ ok: true, callId: 'sim-1' });
        // Every written form was tried before giving up on the flag.
        expect(harness.host.searchesOf('outbound')).toEqual([
            '+15105550121',
            '(510) 555-0121',
            '5105550121'
        ]);
    });

    it('does not take the flag of another record with the same number', async () => {
        const harness = await started([{ ...OLIVIA, Id: '00Q000000000000099' }]);

        await expect(
            harness.dialer.dial({ number: '(510) 555-0121', related: OLIVIA_RELATED })
        ).resolves.toMatchObject({ ok: true });
    });

    it('blocks when the softphone layout does not return the flag, naming the Setup page (Block)', async () => {
        const withoutFlag: PersonRecord = {
            Id: OLIVIA.Id,
            Name: OLIVIA.Name,
            RecordType: 'Lead',
            Phone: OLIVIA.Phone
        };
        const harness = await started([withoutFlag]);
        const dial = jest.spyOn(harness.engine, 'dial');

        await expect(
            harness.dialer.dial({ number: '(510) 555-0121', related: OLIVIA_RELATED })
        ).resolves.toEqual({
            ok: false,
            code: 'do-not-call-unchecked',
            message:
                "The call was not placed: the Do Not Call list could not be checked (the softphone layout's Outbound section does not show Lead DoNotCall; an admin adds it in Setup → Softphone Layouts)."
        });
        expect(dial).not.toHaveBeenCalled();
    });

    it('dials with a warning when the layout does not return the flag and the setting says Warn', async () => {
        const withoutFlag: PersonRecord = {
            Id: OLIVIA.Id,
            Name: OLIVIA.Name,
            RecordType: 'Lead',
            Phone: OLIVIA.Phone
        };
        const harness = createAppHarness({
            people: [withoutFlag],
            dialPolicy: { onCheckFailure: 'Warn' }
        });
        await harness.start();

        const outcome = await harness.dialer.dial({ number: '(510) 555-0121' });
        expect(outcome).toMatchObject({ ok: true });
        expect(outcome.ok && outcome.warning).toContain(
            "the softphone layout's Outbound section does not show Lead DoNotCall"
        );
    });

    it('refuses a Do Not Call record even when another match lacks the flag', async () => {
        const withoutFlag: PersonRecord = {
            Id: OLIVIA.Id,
            Name: OLIVIA.Name,
            RecordType: 'Lead',
            Phone: OLIVIA.Phone
        };
        const refusing: PersonRecord = {
            Id: MARIA.Id,
            Name: MARIA.Name,
            RecordType: 'Contact',
            Phone: OLIVIA.Phone,
            DoNotCall: true
        };
        const harness = await started([withoutFlag, refusing]);

        await expect(harness.dialer.dial({ number: '(510) 555-0121' })).resolves.toMatchObject({
            ok: false,
            code: 'do-not-call'
        });
    });

    it('blocks the call when the search fails, saying why (dialing/doNotCallCheckFailure Block)', async () => {
        const harness = await started();
        harness.host.searchError = 'Search is down';
        const dial = jest.spyOn(harness.engine, 'dial');

        await expect(
            harness.dialer.dial({ number: '(510) 555-0121', related: OLIVIA_RELATED })
        ).resolves.toEqual({
            ok: false,
            code: 'do-not-call-unchecked',
            message:
                'The call was not placed: the Do Not Call list could not be checked (Search is down). Try again in a moment.'
        });
        expect(harness.host.searchesOf('outbound')).toHaveLength(3);
        expect(dial).not.toHaveBeenCalled();
    });

    it('dials with a warning when the search fails and the setting says Warn', async () => {
        const harness = createAppHarness({ dialPolicy: { onCheckFailure: 'Warn' } });
        await harness.start();
        harness.host.searchError = 'Search is down';

        await expect(harness.dialer.dial({ number: '(510) 555-0121' })).resolves.toEqual({
            ok: true,
            callId: 'sim-1',
            warning:
                'The Do Not Call list could not be checked for (510) 555-0121 (Search is down): make sure this person may be called.'
        });
    });

    it('gives up on a search that does not answer in time', async () => {
        const harness = createAppHarness({ dialPolicy: { checkTimeoutMs: 2000 } });
        await harness.start();
        jest.spyOn(harness.host, 'searchAndScreenPop').mockReturnValue(new Promise(() => {}));

        const outcome = harness.dialer.dial({ number: '(510) 555-0121' });
        await harness.advance(2000);

        await expect(outcome).resolves.toEqual({
            ok: false,
            code: 'do-not-call-unchecked',
            message:
                'The call was not placed: the Do Not Call list could not be checked (Salesforce did not answer within 2 s). Try again in a moment.'
        });
        // The deadline covers the whole check: the searches went out together, none after it.
        expect(harness.host.searchAndScreenPop).toHaveBeenCalledTimes(3);
        await harness.advance(10_000);
        expect(harness.host.searchAndScreenPop).toHaveBeenCalledTimes(3);
    });

    it('reads a search answer that is not a map of records as a failed check', async () => {
        const harness = await started();
        jest.spyOn(harness.host, 'searchAndScreenPop').mockResolvedValue('garbage');

        await expect(harness.dialer.dial({ number: '(510) 555-0121' })).resolves.toMatchObject({
            ok: false,
            code: 'do-not-call-unchecked'
        });
    });

    it('checks a typed number against every record that has it', async () => {
        const harness = await started();
        const dial = jest.spyOn(harness.engine, 'dial');

        await expect(harness.dialer.dial({ number: '(510) 555-0121' })).resolves.toEqual({
            ok: false,
            code: 'do-not-call',
            message: 'Olivia Grant has asked not to be called (Do Not Call)'
        });
        expect(harness.host.searches[0]).toEqual({
            searchParams: '+15105550121',
            callType: 'outbound',
            deferred: true
        });
        expect(dial).not.toHaveBeenCalled();
        expect(harness.host.pops).toEqual([]);
    });

    it('dials a typed number nobody asked not to be called at', async () => {
        const harness = await started();

        await expect(harness.dialer.dial({ number: '(415) 555-0101' })).resolves.toEqual({
            ok: true,
            callId: 'sim-1'
        });
        expect(harness.host.searchesOf('outbound')).toEqual([
            '+14155550101',
            '(415) 555-0101',
            '4155550101'
        ]);
    });

    it('searches every written form at once: the check takes one search, not three', async () => {
        const harness = await started();
        const answers: ((value: unknown) => void)[] = [];
        const search = jest
            .spyOn(harness.host, 'searchAndScreenPop')
            .mockImplementation(() => new Promise((resolve) => answers.push(resolve)));

        const outcome = harness.dialer.dial({ number: '(415) 555-0101' });
        await harness.settle();

        // All three went out before any answered; nobody has the number: the call goes out.
        expect(search).toHaveBeenCalledTimes(3);
        for (const answer of answers) {
            answer({});
        }
        await expect(outcome).resolves.toEqual({ ok: true, callId: 'sim-1' });
    });

    it('dials a typed number no record has, after trying every written form', async () => {
        const harness = await started();

        await expect(harness.dialer.dial({ number: '(212) 555-0199' })).resolves.toMatchObject({
            ok: true
        });
        expect(harness.host.searchesOf('outbound')).toHaveLength(3);
    });

    it('has the connector prepare the dial during the check, and undoes it when refused or placed', async () => {
        const harness = await started();
        const undo = jest.fn();
        const prepare = jest.spyOn(harness.engine, 'prepareDial').mockReturnValue(undo);
        await expect(harness.dialer.dial({ number: '(415) 555-0101' })).resolves.toMatchObject({
            ok: true
        });
        expect(prepare).toHaveBeenCalledTimes(1);
        expect(undo).toHaveBeenCalledTimes(1);
        await harness.settle();

        const refused = await started([OLIVIA]);
        const undoRefused = jest.fn();
        jest.spyOn(refused.engine, 'prepareDial').mockReturnValue(undoRefused);
        await expect(refused.dialer.dial({ number: '(510) 555-0121' })).resolves.toMatchObject({
            code: 'do-not-call'
        });
        expect(undoRefused).toHaveBeenCalledTimes(1);
    });
});

describe('OutboundDialer: the dial plan', () => {
    it('dials an extension as typed, without a Do Not Call search', async () => {
        const harness = await started();
        const dial = jest.spyOn(harness.simulator, 'dial');

        await expect(harness.dialer.dial({ number: ' 1002 ' })).resolves.toEqual({
            ok: true,
            callId: 'sim-1'
        });
        expect(dial).toHaveBeenCalledWith('1002');
        expect(harness.engine.getCall('sim-1')).toMatchObject({ to: '1002' });
        expect(harness.host.searches).toEqual([]);
    });

    it('reads a number outside the dial plan as a phone number', async () => {
        const harness = await started();

        await expect(harness.dialer.dial({ number: '100200' })).resolves.toEqual({
            ok: false,
            code: 'invalid-number',
            message: reasonOf('100200')
        });
    });

    it('has no internal numbers without a dial plan', async () => {
        const harness = createAppHarness({ dialPolicy: { dialPlan: noInternalNumbers } });
        await harness.start();

        await expect(harness.dialer.dial({ number: '1002' })).resolves.toEqual({
            ok: false,
            code: 'invalid-number',
            message: 'Enter a phone number with at least 10 digits'
        });
    });
});

describe('OutboundDialer: the record a typed number is logged to', () => {
    it('relates the call to the one record the typed number found', async () => {
        const harness = await started();

        await expect(harness.dialer.dial({ number: '(415) 555-0101' })).resolves.toEqual({
            ok: true,
            callId: 'sim-1'
        });

        expect(harness.engine.getCall('sim-1')?.related).toEqual(MARIA_RELATED);
    });

    it('relates it to no record when the number belongs to two people: the agent chooses', async () => {
        const harness = await started([MARIA, { ...MARIA, Id: '003000000000000099' }]);

        await expect(harness.dialer.dial({ number: '(415) 555-0101' })).resolves.toMatchObject({
            ok: true
        });

        expect(harness.engine.getCall('sim-1')?.related).toBeUndefined();
    });

    it('keeps the record dialled from, even when the number found another one', async () => {
        const harness = await started([{ ...OLIVIA, Id: '00Q000000000000099' }]);

        await harness.dialer.dial({ number: '(510) 555-0121', related: OLIVIA_RELATED });

        expect(harness.engine.getCall('sim-1')?.related).toEqual(OLIVIA_RELATED);
    });
});
