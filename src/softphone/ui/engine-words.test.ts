import type { EngineReason } from '../calls/engine-reason';
import { installLabels } from '../i18n/label-catalog';
import { engineErrorText, engineReasonText } from './engine-words';

describe('engineReasonText', () => {
    afterEach(() => installLabels({}));

    it.each<[EngineReason, string]>([
        [{ key: 'busy-is-automatic' }, 'Busy is set automatically while you are on a call.'],
        [{ key: 'enter-number' }, 'Enter a number to dial.'],
        [{ key: 'transfer-not-supported' }, 'This phone system cannot transfer calls.'],
        [
            { key: 'state-change-during-call', state: 'Break' },
            "You can't go Break during a call. End the call first."
        ],
        [
            { key: 'available-needs-connection', status: 'disconnected' },
            "You can't go Available: the phone is not connected (Disconnected)."
        ],
        [
            { key: 'dial-needs-connection', status: 'connecting' },
            "You can't dial: the phone is not connected (Connecting…)."
        ],
        [
            { key: 'consult-needs-connection', status: 'reconnecting' },
            "You can't place a consult call: the phone is not connected (Reconnecting…)."
        ],
        [{ key: 'no-such-call', callId: 'c9' }, 'There is no live call with id c9.'],
        [
            { key: 'request-pending', operation: 'hold' },
            'Wait until the phone system confirms your last request on this call.'
        ],
        [
            { key: 'cannot-answer', call: { direction: 'Outbound', state: 'dialing' } },
            'Only a ringing inbound call can be answered (this call: Outbound call, Calling…)'
        ],
        [
            { key: 'cannot-decline', call: { direction: 'Inbound', state: 'connected' } },
            'Only a ringing inbound call can be declined; hang this one up instead (this call: Inbound call, Connected)'
        ],
        [
            { key: 'cannot-hold', call: { direction: 'Inbound', state: 'ringing' } },
            'Only a connected call can be held (this call: Inbound call, Ringing)'
        ],
        [
            { key: 'cannot-resume', call: { direction: 'Outbound', state: 'connected' } },
            'Only a held call can be resumed (this call: Outbound call, Connected)'
        ],
        [
            { key: 'cannot-send-tones', call: { direction: 'Outbound', state: 'held' } },
            'Tones can be sent only on a connected call (this call: Outbound call, On hold)'
        ],
        [
            { key: 'bad-tones', digits: '9E' },
            '"9E" cannot be sent as tones: use only 0-9, *, # and A-D.'
        ],
        [
            { key: 'in-conference', request: 'swap' },
            'Drop a party from the conference before you swap.'
        ],
        [{ key: 'connect-failed', error: 'server refused' }, 'Could not connect: server refused'],
        [{ key: 'disconnect-failed', error: 'nope' }, 'Could not disconnect: nope'],
        [
            { key: 'dial-failed', number: '5551234', error: '403 Forbidden' },
            'Could not dial 5551234: 403 Forbidden'
        ],
        [
            { key: 'call-id-reused', number: '5551234', callId: 'c1' },
            'Could not dial 5551234: the phone system reused call id c1.'
        ],
        [
            { key: 'call-failed', action: 'send-tones', error: 'no RTP' },
            'Could not send tones on the call: no RTP'
        ],
        [
            { key: 'auto-decline-failed', error: 'timeout' },
            'Could not decline an incoming call automatically: timeout'
        ],
        [
            { key: 'transfer-failed', target: '200', why: 'no-answer' },
            'Could not transfer the call to 200: nobody answered.'
        ],
        [
            { key: 'transfer-failed', target: '200', why: 'busy', detail: '486 Busy Here' },
            'Could not transfer the call to 200: the line is busy (486 Busy Here).'
        ]
    ])('words %j', (reason, text) => {
        expect(engineReasonText(reason)).toBe(text);
    });

    it('words every call action a failure can name', () => {
        const actions = [
            'answer',
            'decline',
            'hang-up',
            'hold',
            'resume',
            'mute',
            'unmute',
            'send-tones',
            'transfer',
            'consult',
            'complete-transfer',
            'cancel-consult',
            'merge',
            'swap',
            'drop'
        ] as const;
        const texts = actions.map((action) =>
            engineReasonText({ key: 'call-failed', action, error: 'E' })
        );
        expect(new Set(texts).size).toBe(actions.length);
        for (const text of texts) {
            expect(text).toMatch(/^Could not .+: E$/);
        }
    });

    it("reads in the agent's language once the labels are installed", () => {
        installLabels({
            Softphone_Engine_Dial_Failed: 'Impossible d’appeler le {0} : {1}',
            Softphone_Agent_Break: 'Pause',
            Softphone_Engine_State_During_Call: 'Impossible de passer en {0} pendant un appel.'
        });
        expect(engineReasonText({ key: 'dial-failed', number: '555', error: 'refus' })).toBe(
            'Impossible d’appeler le 555 : refus'
        );
        expect(
            engineErrorText({ reason: { key: 'state-change-during-call', state: 'Break' } })
        ).toBe('Impossible de passer en Pause pendant un appel.');
    });
});
