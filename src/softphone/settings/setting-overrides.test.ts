import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callCenterSettingsFromXml } from '../../local-console/server/call-center-settings';
import { parseDialPlan } from '../screenpop';
import { parseCallCenterSettings } from './call-center-settings';
import {
    MAX_OVERRIDE_LENGTH,
    mergeSettingOverrides,
    nameOverrideSource,
    overridePlace
} from './setting-overrides';

const callCenterXml = readFileSync(
    join(
        __dirname,
        '../../../force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml'
    ),
    'utf8'
);

/** The packaged call center as getCallCenterSettings returns it, with its <value>s replaced. */
function packagedCallCenter(values: Readonly<Record<string, string>> = {}) {
    let xml = callCenterXml;
    for (const [item, value] of Object.entries(values)) {
        const pattern = new RegExp(`(<name>${item}</name>\\s*<value>)[^<]*(</value>)`);
        expect(xml).toMatch(pattern);
        xml = xml.replace(pattern, `$1${value}$2`);
    }
    return callCenterSettingsFromXml(xml, 'OpenCtiSoftphone');
}

describe('mergeSettingOverrides', () => {
    it('lays non-blank overrides over the call center and names them', () => {
        const merged = mergeSettingOverrides(
            { '/dialing/defaultCountry': 'US', '/logging/mirrorToTask': 'false' },
            [
                { key: '/dialing/defaultCountry', value: '  GB ' },
                { key: '/logging/mirrorToTask', value: '   ' },
                { key: '/connector/sipDomain', value: 'pbx.example.com' }
            ]
        );
        expect(merged.settings).toEqual({
            '/dialing/defaultCountry': 'GB',
            '/logging/mirrorToTask': 'false',
            '/connector/sipDomain': 'pbx.example.com'
        });
        expect([...merged.overridden]).toEqual(['/dialing/defaultCountry', '/connector/sipDomain']);
        expect(merged.errors).toEqual([]);
    });

    it('treats a missing text as blank', () => {
        const merged = mergeSettingOverrides({ '/a/b': 'x' }, [{ key: '/a/b', value: null }]);
        expect(merged.settings).toEqual({ '/a/b': 'x' });
    });

    it('refuses keys that are not a custom section item, and Salesforce’s own items', () => {
        const merged = mergeSettingOverrides(
            { '/reqGeneralInfo/reqAdapterUrl': '/apex/Softphone' },
            [
                { key: '/reqGeneralInfo/reqAdapterUrl', value: 'https://evil.example.com' },
                { key: null, value: 'x' },
                { key: 'dialing/defaultCountry', value: 'GB' },
                { key: '/__proto__/polluted', value: 'x' }
            ]
        );
        expect(merged.settings).toEqual({ '/reqGeneralInfo/reqAdapterUrl': '/apex/Softphone' });
        expect(merged.errors.map((error) => error.message)).toEqual([
            expect.stringContaining('"/reqGeneralInfo/reqAdapterUrl", which is not'),
            expect.stringContaining('"null", which is not'),
            expect.stringContaining('"dialing/defaultCountry", which is not'),
            expect.stringContaining('"/__proto__/polluted", which is not')
        ]);
        expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('refuses a value longer than a custom-setting text field holds', () => {
        const merged = mergeSettingOverrides({}, [
            { key: '/wrapUp/dispositionValues', value: 'x'.repeat(MAX_OVERRIDE_LENGTH + 1) }
        ]);
        expect(merged.settings).toEqual({});
        expect(merged.errors).toEqual([
            {
                key: '/wrapUp/dispositionValues',
                message: `is longer than ${MAX_OVERRIDE_LENGTH} characters in ${overridePlace()}`
            }
        ]);
    });
});

describe('nameOverrideSource', () => {
    it('says where to fix each wrong value', () => {
        expect(
            nameOverrideSource(
                [
                    { key: '/dialing/defaultCountry', message: 'must be a two-letter code' },
                    { key: '/wrapUp/afterCallWorkSeconds', message: 'must be a number' },
                    { key: '/connector/sipWebSocketUrl', message: 'must be a WebSocket URL' },
                    { key: '/', message: 'not a map' }
                ],
                { overridden: new Set(['/dialing/defaultCountry']) },
                { '/dialing/defaultCountry': 'US', '/wrapUp/afterCallWorkSeconds': '60' }
            )
        ).toEqual([
            {
                key: '/dialing/defaultCountry',
                message: `must be a two-letter code (set in ${overridePlace()})`
            },
            { key: '/wrapUp/afterCallWorkSeconds', message: 'must be a number' },
            {
                key: '/connector/sipWebSocketUrl',
                message: `must be a WebSocket URL (set it in ${overridePlace()})`
            },
            { key: '/', message: 'not a map' }
        ]);
    });
});

describe('settings across a package upgrade', () => {
    const adminOverrides = [
        { key: '/connector/connectorType', value: 'sip' },
        { key: '/connector/sipWebSocketUrl', value: 'wss://pbx.example.com:8089/ws' },
        { key: '/connector/sipDomain', value: 'pbx.example.com' },
        { key: '/dialing/defaultCountry', value: 'FR' },
        { key: '/wrapUp/afterCallWorkSeconds', value: '15' }
    ];

    function settingsOf(callCenter: Record<string, string>) {
        const merged = mergeSettingOverrides(callCenter, adminOverrides);
        const parsed = parseCallCenterSettings(merged.settings);
        if (!parsed.ok) {
            throw new Error(JSON.stringify(parsed.errors));
        }
        return parsed.settings;
    }

    it('the shipped call center parses on its own, with no empty value', () => {
        expect(callCenterXml).not.toMatch(/<value>\s*<\/value>|<value\s*\/>/);
        expect(parseCallCenterSettings(packagedCallCenter()).ok).toBe(true);
    });

    it('keeps the admin’s values when a newer version ships different defaults', () => {
        const before = settingsOf(packagedCallCenter());
        // The upgrade replaces the packaged call center: new defaults, the admin's edits there gone.
        const after = settingsOf(
            packagedCallCenter({
                defaultCountry: 'GB',
                afterCallWorkSeconds: '90',
                connectorType: 'simulator',
                searchObjects: 'Lead,Contact'
            })
        );
        for (const settings of [before, after]) {
            expect(settings.connectorType).toBe('sip');
            expect(settings.sip?.domain).toBe('pbx.example.com');
            expect(settings.defaultCountry).toBe('FR');
            expect(settings.afterCallWorkSeconds).toBe(15);
        }
        // What the admin did not override follows the new version's defaults.
        expect(before.screenPop.searchObjects).toEqual(['Contact', 'Lead', 'Account']);
        expect(after.screenPop.searchObjects).toEqual(['Lead', 'Contact']);
    });
});

describe('a setting whose blank means something', () => {
    it('is turned off in the custom setting with (?!), a dial plan that matches no number', () => {
        const merged = mergeSettingOverrides(packagedCallCenter(), [
            { key: '/dialing/internalNumberPattern', value: '(?!)' }
        ]);
        const parsed = parseCallCenterSettings(merged.settings);
        expect(parsed.ok).toBe(true);
        const plan = parseDialPlan(merged.settings['/dialing/internalNumberPattern'] ?? '');
        expect(plan.ok && plan.plan.isInternal('1002')).toBe(false);
        const shipped = parseDialPlan(packagedCallCenter()['/dialing/internalNumberPattern'] ?? '');
        expect(shipped.ok && shipped.plan.isInternal('1002')).toBe(true);
    });
});
