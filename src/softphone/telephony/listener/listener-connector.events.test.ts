import { callMessage, connectedHarness } from './test-support/fake-web-socket';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ListenerConnector call events', () => {
    it('rings, answers and ends a call, keeping its extra pairs readable', async () => {
        const { connector, events, socket } = await connectedHarness(false);
        socket().receive(
            callMessage('ringing', 'pbx-1001', {
                ani: '+14155550101',
                dnis: '+14155550100',
                attributes: { name: ' Maria Lopez ', orderId: 'A-1001', queue: 'Billing' }
            })
        );
        expect(events).toEqual([
            {
                type: 'incoming',
                callId: 'pbx-1001',
                from: '+14155550101',
                to: '+14155550100',
                fromName: 'Maria Lopez',
                // The pairs are the call data (trimmed), with the dialled number as DNIS.
                data: {
                    DNIS: '+14155550100',
                    name: 'Maria Lopez',
                    orderId: 'A-1001',
                    queue: 'Billing'
                }
            }
        ]);
        expect(connector.callAttributes('pbx-1001')).toEqual({
            name: ' Maria Lopez ',
            orderId: 'A-1001',
            queue: 'Billing'
        });

        socket().receive(
            callMessage('answered', 'pbx-1001', { attributes: { queue: 'VIP', wait: '12' } })
        );
        socket().receive(callMessage('ended', 'pbx-1001'));
        expect(events.slice(1)).toEqual([
            { type: 'answered', callId: 'pbx-1001' },
            { type: 'ended', callId: 'pbx-1001', reason: 'remote-hangup' }
        ]);
        expect(connector.liveCallIds()).toEqual([]);
        expect(connector.callAttributes('pbx-1001')).toEqual({
            name: ' Maria Lopez ',
            orderId: 'A-1001',
            queue: 'VIP',
            wait: '12'
        });
    });

    it('hands out copies of the attributes', async () => {
        const { connector, socket } = await connectedHarness(false);
        socket().receive(callMessage('ringing', 'c-1', { attributes: { a: '1' } }));
        const copy = connector.callAttributes('c-1') as Record<string, string>;
        copy['a'] = 'changed';
        expect(connector.callAttributes('c-1')).toEqual({ a: '1' });
        expect(connector.callAttributes('never')).toBeUndefined();
    });

    it('ends an unanswered call as cancelled, or with the reason the phone system names', async () => {
        const { events, socket } = await connectedHarness(false);
        socket().receive(callMessage('ringing', 'c-1'));
        socket().receive(callMessage('ended', 'c-1'));
        socket().receive(callMessage('ringing', 'c-2'));
        socket().receive(callMessage('ended', 'c-2', { attributes: { reason: 'voicemail' } }));
        socket().receive(callMessage('ringing', 'c-3'));
        socket().receive(callMessage('ended', 'c-3', { attributes: { reason: 'nonsense' } }));
        expect(events.filter((event) => event.type === 'ended')).toEqual([
            { type: 'ended', callId: 'c-1', reason: 'cancelled' },
            { type: 'ended', callId: 'c-2', reason: 'voicemail' },
            { type: 'ended', callId: 'c-3', reason: 'cancelled' }
        ]);
    });

    it('ignores repeated and late events', async () => {
        const { events, socket } = await connectedHarness(false);
        socket().receive(callMessage('ringing', 'c-1'));
        socket().receive(callMessage('ringing', 'c-1'));
        socket().receive(callMessage('answered', 'c-1'));
        socket().receive(callMessage('answered', 'c-1'));
        socket().receive(callMessage('ended', 'c-1'));
        socket().receive(callMessage('ended', 'c-1'));
        socket().receive(callMessage('ringing', 'c-1'));
        socket().receive(callMessage('answered', 'c-1'));
        socket().receive(callMessage('ended', 'never-rang'));
        expect(events.map((event) => event.type)).toEqual(['incoming', 'answered', 'ended']);
    });

    it('treats an answered event for an unknown call as a call that rang and was answered', async () => {
        const { events, socket } = await connectedHarness(false);
        socket().receive(
            callMessage('answered', 'c-9', { ani: '+14155550109', attributes: { name: 'Joe' } })
        );
        expect(events).toEqual([
            {
                type: 'incoming',
                callId: 'c-9',
                from: '+14155550109',
                to: '',
                fromName: 'Joe',
                data: { name: 'Joe' }
            },
            { type: 'answered', callId: 'c-9' }
        ]);
    });

    it('keeps the attributes of the last 20 ended calls only', async () => {
        const { connector, socket } = await connectedHarness(false);
        for (let index = 1; index <= 25; index += 1) {
            socket().receive(
                callMessage('ringing', `c-${index}`, { attributes: { n: `${index}` } })
            );
            socket().receive(callMessage('ended', `c-${index}`));
        }
        expect(connector.callAttributes('c-5')).toBeUndefined();
        expect(connector.callAttributes('c-6')).toEqual({ n: '6' });
        expect(connector.callAttributes('c-25')).toEqual({ n: '25' });
    });
});
