import { createListenerConnector } from './create-listener-connector';
import { validateListenerCredentials } from './listener-credentials';
import { reconnectDelay } from './reconnect-delay';

describe('listener credentials', () => {
    it('trims what the agent typed', () => {
        expect(validateListenerCredentials({ agent: ' agent-7 ', token: ' tok-123\n' })).toEqual({
            ok: true,
            credentials: { agent: 'agent-7', token: 'tok-123' }
        });
    });

    it.each([
        [{ agent: '', token: 't' }, 'agent', 'Enter your agent id.'],
        [{ agent: undefined, token: 't' }, 'agent', 'Enter your agent id.'],
        [
            { agent: 'agent 7', token: 't' },
            'agent',
            'An agent id has at most 64 letters, digits or . _ @ + - characters.'
        ],
        [
            { agent: 'a', token: '  ' },
            'token',
            'Enter the listener token your administrator gave you.'
        ],
        [
            { agent: 'a', token: 'two words' },
            'token',
            'This is not a listener token: check that you pasted all of it and nothing else.'
        ],
        [
            { agent: 'a', token: 'x'.repeat(257) },
            'token',
            'This is not a listener token: check that you pasted all of it and nothing else.'
        ]
    ])('names the field to fix in %p', (input, field, message) => {
        expect(validateListenerCredentials(input)).toEqual({ ok: false, field, message });
    });

    it('creates a connector only for valid credentials', () => {
        const settings = { webSocketUrl: 'wss://cti.example.com/softphone' };
        const made = createListenerConnector({
            settings,
            credentials: { agent: 'agent-7', token: 'tok' }
        });
        expect(made.ok && made.connector.kind).toBe('listener');
        expect(made.ok && made.connector.agent).toBe('agent-7');
        expect(
            createListenerConnector({ settings, credentials: { agent: 'agent-7', token: '' } })
        ).toMatchObject({ ok: false, field: 'token' });
    });

    it('spaces reconnection attempts exponentially, capped, with jitter', () => {
        expect([1, 2, 3, 6, 7, 50].map((attempt) => reconnectDelay(attempt, () => 0))).toEqual([
            500, 1000, 2000, 15_000, 15_000, 15_000
        ]);
        expect(reconnectDelay(1, () => 0.999_999)).toBe(1000);
        expect(reconnectDelay(1, () => Number.NaN)).toBe(1000);
    });
});
