import type { CallEndReason } from '../connector';
import { callEndReasonFor, sipEndMessage } from './end-reason';
import type { SipEnd } from './sip-user-agent';

const failure = (statusCode: number, cause = 'SIP Failure Code'): SipEnd => ({
    originator: 'remote',
    cause,
    statusCode,
    reasonPhrase: 'Phrase'
});

describe('callEndReasonFor', () => {
    it.each<[number, CallEndReason]>([
        [486, 'busy'],
        [600, 'busy'],
        [480, 'no-answer'],
        [408, 'no-answer'],
        [404, 'unreachable'],
        [484, 'unreachable'],
        [604, 'unreachable'],
        [603, 'declined'],
        [487, 'cancelled'],
        [403, 'failed'],
        [488, 'failed'],
        [500, 'failed'],
        [503, 'failed'],
        [302, 'failed']
    ])('maps SIP %i to %s', (statusCode, reason) => {
        expect(callEndReasonFor(failure(statusCode))).toBe(reason);
    });

    it('lets the status code win over JsSIP’s grouping (403 and 603 are both "Rejected")', () => {
        expect(callEndReasonFor(failure(403, 'Rejected'))).toBe('failed');
        expect(callEndReasonFor(failure(603, 'Rejected'))).toBe('declined');
        expect(callEndReasonFor(failure(408, 'Unavailable'))).toBe('no-answer');
    });

    it.each<[SipEnd, CallEndReason]>([
        [{ originator: 'remote', cause: 'Terminated' }, 'remote-hangup'],
        [{ originator: 'local', cause: 'Terminated' }, 'local-hangup'],
        [{ originator: 'remote', cause: 'Canceled' }, 'cancelled'],
        [{ originator: 'local', cause: 'No Answer' }, 'no-answer'],
        [{ originator: 'system', cause: 'Request Timeout' }, 'no-answer'],
        [{ originator: 'system', cause: 'Connection Error' }, 'connection-lost'],
        [{ originator: 'remote', cause: 'RTP Timeout' }, 'connection-lost'],
        [{ originator: 'remote', cause: 'Busy' }, 'busy'],
        [{ originator: 'remote', cause: 'Rejected' }, 'declined'],
        [{ originator: 'remote', cause: 'Not Found' }, 'unreachable'],
        [{ originator: 'remote', cause: 'Address Incomplete' }, 'unreachable'],
        [{ originator: 'remote', cause: 'Unavailable' }, 'no-answer'],
        [{ originator: 'local', cause: 'WebRTC Error' }, 'failed'],
        [{ originator: 'local', cause: 'User Denied Media Access' }, 'failed'],
        [{ originator: 'remote', cause: 'Something New' }, 'failed']
    ])('maps a cause without status %j to %s', (end, reason) => {
        expect(callEndReasonFor(end)).toBe(reason);
    });

    it('treats a 1xx or 2xx status as no status', () => {
        expect(
            callEndReasonFor({ originator: 'remote', cause: 'Terminated', statusCode: 200 })
        ).toBe('remote-hangup');
    });
});

describe('sipEndMessage', () => {
    it('says nothing for an ordinary hang-up or cancel', () => {
        expect(sipEndMessage({ originator: 'remote', cause: 'Terminated' })).toBeUndefined();
        expect(sipEndMessage({ originator: 'remote', cause: 'Canceled' })).toBeUndefined();
    });

    it('names the SIP status with its reason phrase, as plain text', () => {
        expect(
            sipEndMessage({
                originator: 'remote',
                cause: 'Busy',
                statusCode: 486,
                reasonPhrase: 'Busy <b>Here</b>\u0007'
            })
        ).toBe('SIP 486 Busy Here');
        expect(sipEndMessage({ originator: 'remote', cause: 'x', statusCode: 503 })).toBe(
            'SIP 503'
        );
    });

    it('names JsSIP’s cause otherwise', () => {
        expect(sipEndMessage({ originator: 'system', cause: 'Connection Error' })).toBe(
            'Connection Error'
        );
    });
});
