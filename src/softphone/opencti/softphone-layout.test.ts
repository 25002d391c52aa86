import { layoutFieldsOf, parseSoftphoneLayout } from './softphone-layout';

const documented = {
    Inbound: {
        callRelatedFields: ['ANI', 'DNIS'],
        objects: {
            Account: [{ displayName: 'Account Name', apiName: 'Name' }],
            Contact: [
                { displayName: 'Name', apiName: 'Name' },
                { displayName: 'Do Not Call', apiName: 'DoNotCall' }
            ]
        },
        screenPopSettings: { screenPopsOpenWithin: 'ExistingWindow' }
    },
    Outbound: { callRelatedFields: [], objects: {}, screenPopSettings: {} }
};

describe('parseSoftphoneLayout', () => {
    it('reads each call type as objects and their field API names', () => {
        expect(parseSoftphoneLayout(documented)).toEqual({
            ok: true,
            value: {
                Inbound: { objects: { Account: ['Name'], Contact: ['Name', 'DoNotCall'] } },
                Outbound: { objects: {} }
            }
        });
    });

    it('reads the layout sent as JSON text, as the Classic method does', () => {
        const parsed = parseSoftphoneLayout(JSON.stringify(documented));
        expect(parsed.ok && parsed.value.Inbound?.objects.Contact).toEqual(['Name', 'DoNotCall']);
    });

    it('reads a section without objects as showing none', () => {
        expect(parseSoftphoneLayout({ Internal: { objects: null }, Inbound: null })).toEqual({
            ok: true,
            value: { Internal: { objects: {} } }
        });
    });

    it('names what it cannot accept', () => {
        const bad = parseSoftphoneLayout({
            Inbound: { objects: { Contact: [{ apiName: 'Do Not<Call>' }] } }
        });
        expect(!bad.ok && bad.error.message).toBe(
            'The softphone layout from Salesforce was not understood: Inbound.objects.Contact.0.apiName: is not an API name'
        );
        const text = parseSoftphoneLayout('{');
        expect(!text.ok && text.error.issues).toEqual(['it is text that is not JSON']);
        const list = parseSoftphoneLayout([]);
        expect(!list.ok && list.error.issues).toEqual(['it is not an object']);
        const many = Object.fromEntries(
            Array.from({ length: 201 }, (_, index) => [`Object${index}`, []])
        );
        const tooMany = parseSoftphoneLayout({ Outbound: { objects: many } });
        expect(!tooMany.ok && tooMany.error.issues).toEqual([
            'Outbound.objects: has more than 200 objects'
        ]);
    });
});

describe('layoutFieldsOf', () => {
    it('finds an object whatever its case, and says when the section or object is absent', () => {
        const section = { objects: { Contact: ['Name'] } };
        expect(layoutFieldsOf(section, 'contact')).toEqual(['Name']);
        expect(layoutFieldsOf(section, 'Lead')).toBeUndefined();
        expect(layoutFieldsOf(undefined, 'Contact')).toBeUndefined();
    });
});
