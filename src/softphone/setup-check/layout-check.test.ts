import { checkLayout, layoutFindings, layoutWarning } from './layout-check';

const full = {
    Inbound: { objects: { Contact: ['Name'], Lead: ['Name'], Account: ['Name'] } },
    Outbound: {
        objects: {
            Contact: ['Name', 'DoNotCall'],
            Lead: ['Name', 'DoNotCall'],
            Account: ['Name', 'PersonDoNotCall']
        }
    }
};
const searchObjects = ['Contact', 'Lead', 'Account'];

describe('layoutFindings', () => {
    it('finds nothing missing in a layout that shows everything the rules need', () => {
        expect(layoutFindings(full, searchObjects, 'Block')).toEqual([]);
    });

    it('names each search object missing from Inbound and each Do Not Call missing from Outbound', () => {
        const findings = layoutFindings(
            {
                Inbound: { objects: { contact: ['Name'] } },
                Outbound: { objects: { Contact: ['Name'] } }
            },
            searchObjects,
            'Block'
        );
        expect(findings.map((f) => [f.section, f.object, f.field, f.advisory])).toEqual([
            ['Inbound', 'Lead', undefined, undefined],
            ['Inbound', 'Account', undefined, undefined],
            ['Outbound', 'Contact', 'DoNotCall', undefined],
            ['Outbound', 'Lead', 'DoNotCall', undefined],
            ['Outbound', 'Account', 'PersonDoNotCall', true]
        ]);
        expect(findings[0]?.message).toBe(
            'The Inbound section of the softphone layout does not show Lead, so incoming calls never find Leads (screenPop/searchObjects includes Lead).'
        );
        expect(findings[0]?.fix).toBe(
            "Setup → Softphone Layouts → edit the layout assigned to your agents' profiles → Inbound section: add Lead to the objects displayed, then save."
        );
        expect(findings[2]?.message).toBe(
            'The Outbound section of the softphone layout shows Contact without its Do Not Call field (DoNotCall), so the softphone cannot read Do Not Call for Contacts: calls to them are refused (dialing/doNotCallCheckFailure is Block).'
        );
        expect(findings[3]?.message).toContain('does not show Lead');
    });

    it('says what the Warn rule does, and reads a layout without sections as showing nothing', () => {
        const findings = layoutFindings({}, ['Case'], 'Warn');
        expect(findings[0]?.message).toContain('never find Cases');
        expect(findings[1]?.message).toContain(
            'calls to them go through with a warning to the agent (dialing/doNotCallCheckFailure is Warn)'
        );
    });
});

describe('layoutWarning', () => {
    it('is absent when only advisories remain, and names what to add per section otherwise', () => {
        const advisoryOnly = layoutFindings(
            { ...full, Outbound: { objects: { Contact: ['DoNotCall'], Lead: ['DoNotCall'] } } },
            searchObjects,
            'Block'
        );
        expect(advisoryOnly).toHaveLength(1);
        expect(layoutWarning(advisoryOnly)).toBeUndefined();
        expect(
            layoutWarning(layoutFindings({ Inbound: full.Inbound }, searchObjects, 'Block'))
        ).toBe(
            'For admins: the softphone layout is missing what the softphone needs (Outbound: add Contact Do Not Call, Lead Do Not Call). Fix it in Setup → Softphone Layouts; Check setup says why.'
        );
        expect(layoutWarning(layoutFindings({ Outbound: full.Outbound }, ['Lead'], 'Block'))).toBe(
            'For admins: the softphone layout is missing what the softphone needs (Inbound: add Lead). Fix it in Setup → Softphone Layouts; Check setup says why.'
        );
    });
});

describe('checkLayout', () => {
    it('passes a complete layout', () => {
        const result = checkLayout({ ok: true, value: full }, searchObjects, 'Block');
        expect(result).toMatchObject({ id: 'layout', status: 'pass' });
        expect(result.summary).toBe(
            'Inbound shows Contact, Lead, Account; Outbound shows Do Not Call for Contacts and Leads.'
        );
    });

    it('passes with the person-account advice when only that is missing', () => {
        const value = {
            ...full,
            Outbound: { objects: { Contact: ['DoNotCall'], Lead: ['DoNotCall'] } }
        };
        const result = checkLayout({ ok: true, value }, searchObjects, 'Block');
        expect(result.status).toBe('pass');
        expect(result.summary).toContain('If your org uses person accounts');
    });

    it('warns for a missing Inbound object and fails for a missing Do Not Call', () => {
        const inboundOnly = checkLayout(
            { ok: true, value: { ...full, Inbound: { objects: { Contact: [] } } } },
            searchObjects,
            'Block'
        );
        expect(inboundOnly.status).toBe('warn');
        expect(inboundOnly.summary).toBe(
            'Inbound does not show Lead, Account: incoming calls never find those records.'
        );
        expect(inboundOnly.fix).toBe(
            "Setup → Softphone Layouts → edit the layout assigned to your agents' profiles → Inbound section: add Lead, Account; save, then reload the softphone."
        );
        const noDoNotCall = checkLayout(
            { ok: true, value: { Inbound: full.Inbound } },
            searchObjects,
            'Warn'
        );
        expect(noDoNotCall.status).toBe('fail');
        expect(noDoNotCall.summary).toContain(
            'Outbound does not show Do Not Call for Contact, Lead: calls to them go through with a warning (dialing/doNotCallCheckFailure is Warn).'
        );
        expect(noDoNotCall.fix).toContain(
            'Outbound section: add Contact, Lead with the Do Not Call field'
        );
        const both = checkLayout({ ok: true, value: {} }, ['Lead'], 'Block');
        expect(both.summary).toContain('calls to them are refused');
        expect(both.fix).toContain(
            'Inbound section: add Lead; Outbound section: add Contact, Lead'
        );
    });

    it('warns when the layout cannot be read, naming the assignment page', () => {
        const result = checkLayout({ ok: false, message: 'No layout' }, searchObjects, 'Block');
        expect(result).toMatchObject({ status: 'warn' });
        expect(result.summary).toContain('(No layout)');
        expect(result.fix).toContain('Softphone Layout Assignment');
    });
});
