import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCallCenterSettings } from './call-center-settings';
import { DEFAULT_CALL_DATA_POP_RULES, defaultSoftphoneSettings } from './softphone-settings';

const sipSettings = {
    '/connector/connectorType': 'sip',
    '/connector/sipWebSocketUrl': 'wss://pbx.example.com:8089/ws',
    '/connector/sipDomain': 'pbx.example.com'
};

function errorsOf(raw: unknown) {
    const result = parseCallCenterSettings(raw);
    if (result.ok) {
        throw new Error('expected the settings to be rejected');
    }
    return result.errors;
}

describe('parseCallCenterSettings', () => {
    it('gives the safe defaults when only the required Salesforce items are present', () => {
        const result = parseCallCenterSettings({
            '/reqGeneralInfo/reqAdapterUrl': '/apex/Softphone',
            '/reqGeneralInfo/reqUseApi': 'true'
        });
        expect(result).toEqual({ ok: true, settings: defaultSoftphoneSettings });
    });

    it('reads every custom section the call center declares', () => {
        const result = parseCallCenterSettings({
            ...sipSettings,
            '/connector/sipOutboundProxy': 'sip:proxy.example.com;transport=ws',
            '/connector/sipRegisterExpires': '300',
            '/connector/sipAssertedIdentityTrust': 'off',
            '/connector/sipPrivacy': 'Show',
            '/connector/sipIceServers': 'stun:stun.example.com:3478, turns:turn.example.com',
            '/dialing/defaultCountry': 'gb',
            '/dialing/internalNumberPattern': ' 2\\d{3}|\\*\\d{2} ',
            '/dialing/doNotCallCheckFailure': 'warn',
            '/screenPop/searchObjects': 'Lead, Contact',
            '/screenPop/noMatchAction': 'newlead',
            '/screenPop/multipleMatchAction': 'Search',
            '/screenPop/anonymousAction': 'Search',
            '/screenPop/newRecordPopTiming': 'onring',
            '/screenPop/matchPopTiming': 'OnAnswer',
            '/logging/mirrorToTask': 'TRUE',
            '/wrapUp/afterCallWorkSeconds': '0',
            '/wrapUp/dispositionRequired': 'true',
            '/wrapUp/dispositionValues': ' Sold , Call back later,Not interested ',
            '/diagnostics/showNumbersInLogs': 'true',
            '/agentStatus/initialState': 'offline',
            '/agentStatus/breakReasons': ' Lunch, Training ,Meeting '
        });
        expect(result).toEqual({
            ok: true,
            settings: {
                connectorType: 'sip',
                sip: {
                    webSocketUrl: 'wss://pbx.example.com:8089/ws',
                    domain: 'pbx.example.com',
                    outboundProxy: 'sip:proxy.example.com;transport=ws',
                    registerExpiresSeconds: 300,
                    iceServers: ['stun:stun.example.com:3478', 'turns:turn.example.com'],
                    assertedIdentityTrust: 'Off',
                    privacy: 'Show'
                },
                defaultCountry: 'GB',
                internalNumberPattern: '2\\d{3}|\\*\\d{2}',
                doNotCallCheckFailure: 'Warn',
                screenPop: {
                    searchObjects: ['Lead', 'Contact'],
                    noMatchAction: 'NewLead',
                    multipleMatchAction: 'Search',
                    anonymousAction: 'Search',
                    newRecordPopTiming: 'OnRing',
                    matchPopTiming: 'OnAnswer'
                },
                mirrorToTask: true,
                afterCallWorkSeconds: 0,
                dispositionRequired: true,
                dispositionValues: ['Sold', 'Call back later', 'Not interested'],
                showNumbersInLogs: true,
                callData: defaultSoftphoneSettings.callData,
                initialAgentState: 'Offline',
                breakReasons: ['Lunch', 'Training', 'Meeting']
            }
        });
    });

    it('starts agents in their last state, with a plain Break, by default', () => {
        const result = parseCallCenterSettings({});
        expect(result.ok && result.settings.initialAgentState).toBe('LastState');
        expect(result.ok && result.settings.breakReasons).toEqual([]);
    });

    it('refuses an initial state that is not Offline, Available or LastState', () => {
        const errors = errorsOf({ '/agentStatus/initialState': 'Busy' });
        expect(errors).toEqual([
            {
                key: '/agentStatus/initialState',
                message: 'must be one of Offline, Available, LastState (got "Busy")'
            }
        ]);
    });

    it.each([
        ['a reason twice, whatever its case', 'Lunch,Training,lunch', 'lists "lunch" twice'],
        ['a reason over 40 characters', `Lunch,${'x'.repeat(41)}`, 'longer than 40 characters'],
        ['control characters', 'Lunch,Tra\u0007ining', 'control characters'],
        [
            'more than 20 reasons',
            Array.from({ length: 21 }, (_, i) => `R${i}`).join(','),
            'at most 20'
        ]
    ])('refuses break reasons with %s, naming the setting', (_case, value, problem) => {
        const errors = errorsOf({ '/agentStatus/breakReasons': value });
        expect(errors).toHaveLength(1);
        expect(errors[0]?.key).toBe('/agentStatus/breakReasons');
        expect(errors[0]?.message).toContain(problem);
    });

    it("ships the Disposition picklist's values as the default choices", () => {
        const field = readFileSync(
            join(
                __dirname,
                '../../../force-app/main/default/objects/Phone_Call__c/fields/Disposition__c.field-meta.xml'
            ),
            'utf8'
        );
        const values = [...field.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map(
            (match) => match[1]
        );
        expect(values.length).toBeGreaterThan(0);
        expect(defaultSoftphoneSettings.dispositionValues).toEqual(values);
    });

    it('offers the shipped Disposition values when the setting is blank', () => {
        const result = parseCallCenterSettings({ '/wrapUp/dispositionValues': ' , ' });
        expect(result.ok && result.settings.dispositionValues).toEqual(
            defaultSoftphoneSettings.dispositionValues
        );
    });

    it.each([
        ['a value twice, whatever its case', 'Sold,Lost,sold', 'lists "sold" twice'],
        ['a value over 255 characters', `Sold,${'x'.repeat(256)}`, 'longer than 255 characters'],
        ['control characters', 'Sold,Lo\u0007st', 'control characters'],
        [
            'more than 100 values',
            Array.from({ length: 101 }, (_, i) => `V${i}`).join(','),
            'at most 100'
        ]
    ])('refuses Disposition values with %s, naming the setting', (_case, value, problem) => {
        const errors = errorsOf({ '/wrapUp/dispositionValues': value });
        expect(errors).toHaveLength(1);
        expect(errors[0]?.key).toBe('/wrapUp/dispositionValues');
        expect(errors[0]?.message).toContain(problem);
    });

    it('dials extensions of 3 to 5 digits as typed, and blocks a call the Do Not Call check could not clear, by default', () => {
        expect(defaultSoftphoneSettings).toMatchObject({
            internalNumberPattern: '^\\d{3,5}$',
            doNotCallCheckFailure: 'Block'
        });
    });

    it('has no internal numbers when the dial plan is blank', () => {
        const result = parseCallCenterSettings({ '/dialing/internalNumberPattern': '' });
        expect(result.ok && result.settings.internalNumberPattern).toBe('');
    });

    it.each([
        ['not a regular expression', '^(\\d{3}$', 'must be a regular expression such as'],
        ['a catastrophic pattern', '(\\d+)+', 'must not repeat a group that itself repeats'],
        ['a pattern matching nothing typed', '\\d*', 'must not match an empty number']
    ])('refuses a dial plan that is %s, naming the setting', (_case, value, problem) => {
        const errors = errorsOf({ '/dialing/internalNumberPattern': value });
        expect(errors).toEqual([
            { key: '/dialing/internalNumberPattern', message: expect.stringContaining(problem) }
        ]);
    });

    it('refuses a Do Not Call failure rule other than Block or Warn', () => {
        expect(errorsOf({ '/dialing/doNotCallCheckFailure': 'Ignore' })).toEqual([
            {
                key: '/dialing/doNotCallCheckFailure',
                message: 'must be one of Block, Warn (got "Ignore")'
            }
        ]);
    });

    it('refuses an unknown asserted-identity trust or privacy rule, naming the setting', () => {
        expect(
            errorsOf({
                ...sipSettings,
                '/connector/sipAssertedIdentityTrust': 'Everyone',
                '/connector/sipPrivacy': 'Ignore'
            })
        ).toEqual([
            {
                key: '/connector/sipAssertedIdentityTrust',
                message: 'must be one of Off, Proxy, Any (got "Everyone")'
            },
            {
                key: '/connector/sipPrivacy',
                message: 'must be one of Withhold, Show (got "Ignore")'
            }
        ]);
    });

    it('names every wrong setting at once, by its key', () => {
        const errors = errorsOf({
            '/connector/connectorType': 'sip',
            '/connector/sipWebSocketUrl': 'ws://pbx.example.com/ws',
            '/connector/sipDomain': 'pbx example',
            '/connector/sipIceServers': 'http://stun.example.com',
            '/dialing/defaultCountry': 'USA',
            '/screenPop/noMatchAction': 'PopSomething',
            '/wrapUp/afterCallWorkSeconds': '-5',
            '/logging/mirrorToTask': 'yes'
        });
        expect(errors.map((error) => error.key)).toEqual([
            '/connector/sipWebSocketUrl',
            '/connector/sipDomain',
            '/connector/sipIceServers',
            '/dialing/defaultCountry',
            '/screenPop/noMatchAction',
            '/logging/mirrorToTask',
            '/wrapUp/afterCallWorkSeconds'
        ]);
        expect(errors[0]?.message).toMatch(/wss:\/\/.*localhost/);
        expect(errors[4]?.message).toContain('NewContact, NewLead, NewCase, Search');
    });

    it('opens a new-record form on answer and a matched record on ring unless told otherwise', () => {
        const result = parseCallCenterSettings({});
        expect(result.ok && result.settings.screenPop).toMatchObject({
            newRecordPopTiming: 'OnAnswer',
            matchPopTiming: 'OnRing'
        });
        expect(errorsOf({ '/screenPop/newRecordPopTiming': 'Later' })).toEqual([
            {
                key: '/screenPop/newRecordPopTiming',
                message: expect.stringContaining('OnRing, OnAnswer') as unknown as string
            }
        ]);
    });

    it('allows unencrypted ws:// only for localhost', () => {
        expect(
            parseCallCenterSettings({
                ...sipSettings,
                '/connector/sipWebSocketUrl': 'ws://127.0.0.1:8080/ws'
            }).ok
        ).toBe(true);
        expect(errorsOf({ ...sipSettings, '/connector/sipWebSocketUrl': 'https://x' })[0]).toEqual({
            key: '/connector/sipWebSocketUrl',
            message: 'must start with wss:// (got https://)'
        });
    });

    it('reads the listener bridge URL when the connector is listener', () => {
        const result = parseCallCenterSettings({
            '/connector/connectorType': 'Listener',
            '/connector/listenerUrl': ' wss://cti.example.com/softphone ',
            '/connector/sipWebSocketUrl': 'not read for the listener'
        });
        expect(result).toEqual({
            ok: true,
            settings: {
                ...defaultSoftphoneSettings,
                connectorType: 'listener',
                listener: { webSocketUrl: 'wss://cti.example.com/softphone' }
            }
        });
        expect(
            parseCallCenterSettings({
                '/connector/connectorType': 'listener',
                '/connector/listenerUrl': 'ws://127.0.0.1:8788/softphone'
            }).ok
        ).toBe(true);
    });

    it.each([
        ['', 'must be a WebSocket URL such as wss://cti.example.com/softphone'],
        [
            'ws://cti.example.com/softphone',
            'must use wss:// (unencrypted ws:// is allowed only for localhost)'
        ],
        ['https://cti.example.com/softphone', 'must start with wss:// (got https://)'],
        [
            'wss://cti.example.com/softphone?token=secret',
            'must not hold a user, password, query or fragment: agents enter their token in the softphone'
        ],
        [
            'wss://agent:secret@cti.example.com/softphone',
            'must not hold a user, password, query or fragment: agents enter their token in the softphone'
        ]
    ])('names listenerUrl %p as wrong', (value, message) => {
        expect(
            errorsOf({ '/connector/connectorType': 'listener', '/connector/listenerUrl': value })
        ).toEqual([{ key: '/connector/listenerUrl', message }]);
    });

    it('ignores SIP items while the simulator is the connector', () => {
        const result = parseCallCenterSettings({ '/connector/sipWebSocketUrl': 'not a url' });
        expect(result.ok).toBe(true);
    });

    it.each([null, 'text', 42, ['a']])('rejects %p as a whole', (raw) => {
        expect(errorsOf(raw)).toEqual([
            { key: '/', message: 'the call center settings are not a key/value map' }
        ]);
    });

    it('rejects non-text values and shortens long ones in messages', () => {
        const errors = errorsOf({
            '/wrapUp/afterCallWorkSeconds': 60,
            '/screenPop/searchObjects': 'Contact,<script>alert(1)</script>',
            '/connector/connectorType': 'x'.repeat(500)
        });
        expect(errors).toContainEqual({
            key: '/wrapUp/afterCallWorkSeconds',
            message: 'must be text, got number'
        });
        expect(errors.find((error) => error.key === '/screenPop/searchObjects')?.message).toContain(
            'is not an object API name'
        );
        const connectorError = errors.find((error) => error.key === '/connector/connectorType');
        expect(connectorError?.message.length).toBeLessThan(140);
    });

    it('requires at least one object to search', () => {
        expect(errorsOf({ '/screenPop/searchObjects': ' , ' })).toEqual([
            {
                key: '/screenPop/searchObjects',
                message: 'must name at least one object, e.g. Contact'
            }
        ]);
    });
});

describe('callData settings', () => {
    it('reads headers, secret and visible keys, rules and log fields', () => {
        const result = parseCallCenterSettings({
            '/callData/sipHeaders': 'X-Queue=Queue, X-Account-Number=AccountNumber, User-to-User',
            '/callData/deniedKeys': 'CardNumber',
            '/callData/visibleKeys': 'Queue, AccountNumber=Account',
            '/callData/popRules': 'AccountNumber? search; Queue=Billing flow Billing_Call_Screen',
            '/callData/logFields': 'Queue=queue__c, Branch=Recording_URL__c'
        });
        expect(result.ok).toBe(true);
        const callData = result.ok ? result.settings.callData : undefined;
        expect(callData?.sipHeaders).toEqual([
            { header: 'X-Queue', key: 'Queue' },
            { header: 'X-Account-Number', key: 'AccountNumber' },
            { header: 'User-to-User', key: 'User_to_User' }
        ]);
        expect(callData?.secretKeys).toEqual(['CardNumber']);
        expect(callData?.visibleKeys).toEqual([
            { key: 'Queue', label: 'Queue' },
            { key: 'AccountNumber', label: 'Account' }
        ]);
        expect(callData?.popRules.map((rule) => rule.action.kind)).toEqual(['search', 'flow']);
        expect(callData?.logFields).toEqual([
            { key: 'Queue', field: 'Queue__c' },
            { key: 'Branch', field: 'Recording_URL__c' }
        ]);
    });

    it('ships the default pop rules in the call center', () => {
        const xml = readFileSync(
            join(
                __dirname,
                '../../../force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml'
            ),
            'utf8'
        );
        const shipped = /<name>popRules<\/name>\s*<value>([^<]*)<\/value>/.exec(xml)?.[1];
        expect(shipped).toBe(DEFAULT_CALL_DATA_POP_RULES);
        expect(defaultSoftphoneSettings.callData.popRules.map((rule) => rule.text)).toEqual([
            'RecordId? record',
            'AccountNumber? search'
        ]);
    });

    it('ships the default log fields in the call center', () => {
        const xml = readFileSync(
            join(
                __dirname,
                '../../../force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml'
            ),
            'utf8'
        );
        const shipped = /<name>logFields<\/name>\s*<value>([^<]*)<\/value>/.exec(xml)?.[1];
        const parsed = parseCallCenterSettings({ '/callData/logFields': shipped });
        expect(parsed.ok && parsed.settings.callData.logFields).toEqual(
            defaultSoftphoneSettings.callData.logFields
        );
    });

    it.each([
        ['/callData/sipHeaders', 'X Queue=Queue', '"X Queue" is not a SIP header name'],
        ['/callData/sipHeaders', 'X-Queue=Queue-Name', '"Queue-Name" is not a call-data key'],
        ['/callData/sipHeaders', 'X-Queue=Queue, x-queue=Other', 'lists "x-queue" twice'],
        ['/callData/deniedKeys', 'Card Number', '"Card Number" is not a call-data key'],
        ['/callData/visibleKeys', 'Queue=', 'the label must be 1-40 characters'],
        ['/callData/visibleKeys', 'Pin=PIN', 'shows Pin, a secret key'],
        ['/callData/logFields', 'Queue=Outcome__c', 'Outcome__c is written by the softphone'],
        ['/callData/logFields', 'Queue=Nope__c', 'Nope__c is not a Phone_Call__c field'],
        ['/callData/popRules', 'Queue=Billing pop', 'rule "Queue=Billing pop": must be']
    ])('names %s when it is "%s"', (key, value, message) => {
        const result = parseCallCenterSettings({ [key]: value });
        expect(result.ok).toBe(false);
        const errors = result.ok ? [] : result.errors;
        expect(errors).toEqual([{ key, message: expect.stringContaining(message) }]);
    });

    it('names a visible key the deny-list makes secret', () => {
        const result = parseCallCenterSettings({
            '/callData/deniedKeys': 'CardNumber',
            '/callData/visibleKeys': 'cardnumber=Card'
        });
        expect(result.ok ? [] : result.errors.map((error) => error.key)).toEqual([
            '/callData/visibleKeys'
        ]);
    });
});
