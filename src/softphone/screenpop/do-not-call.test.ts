import { checkDoNotCall } from './do-not-call';

describe('checkDoNotCall', () => {
    it('refuses a Contact flagged DoNotCall, naming them', () => {
        expect(
            checkDoNotCall(
                { objectType: 'Contact', recordName: 'Ada Lovelace' },
                { DoNotCall: true }
            )
        ).toEqual({
            allowed: false,
            field: 'DoNotCall',
            reason: 'Ada Lovelace has asked not to be called (Do Not Call)'
        });
    });

    it('refuses a Lead flagged DoNotCall, with the name from the fields', () => {
        expect(
            checkDoNotCall({ objectType: 'Lead' }, { DoNotCall: 'true', Name: 'Grace Hopper' })
        ).toMatchObject({
            allowed: false,
            reason: 'Grace Hopper has asked not to be called (Do Not Call)'
        });
    });

    it('falls back to a neutral name', () => {
        expect(checkDoNotCall({ objectType: 'Lead' }, { DoNotCall: true })).toMatchObject({
            reason: 'This lead has asked not to be called (Do Not Call)'
        });
        expect(
            checkDoNotCall({ objectType: 'Contact', recordName: ' ' }, { DoNotCall: true })
        ).toMatchObject({
            reason: 'This person has asked not to be called (Do Not Call)'
        });
    });

    it('refuses a person account flagged PersonDoNotCall', () => {
        expect(
            checkDoNotCall(
                { objectType: 'Account', personAccount: true, recordName: 'Alan Turing' },
                { PersonDoNotCall: true }
            )
        ).toEqual({
            allowed: false,
            field: 'PersonDoNotCall',
            reason: 'Alan Turing has asked not to be called (Do Not Call)'
        });
        expect(
            checkDoNotCall(
                { objectType: 'Account' },
                { IsPersonAccount: true, PersonDoNotCall: 'TRUE' }
            )
        ).toMatchObject({ allowed: false });
    });

    it('allows a record whose flag is off', () => {
        expect(checkDoNotCall({ objectType: 'Contact' }, { DoNotCall: false })).toEqual({
            allowed: true,
            checked: true
        });
        expect(checkDoNotCall({ objectType: 'contact' }, { DoNotCall: 'false' })).toEqual({
            allowed: true,
            checked: true
        });
        expect(checkDoNotCall({ objectType: 'Lead' }, { DoNotCall: null })).toEqual({
            allowed: true,
            checked: true
        });
    });

    it('allows, unchecked, when the flag was not fetched (not in the softphone layout)', () => {
        expect(checkDoNotCall({ objectType: 'Contact' }, { Name: 'Ada' })).toEqual({
            allowed: true,
            checked: false
        });
        expect(checkDoNotCall({ objectType: 'Account', personAccount: true }, {})).toEqual({
            allowed: true,
            checked: false
        });
    });

    it('allows, unchecked, objects without a Do Not Call flag', () => {
        expect(checkDoNotCall({ objectType: 'Account' }, { Name: 'Acme' })).toEqual({
            allowed: true,
            checked: false
        });
        expect(checkDoNotCall({ objectType: 'Case' }, { DoNotCall: true })).toEqual({
            allowed: true,
            checked: false
        });
        expect(checkDoNotCall({}, { DoNotCall: true })).toEqual({ allowed: true, checked: false });
    });
});
