import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySettingOverrides, callCenterSettingsFromXml } from './call-center-settings';

const sampleXml = `<?xml version="1.0" encoding="UTF-8" ?>
<CallCenter xmlns="http://soap.sforce.com/2006/04/metadata">
    <!-- a comment -->
    <adapterUrl>/apex/Softphone</adapterUrl>
    <customSettings>{&quot;reqSoftphoneHeight&quot;:&quot;560&quot;,&quot;reqTimeout&quot;:&quot;10000&quot;}</customSettings>
    <displayName>Open CTI Softphone</displayName>
    <displayNameLabel>Display Name</displayNameLabel>
    <internalNameLabel>Internal Name</internalNameLabel>
    <sections>
        <items><label>Softphone Height</label><name>reqSoftphoneHeight</name><value>600</value></items>
        <label>General Information</label>
        <name>reqGeneralInfo</name>
    </sections>
    <sections>
        <items><label>Connector</label><name>connectorType</name><value>simulator</value></items>
        <items><label>SIP Domain</label><name>sipDomain</name><value></value></items>
        <items><label>Expiry</label><name>sipRegisterExpires</name><value>0600</value></items>
        <label>Phone System</label>
        <name>connector</name>
    </sections>
</CallCenter>`;

describe('callCenterSettingsFromXml', () => {
    it('builds the flat map in the documented shape', () => {
        expect(callCenterSettingsFromXml(sampleXml, 'OpenCtiSoftphone')).toEqual({
            '/label': 'Open CTI Softphone',
            '/displayNameLabel': 'Display Name',
            '/internalNameLabel': 'Internal Name',
            '/reqGeneralInfo/label': 'General Information',
            '/reqGeneralInfo/sortOrder': '0.0',
            '/reqGeneralInfo/reqSoftphoneHeight': '600',
            '/reqGeneralInfo/reqSoftphoneHeight/label': 'Softphone Height',
            '/reqGeneralInfo/reqSoftphoneHeight/sortOrder': '0.0',
            '/connector/label': 'Phone System',
            '/connector/sortOrder': '1.0',
            '/connector/connectorType': 'simulator',
            '/connector/connectorType/label': 'Connector',
            '/connector/connectorType/sortOrder': '0.0',
            '/connector/sipDomain': '',
            '/connector/sipDomain/label': 'SIP Domain',
            '/connector/sipDomain/sortOrder': '1.0',
            '/connector/sipRegisterExpires': '0600',
            '/connector/sipRegisterExpires/label': 'Expiry',
            '/connector/sipRegisterExpires/sortOrder': '2.0',
            '/reqGeneralInfo/reqInternalName': 'OpenCtiSoftphone',
            '/reqGeneralInfo/reqDisplayName': 'Open CTI Softphone',
            '/reqGeneralInfo/reqAdapterUrl': '/apex/Softphone',
            '/reqGeneralInfo/reqTimeout': '10000'
        });
    });

    it('reads the call center the package ships', () => {
        const file = join(
            __dirname,
            '../../../force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml'
        );
        const settings = callCenterSettingsFromXml(readFileSync(file, 'utf8'), 'OpenCtiSoftphone');
        expect(settings['/reqGeneralInfo/reqAdapterUrl']).toBe('/apex/Softphone');
        expect(settings['/reqGeneralInfo/reqSalesforceCompatibilityMode']).toBe('Lightning');
        expect(settings['/connector/connectorType']).toBe('simulator');
    });

    it('refuses a file that is not a call center', () => {
        expect(() => callCenterSettingsFromXml('<CustomObject/>', 'X')).toThrow(/CallCenter/);
        expect(() =>
            callCenterSettingsFromXml(
                '<CallCenter><customSettings>{x</customSettings></CallCenter>',
                'X'
            )
        ).toThrow(/customSettings/);
    });
});

describe('applySettingOverrides', () => {
    it('sets and adds /section/item values from setting.section.item parameters', () => {
        const query = new URLSearchParams(
            'setting.connector.connectorType=sip&setting.connector.sipDomain=pbx.example.com' +
                '&setting.wrapUp.afterCallWorkSeconds=0&other=1'
        );
        const { settings, ignored } = applySettingOverrides(
            { '/connector/connectorType': 'simulator' },
            query
        );
        expect(settings).toEqual({
            '/connector/connectorType': 'sip',
            '/connector/sipDomain': 'pbx.example.com',
            '/wrapUp/afterCallWorkSeconds': '0'
        });
        expect(ignored).toEqual([]);
    });

    it('ignores malformed override names and reports them', () => {
        const query = new URLSearchParams(
            'setting.a=1&setting.a.b.c=2&setting.a%2Fb.c=3&setting..x=4'
        );
        const { settings, ignored } = applySettingOverrides({}, query);
        expect(settings).toEqual({});
        expect(ignored).toEqual(['setting.a', 'setting.a.b.c', 'setting.a/b.c', 'setting..x']);
    });
});
