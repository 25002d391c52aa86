import { parseCallCenterSettings } from './call-center-settings-response';

describe('parseCallCenterSettings', () => {
    it('accepts the flat /section/item map', () => {
        const raw = {
            '/displayNameLabel': 'Display Name',
            '/reqGeneralInfo/reqAdapterUrl': '/apex/Softphone',
            '/reqGeneralInfo/reqSoftphoneHeight': '550',
            '/reqGeneralInfo/sortOrder': '0',
            '/softphoneConnector/connectorType': 'simulator'
        };
        expect(parseCallCenterSettings(raw)).toEqual({ ok: true, value: raw });
    });

    it('reads numbers and booleans as their text', () => {
        expect(
            parseCallCenterSettings({ '/reqGeneralInfo/reqTimeout': 10000, '/a/b': true })
        ).toEqual({ ok: true, value: { '/reqGeneralInfo/reqTimeout': '10000', '/a/b': 'true' } });
    });

    it.each([null, undefined, 'x', ['/a']])('rejects %j', (raw) => {
        const result = parseCallCenterSettings(raw);
        expect(!result.ok && result.error.issues).toEqual(['it is not a map of settings']);
    });

    it('names every bad entry', () => {
        const result = parseCallCenterSettings({
            label: 'no leading slash',
            '/a/nested': { x: 1 },
            '/a/null': null,
            '/a/nan': Number.NaN,
            '/a/long': 'x'.repeat(10_001)
        });
        expect(!result.ok && result.error.issues).toEqual([
            'label: is not a /section/item key',
            '/a/nested: is not text',
            '/a/null: is not text',
            '/a/nan: is not text',
            '/a/long: is too long'
        ]);
        expect(!result.ok && result.error.message).toMatch(
            /^The call center settings from Salesforce was not understood: /
        );
    });
});
