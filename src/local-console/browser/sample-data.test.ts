import { phoneKey } from './phone-match';
import { idOf, loadedStore } from './test-support/console-fixtures';
import { parsePlan, parseRecordFile } from './sample-data';

describe('the sample data in data/', () => {
    it('loads 5 Accounts, 10 Contacts and 5 Leads, Contacts linked to their Accounts', async () => {
        const store = await loadedStore();
        expect(store.list('Account')).toHaveLength(5);
        expect(store.list('Contact')).toHaveLength(10);
        expect(store.list('Lead')).toHaveLength(5);
        const maria = store.get(idOf(store, 'Contact', 'Maria Lopez'));
        expect(maria?.values['AccountId']).toBe(idOf(store, 'Account', 'Acme Robotics'));
    });

    it('gives every record the same id on every load', async () => {
        const store = await loadedStore();
        expect(idOf(store, 'Account', 'Acme Robotics')).toBe('001000000000001AAA');
        expect(idOf(store, 'Contact', 'Maria Lopez')).toBe('003000000000001AAA');
        expect(idOf(store, 'Lead', 'Olivia Grant')).toBe('00Q000000000001EAA');
    });

    it('holds the deliberate cases data/README.md describes', async () => {
        const store = await loadedStore();
        const byPhone = (number: string, types: string[]) =>
            store.searchPhone(number, types).map((record) => store.nameOf(record));
        expect(byPhone('+14155550101', ['Contact', 'Lead', 'Account'])).toEqual(['Maria Lopez']);
        expect(byPhone('+15105550121', ['Contact'])).toEqual(['Sarah Miller', 'Kevin Miller']);
        expect(byPhone('+14155550105', ['Contact', 'Lead', 'Account'])).toEqual([
            'Daniel Kim',
            'Olivia Grant'
        ]);
        expect(byPhone('+12125550199', ['Contact', 'Lead', 'Account'])).toEqual([]);
        const doNotCall = store
            .all()
            .filter((record) => record.values['DoNotCall'] === true)
            .map((record) => `${record.type} ${store.nameOf(record)}`);
        expect(doNotCall).toEqual(['Contact Robert Hayes', 'Lead Marcus Reed']);
    });

    it('uses only the fictional 555-01xx range', async () => {
        const store = await loadedStore();
        const numbers = store
            .all()
            .flatMap((record) =>
                ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone'].map(
                    (field) => record.values[field]
                )
            )
            .filter((value): value is string => typeof value === 'string');
        expect(numbers.length).toBeGreaterThan(20);
        for (const number of numbers) {
            expect(phoneKey(number)).toMatch(/^\d{3}55501\d\d$/);
        }
    });
});

describe('sample data parsing', () => {
    const step = {
        sobject: 'Account',
        saveRefs: true,
        resolveRefs: false,
        files: ['Account.json']
    };

    it('refuses a plan that is not a list of steps', () => {
        expect(parsePlan({})).toEqual({ ok: false, error: 'the plan is not a list of steps' });
        expect(parsePlan([{ sobject: 'Account', files: ['../x.json'] }]).ok).toBe(false);
    });

    it('refuses records of another type or with nested values', () => {
        expect(
            parseRecordFile(
                { records: [{ attributes: { type: 'Lead', referenceId: 'L1' } }] },
                step,
                'Account.json'
            )
        ).toEqual({
            ok: false,
            error: 'Account.json record 1: attributes need type Account and a referenceId'
        });
        expect(
            parseRecordFile(
                {
                    records: [
                        {
                            attributes: { type: 'Account', referenceId: 'A1' },
                            Contacts: { records: [] }
                        }
                    ]
                },
                step,
                'Account.json'
            )
        ).toEqual({ ok: false, error: 'Account.json record 1: Contacts is not a plain value' });
    });
});
