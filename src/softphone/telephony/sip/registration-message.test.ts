import { registrationFailureMessage } from './registration-message';

describe('registrationFailureMessage', () => {
    it.each([401, 403, 407])('says wrong user or password for %i', (statusCode) => {
        expect(
            registrationFailureMessage({ cause: 'Rejected', statusCode, reasonPhrase: 'Forbidden' })
        ).toBe(`SIP registration refused: wrong user or password (${statusCode}).`);
    });

    it('says wrong user or password when JsSIP gave up authenticating', () => {
        expect(registrationFailureMessage({ cause: 'Authentication Error' })).toBe(
            'SIP registration refused: wrong user or password.'
        );
    });

    it('names other responses, as plain text', () => {
        expect(
            registrationFailureMessage({
                cause: 'Not Found',
                statusCode: 404,
                reasonPhrase: 'Not <i>Found</i>'
            })
        ).toBe('SIP registration failed: the server answered 404 Not Found.');
        expect(registrationFailureMessage({ cause: 'SIP Failure Code', statusCode: 503 })).toBe(
            'SIP registration failed: the server answered 503.'
        );
    });

    it('names the cause when no response came', () => {
        expect(registrationFailureMessage({ cause: 'Request Timeout' })).toBe(
            'SIP registration failed: Request Timeout.'
        );
        expect(registrationFailureMessage({ cause: '' })).toBe(
            'SIP registration failed: no answer from the server.'
        );
    });
});
