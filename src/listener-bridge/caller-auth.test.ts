import { authenticateCaller } from './caller-auth';
import { listenerSignature } from './constant-time';

const secret = 'Phone-System-Secret-0123456789-abcdef';
const nowSeconds = 1_800_000_000;

describe('authenticateCaller', () => {
    it('refuses the Bearer secret when it came over plain HTTP from another computer', () => {
        const headers = { authorization: `Bearer ${secret}` };
        const options = { secret, requireSignature: false, nowSeconds };
        expect(authenticateCaller(headers, '', { ...options, bearerAllowed: true })).toEqual({
            ok: true,
            method: 'bearer'
        });
        expect(authenticateCaller(headers, '', { ...options, bearerAllowed: false })).toEqual({
            ok: false,
            error: 'the Bearer secret is accepted only over https or from this computer: sign the request (X-Listener-Timestamp and X-Listener-Signature) or use https'
        });
    });

    it('still takes a signed request from another computer over plain HTTP', () => {
        const payload = 'type=ringing&callid=c1&agent=a1';
        const signature = listenerSignature(secret, String(nowSeconds), payload);
        const headers = {
            'x-listener-timestamp': String(nowSeconds),
            'x-listener-signature': `sha256=${signature}`
        };
        expect(
            authenticateCaller(headers, payload, {
                secret,
                requireSignature: false,
                nowSeconds,
                bearerAllowed: false
            })
        ).toEqual({ ok: true, method: 'signature', signature });
    });
});
