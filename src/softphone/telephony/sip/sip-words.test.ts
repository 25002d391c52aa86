import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installLabels } from '../../i18n/label-catalog';
import { dialTarget } from './dial-plan';
import { registrationFailureMessage } from './registration-message';
import { microphoneError } from './sip-errors';
import { transferredMessage } from './sip-transfer';

// The SIP connector's refusals reach the agent in their language: the shipped French labels.
const french = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'labels', 'fr.json'), 'utf8')
) as Record<string, string>;

describe('the SIP connector words the agent reads', () => {
    beforeEach(() => installLabels(french));
    afterEach(() => installLabels({}));

    it('says a refused registration in the agent language, the SIP status line as sent', () => {
        expect(registrationFailureMessage({ cause: 'Rejected', statusCode: 401 })).toBe(
            'Enregistrement SIP refusé : utilisateur ou mot de passe incorrect (401).'
        );
        expect(
            registrationFailureMessage({
                cause: 'SIP Failure Code',
                statusCode: 503,
                reasonPhrase: 'Service Unavailable'
            })
        ).toBe("Échec de l'enregistrement SIP : le serveur a répondu 503 Service Unavailable.");
        expect(registrationFailureMessage({ cause: '' })).toBe(
            "Échec de l'enregistrement SIP : pas de réponse du serveur."
        );
    });

    it('names the refused action in the agent language when the microphone is denied', () => {
        const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
        expect(microphoneError('dial', denied).message).toBe(
            "Impossible de composer : le navigateur n'a pas l'autorisation d'utiliser le micro."
        );
    });

    it('refuses a number it cannot dial, and tells the transfer, in the agent language', () => {
        expect(dialTarget('abc', 'pbx.example.com')).toEqual({
            ok: false,
            message:
                'Impossible de composer « abc » : utilisez des chiffres, *, # et un + initial facultatif (32 au plus).'
        });
        expect(transferredMessage('2001')).toBe('Transféré vers 2001.');
    });
});
