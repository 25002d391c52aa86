import { sipCallData } from './sip-call-data';
import type { RawCallerIdentity } from './sip-user-agent';
import { connectedHarness } from './test-support/sip-harness';

function invite(
    requestUser: string | undefined,
    headers: Record<string, string>
): RawCallerIdentity {
    return {
        ...(requestUser === undefined ? {} : { requestUser }),
        readHeader: (name) => headers[name]
    };
}

const HEADERS = [
    { header: 'X-Queue', key: 'Queue' },
    { header: 'X-Account-Number', key: 'AccountNumber' },
    { header: 'User-to-User', key: 'UUI' }
];

describe('sipCallData', () => {
    it('reads DNIS, the redirecting number and the named headers', () => {
        const data = sipCallData(
            invite('+18005550142', {
                Diversion: '<sip:+14155550000@pbx.example.com>;reason=unconditional',
                'X-Queue': 'Billing',
                'X-Account-Number': '10442',
                'User-to-User': '31323334;encoding=hex',
                'X-Other': 'not named'
            }),
            HEADERS
        );
        expect(data).toEqual({
            DNIS: '+18005550142',
            RedirectingNumber: '+14155550000',
            Queue: 'Billing',
            AccountNumber: '10442',
            UUI: '31323334;encoding=hex'
        });
    });

    it.each([
        [
            'a retargeted call',
            '<sip:+14155550001@a>;index=1, <sip:1001@b>;index=1.1',
            '+14155550001'
        ],
        ['a call as dialled', '<sip:1001@b>;index=1', undefined]
    ])('reads History-Info of %s', (_name, history, expected) => {
        const data = sipCallData(invite(undefined, { 'History-Info': history }), []);
        expect(data['RedirectingNumber']).toBe(expected);
    });

    it('leaves out names that are not numbers and header values that are not plain text', () => {
        const data = sipCallData(
            invite('queue-sales', {
                Diversion: '<sip:alice@pbx>',
                'X-Queue': 'a\r\nInjected: 1',
                'X-Account-Number': 'x'.repeat(300)
            }),
            HEADERS
        );
        // A SIP user that is not a number (e.g. the softphone's own contact) is no DNIS.
        expect(data).toEqual({});
    });

    it('leaves out a number too long for a caller id', () => {
        expect(sipCallData(invite('1'.repeat(300), {}), [])).toEqual({});
    });

    it('reads nothing from an INVITE without headers', () => {
        expect(sipCallData({}, HEADERS)).toEqual({});
    });
});

describe('SipConnector call data', () => {
    it('sends the INVITE headers the admin names with the incoming call', async () => {
        const harness = await connectedHarness({ callDataHeaders: HEADERS });
        harness.ua().simulateIncoming({
            fromUser: '+14155550199',
            toUser: '1001',
            requestUser: '+18005550142',
            headers: { 'X-Queue': 'Billing' }
        });
        expect(harness.events).toEqual([
            {
                type: 'incoming',
                callId: 'call-1',
                from: '+14155550199',
                to: '1001',
                data: { DNIS: '+18005550142', Queue: 'Billing' }
            }
        ]);
    });
});
