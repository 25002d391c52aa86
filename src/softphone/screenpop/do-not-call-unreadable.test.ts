import { unreadableDoNotCallField, unreadableDoNotCallProblem } from './do-not-call-unreadable';

describe('unreadableDoNotCallField', () => {
    it('names the flag of a Contact or Lead that came back without it', () => {
        expect(unreadableDoNotCallField({ objectType: 'Contact' }, { Name: 'Maria' })).toBe(
            'DoNotCall'
        );
        expect(unreadableDoNotCallField({ objectType: 'lead' }, {})).toBe('DoNotCall');
        expect(
            unreadableDoNotCallField({ objectType: 'Contact' }, { DoNotCall: false })
        ).toBeUndefined();
    });

    it('names PersonDoNotCall only for a person account', () => {
        expect(unreadableDoNotCallField({ objectType: 'Account', personAccount: true }, {})).toBe(
            'PersonDoNotCall'
        );
        expect(
            unreadableDoNotCallField({ objectType: 'Account' }, { IsPersonAccount: 'true' })
        ).toBe('PersonDoNotCall');
        expect(
            unreadableDoNotCallField(
                { objectType: 'Account' },
                { IsPersonAccount: true, PersonDoNotCall: false }
            )
        ).toBeUndefined();
        expect(
            unreadableDoNotCallField({ objectType: 'Account' }, { IsPersonAccount: false })
        ).toBeUndefined();
        expect(unreadableDoNotCallField({ objectType: 'Case' }, {})).toBeUndefined();
        expect(unreadableDoNotCallField({}, {})).toBeUndefined();
    });

    it('words the problem with the Setup page', () => {
        expect(unreadableDoNotCallProblem('Contact', 'DoNotCall')).toBe(
            "the softphone layout's Outbound section does not show Contact DoNotCall; an admin adds it in Setup → Softphone Layouts"
        );
    });
});
