import { defaultSoftphoneSettings } from '../settings/softphone-settings';
import { toCallData } from '../telephony/call-data';
import { isWebUrl, toPhoneCallRecord, type FieldValue } from './phone-call-record';
import { endedCall } from './test-support/outbox-fixtures';

const FIELDS = defaultSoftphoneSettings.callData.logFields;

function recordWith(pairs: Record<string, string>, options = {}) {
    const { data } = toCallData(Object.entries(pairs));
    return toPhoneCallRecord(endedCall('c-1', { data }), {
        callDataFields: FIELDS,
        ...options
    }) as unknown as Readonly<Record<string, FieldValue>>;
}

describe('call data on the Phone_Call__c create', () => {
    it('fills the mapped fields and keeps the rest as JSON in Call_Data__c', () => {
        const record = recordWith({
            Queue: 'Billing',
            RecordingUrl: 'https://recordings.example.com/c-1.wav',
            DNIS: '+18005550142',
            RedirectingNumber: '+14155550000',
            AccountNumber: '10442',
            IvrPath: 'Billing > Balance'
        });
        expect(record).toMatchObject({
            Queue__c: 'Billing',
            Recording_URL__c: 'https://recordings.example.com/c-1.wav',
            Dialled_Number__c: '+18005550142',
            Redirecting_Number__c: '+14155550000'
        });
        expect(JSON.parse(String(record['Call_Data__c']))).toEqual({
            AccountNumber: '10442',
            IvrPath: 'Billing > Balance'
        });
    });

    it.each(['javascript:alert(1)', 'ftp://host/x.wav', 'recordings/x.wav'])(
        'keeps a recording link that is not http(s) out of Recording_URL__c: %s',
        (link) => {
            const record = recordWith({ RecordingUrl: link });
            expect(record['Recording_URL__c']).toBeUndefined();
            expect(JSON.parse(String(record['Call_Data__c']))).toEqual({ RecordingUrl: link });
        }
    );

    it('keeps a queue the phone system named in the options', () => {
        const record = recordWith({ Queue: 'Billing' }, { queue: 'Sales' });
        expect(record['Queue__c']).toBe('Sales');
        expect(JSON.parse(String(record['Call_Data__c']))).toEqual({ Queue: 'Billing' });
    });

    it('clips a dialled number to the Phone field length', () => {
        const record = recordWith({ DNIS: '1'.repeat(60) });
        expect(record['Dialled_Number__c']).toHaveLength(40);
    });

    it('writes nothing of call data when the call has none', () => {
        const record = toPhoneCallRecord(endedCall('c-1'), { callDataFields: FIELDS });
        expect(
            Object.keys(record).filter((key) => key === 'Call_Data__c' || key === 'Queue__c')
        ).toEqual([]);
    });

    it('writes no Call_Data__c when every pair went to a field', () => {
        expect(recordWith({ Queue: 'Billing' })['Call_Data__c']).toBeUndefined();
    });

    it.each([
        ['https://x.example.com/a', true],
        ['http://x.example.com/a', true],
        ['mailto:a@example.com', false],
        ['not a url', false]
    ])('isWebUrl(%s) is %s', (value, expected) => {
        expect(isWebUrl(value)).toBe(expected);
    });
});
