import { toCallData } from '../telephony/call-data';
import { CallEngine } from './call-engine';
import type { Call } from './call-model';
import { FakeConnector } from './test-support/fake-connector';
import { ManualClock } from './test-support/manual-clock';

function ringWith(pairs: Record<string, string>, secretCallDataKeys?: readonly string[]): Call {
    const connector = new FakeConnector();
    const engine = new CallEngine({
        connector,
        clock: new ManualClock(),
        ...(secretCallDataKeys === undefined ? {} : { secretCallDataKeys })
    });
    const started: Call[] = [];
    engine.on('callStarted', (call) => started.push(call));
    engine.start();
    connector.emit({ type: 'connection', status: 'connected' });
    engine.setAgentState('Available');
    connector.emit({
        type: 'incoming',
        callId: 'in1',
        from: '+14155550199',
        to: '',
        data: toCallData(Object.entries(pairs)).data
    });
    const [call] = started;
    if (call === undefined) {
        throw new Error('the call did not start');
    }
    return call;
}

describe('CallEngine call data', () => {
    it('keeps the call data on the call', () => {
        expect(ringWith({ Queue: 'Billing', AccountNumber: '10442' }).data).toEqual({
            Queue: 'Billing',
            AccountNumber: '10442'
        });
    });

    it("drops the admin's secret keys and credential names as the call arrives", () => {
        const call = ringWith(
            { Queue: 'Billing', CardNumber: '4111111111111111', VoicePin: '1234', apiToken: 't' },
            ['CardNumber']
        );
        expect(call.data).toEqual({ Queue: 'Billing' });
        expect(JSON.stringify(call)).not.toContain('4111');
    });

    it('has no call data when every pair was secret', () => {
        expect('data' in ringWith({ password: 'x' })).toBe(false);
    });
});
