import { OpenCtiError, OpenCtiHost } from '../opencti';
import { FakeOpenCti } from '../opencti/test-support/fake-open-cti';
import type { ScreenPopSettings } from '../settings/softphone-settings';
import { normalisePhoneNumber } from './phone-number';
import {
    ScreenPopper,
    type ScreenPopHost,
    type ScreenPopSearch,
    type ScreenPopTarget
} from './screen-pop-executor';

const SETTINGS: ScreenPopSettings = {
    searchObjects: ['Contact', 'Lead', 'Account'],
    noMatchAction: 'NewContact',
    multipleMatchAction: 'Priority',
    anonymousAction: 'NewCase',
    newRecordPopTiming: 'OnAnswer',
    matchPopTiming: 'OnRing'
};

const CONTACT_ID = '003000000000001AAA';
const LEAD_ID = '00Q000000000001AAA';
const CALLER = normalisePhoneNumber('(415) 555-2671', 'US');

type SearchAnswer = unknown | Error;

/** Answers each search in turn (the last answer repeats); records what was popped. */
class FakeHost implements ScreenPopHost {
    readonly searches: ScreenPopSearch[] = [];
    readonly pops: ScreenPopTarget[] = [];
    popError: Error | undefined;

    constructor(private readonly answers: SearchAnswer[] = [{}]) {}

    async searchAndScreenPop(args: ScreenPopSearch): Promise<unknown> {
        this.searches.push(args);
        const answer = this.answers[Math.min(this.searches.length, this.answers.length) - 1];
        if (answer instanceof Error) {
            throw answer;
        }
        return answer;
    }

    async screenPop(args: ScreenPopTarget): Promise<unknown> {
        this.pops.push(args);
        if (this.popError !== undefined) {
            throw this.popError;
        }
        return undefined;
    }
}

function popper(host: ScreenPopHost, settings: Partial<ScreenPopSettings> = {}) {
    return new ScreenPopper(host, { settings: { ...SETTINGS, ...settings }, defaultCountry: 'US' });
}

const contactResult = {
    [CONTACT_ID]: { Id: CONTACT_ID, Name: 'Ada Lovelace', RecordType: 'Contact', DoNotCall: false }
};

describe('ScreenPopper', () => {
    it('searches the E.164 form first, inbound and deferred, then pops the single match', async () => {
        const host = new FakeHost([contactResult]);
        const outcome = await popper(host).pop(CALLER);
        expect(host.searches).toEqual([
            { searchParams: '+14155552671', callType: 'inbound', deferred: true }
        ]);
        expect(host.pops).toEqual([{ type: 'SOBJECT', params: { recordId: CONTACT_ID } }]);
        expect(outcome).toEqual({
            ok: true,
            decision: {
                kind: 'record',
                rule: 'singleMatch',
                recordId: CONTACT_ID,
                objectType: 'Contact'
            },
            matches: [
                {
                    recordId: CONTACT_ID,
                    objectType: 'Contact',
                    name: 'Ada Lovelace',
                    fields: {
                        Id: CONTACT_ID,
                        Name: 'Ada Lovelace',
                        RecordType: 'Contact',
                        DoNotCall: false
                    }
                }
            ],
            related: { recordId: CONTACT_ID, objectType: 'Contact', recordName: 'Ada Lovelace' },
            callerName: 'Ada Lovelace'
        });
    });

    it('tries the other written forms until one matches', async () => {
        const host = new FakeHost([{}, null, contactResult]);
        const outcome = await popper(host).pop(CALLER);
        expect(host.searches.map((s) => s.searchParams)).toEqual([
            '+14155552671',
            '(415) 555-2671',
            '4155552671'
        ]);
        expect(outcome.ok && outcome.related?.recordId).toBe(CONTACT_ID);
    });

    it('pops a new Contact prefilled with the number when nobody matches', async () => {
        const host = new FakeHost([{}]);
        const outcome = await popper(host).pop(CALLER);
        expect(host.searches).toHaveLength(3);
        expect(host.pops).toEqual([
            {
                type: 'NEW_RECORD_MODAL',
                params: { entityName: 'Contact', defaultFieldValues: { Phone: '+14155552671' } }
            }
        ]);
        expect(outcome).toEqual({
            ok: true,
            decision: {
                kind: 'newRecord',
                rule: 'noMatch',
                entityName: 'Contact',
                defaultFieldValues: { Phone: '+14155552671' }
            },
            matches: []
        });
    });

    it('holds a new-record form while the call rings, and pops it at the answer', async () => {
        const host = new FakeHost([{}]);
        const ringing = await popper(host).pop(CALLER, 'ring');
        expect(host.pops).toEqual([]);
        expect(ringing).toMatchObject({
            ok: true,
            waitsForAnswer: true,
            decision: { kind: 'newRecord', entityName: 'Contact' }
        });
        const answered = await popper(host).pop(CALLER, 'answer');
        expect(host.pops).toEqual([
            {
                type: 'NEW_RECORD_MODAL',
                params: { entityName: 'Contact', defaultFieldValues: { Phone: '+14155552671' } }
            }
        ]);
        expect(answered.ok && answered.waitsForAnswer).toBeUndefined();
    });

    it('pops a new-record form on ring when the settings say OnRing', async () => {
        const host = new FakeHost([{}]);
        await popper(host, { newRecordPopTiming: 'OnRing' }).pop(CALLER, 'ring');
        expect(host.pops.map((pop) => pop.type)).toEqual(['NEW_RECORD_MODAL']);
    });

    it('pops a matched record on ring by default, and holds it when timed OnAnswer', async () => {
        const onRing = new FakeHost([contactResult]);
        await popper(onRing).pop(CALLER, 'ring');
        expect(onRing.pops).toEqual([{ type: 'SOBJECT', params: { recordId: CONTACT_ID } }]);
        const onAnswer = new FakeHost([contactResult]);
        const outcome = await popper(onAnswer, { matchPopTiming: 'OnAnswer' }).pop(CALLER, 'ring');
        expect(onAnswer.pops).toEqual([]);
        expect(outcome).toMatchObject({ ok: true, waitsForAnswer: true });
        expect(outcome.ok && outcome.related).toBeUndefined();
        expect(outcome.ok && outcome.matches.map((match) => match.recordId)).toEqual([CONTACT_ID]);
    });

    it('pops the search page with the text that matched several records', async () => {
        const twoContacts = {
            [CONTACT_ID]: { RecordType: 'Contact' },
            '003000000000002AAA': { RecordType: 'Contact' }
        };
        const host = new FakeHost([{}, twoContacts]);
        const outcome = await popper(host).pop(CALLER);
        expect(host.pops).toEqual([{ type: 'SEARCH', params: { searchString: '(415) 555-2671' } }]);
        expect(outcome.ok && outcome.related).toBeUndefined();
        expect(outcome.ok && outcome.matches).toHaveLength(2);
    });

    it('pops by priority and reports the popped record without a name when none came', async () => {
        const host = new FakeHost([
            {
                SCREEN_POP_DATA: { type: 'sobject', params: { recordId: CONTACT_ID } },
                [LEAD_ID]: { RecordType: 'Lead' },
                '001000000000001AAA': { RecordType: 'Account' }
            }
        ]);
        const outcome = await popper(host).pop(CALLER);
        expect(host.pops).toEqual([{ type: 'SOBJECT', params: { recordId: LEAD_ID } }]);
        expect(outcome.ok && outcome.related).toEqual({ recordId: LEAD_ID, objectType: 'Lead' });
        expect(outcome).not.toHaveProperty('callerName');
    });

    it('does not search for an anonymous caller and pops the anonymous action', async () => {
        const host = new FakeHost();
        const outcome = await popper(host).pop(normalisePhoneNumber('Restricted', 'US'));
        expect(host.searches).toEqual([]);
        expect(host.pops).toEqual([
            {
                type: 'NEW_RECORD_MODAL',
                params: { entityName: 'Case', defaultFieldValues: { Origin: 'Phone' } }
            }
        ]);
        expect(outcome.ok && outcome.decision.rule).toBe('anonymous');
    });

    it('searches the digits of a number it could not normalise', async () => {
        const host = new FakeHost([contactResult]);
        await popper(host).pop(normalisePhoneNumber('555-0100', 'US'));
        expect(host.searches.map((s) => s.searchParams)).toEqual(['5550100']);
    });

    it('does not search a number too short to search', async () => {
        const host = new FakeHost();
        const outcome = await popper(host).pop(normalisePhoneNumber('12', 'US'));
        expect(host.searches).toEqual([]);
        expect(outcome.ok && outcome.decision).toMatchObject({
            kind: 'newRecord',
            entityName: 'Contact',
            defaultFieldValues: { Phone: '12' }
        });
    });

    it('keeps going when one written form fails, and pops what another finds', async () => {
        const host = new FakeHost([new Error('Invalid search'), contactResult]);
        const outcome = await popper(host).pop(CALLER);
        expect(outcome.ok && outcome.related?.recordId).toBe(CONTACT_ID);
    });

    it('returns the host message, and pops nothing, when every search fails', async () => {
        const host = new FakeHost([
            new OpenCtiError({
                method: 'searchAndScreenPop',
                reason: 'timeout',
                message: 'Salesforce did not answer searchAndScreenPop within 15 seconds'
            })
        ]);
        const outcome = await popper(host).pop(CALLER);
        expect(outcome).toEqual({
            ok: false,
            step: 'search',
            message: 'Salesforce did not answer searchAndScreenPop within 15 seconds'
        });
        expect(host.pops).toEqual([]);
    });

    it('treats a result it cannot read as a failed search', async () => {
        const host = new FakeHost([['not', 'a', 'map']]);
        const outcome = await popper(host).pop(CALLER);
        expect(outcome).toEqual({
            ok: false,
            step: 'search',
            message:
                'The search result from Salesforce was not understood: it is not a map of records'
        });
    });

    it('returns the host message and the decision when the pop fails', async () => {
        const host = new FakeHost([contactResult]);
        host.popError = new Error('You do not have access to this record');
        const outcome = await popper(host).pop(CALLER);
        expect(outcome).toEqual({
            ok: false,
            step: 'screenPop',
            message: 'You do not have access to this record',
            decision: {
                kind: 'record',
                rule: 'singleMatch',
                recordId: CONTACT_ID,
                objectType: 'Contact'
            }
        });
    });

    it('passes on the text of a host failure that is not an Error', async () => {
        // Callback-style hosts sometimes reject with a bare string.
        const host = new FakeHost([]);
        host.searchAndScreenPop = (args) => {
            host.searches.push(args);
            return Promise.reject('INVALID_SESSION_ID' as unknown as Error);
        };
        const outcome = await popper(host).pop(CALLER);
        expect(outcome).toEqual({ ok: false, step: 'search', message: 'INVALID_SESSION_ID' });
        expect(host.searches.length).toBeGreaterThan(0);
        expect(host.pops).toEqual([]);
    });

    it('never throws, even when its own settings are broken at run time', async () => {
        const host = new FakeHost([contactResult]);
        // A caller past the types (plain JavaScript, a bad cast) still gets an outcome: pop()
        // runs un-awaited from the call flow, so a rejection would be lost.
        const broken = new ScreenPopper(host, {
            settings: SETTINGS,
            defaultCountry: undefined as unknown as string
        });
        const outcome = await broken.pop(CALLER);
        expect(outcome).toMatchObject({ ok: false, step: 'search' });
        expect(!outcome.ok && outcome.message).toMatch(/\S/);
        expect(host.pops).toEqual([]);
    });

    it('never throws, even when the host throws synchronously', async () => {
        const host: ScreenPopHost = {
            searchAndScreenPop: () => {
                throw new Error('sync boom');
            },
            screenPop: () => {
                throw new Error('sync pop boom');
            }
        };
        const outcome = await popper(host).pop(CALLER);
        expect(outcome).toEqual({ ok: false, step: 'search', message: 'sync boom' });
        const anonymous = await popper(host).pop(normalisePhoneNumber('', 'US'));
        expect(anonymous).toMatchObject({ ok: false, step: 'screenPop', message: 'sync pop boom' });
    });
});

describe('ScreenPopper with the real OpenCtiHost over a fake sforce.opencti', () => {
    it('works through the Open CTI host (structural fit) and maps the pop types', async () => {
        const fake = new FakeOpenCti().succeed('searchAndScreenPop', contactResult);
        const outcome = await popper(new OpenCtiHost(fake)).pop(CALLER);
        expect(outcome.ok && outcome.callerName).toBe('Ada Lovelace');
        expect(fake.callsOf('searchAndScreenPop')[0]?.args).toMatchObject({
            searchParams: '+14155552671',
            callType: 'inbound',
            deferred: true
        });
        expect(fake.callsOf('screenPop')[0]?.args).toMatchObject({
            type: 'sobject',
            params: { recordId: CONTACT_ID }
        });
    });

    it('reports the Salesforce error text when the pop fails', async () => {
        const fake = new FakeOpenCti()
            .succeed('searchAndScreenPop', {})
            .fail('screenPop', [{ code: 'GENERIC_ERROR', description: 'Entity is not creatable' }]);
        const outcome = await popper(new OpenCtiHost(fake)).pop(CALLER);
        expect(outcome).toMatchObject({
            ok: false,
            step: 'screenPop',
            message: 'Entity is not creatable'
        });
        expect(fake.callsOf('screenPop')[0]?.args).toMatchObject({ type: 'newRecord' });
    });
});
