import type { ConnectionStatus } from '../telephony/connector';
import type { AgentStateContext } from './agent-state-rules';
import { agentStateOptions, agentStateRefusal, selectableAgentStates } from './agent-state-rules';
import type { AgentState } from './call-model';

const allStates: readonly AgentState[] = ['Offline', 'Available', 'Busy', 'AfterCallWork', 'Break'];
const idle: AgentStateContext = { hasLiveCall: false, connectionStatus: 'connected' };
const onCall: AgentStateContext = { hasLiveCall: true, connectionStatus: 'connected' };

describe('agentStateRefusal', () => {
    describe.each(allStates)('from %s', (from) => {
        it('allows staying put', () => {
            expect(agentStateRefusal(from, from, onCall)).toBeUndefined();
        });

        it.each(['Busy', 'AfterCallWork'] as const)('never allows picking %s', (to) => {
            if (to !== from) {
                expect(agentStateRefusal(from, to, idle)?.code).toBe('invalid-state');
            }
        });

        it.each(selectableAgentStates)('allows %s with no live call', (to) => {
            expect(agentStateRefusal(from, to, idle)).toBeUndefined();
        });

        it.each(selectableAgentStates)('refuses %s during a call', (to) => {
            if (to !== from) {
                expect(agentStateRefusal(from, to, onCall)).toEqual({
                    code: 'busy',
                    reason: { key: 'state-change-during-call', state: to }
                });
            }
        });
    });

    it.each<[ConnectionStatus, boolean]>([
        ['connected', true],
        ['reconnecting', true],
        ['connecting', false],
        ['disconnected', false]
    ])('Available while %s: allowed %s', (connectionStatus, allowed) => {
        const refusal = agentStateRefusal('Offline', 'Available', {
            hasLiveCall: false,
            connectionStatus
        });
        expect(refusal === undefined).toBe(allowed);
        if (refusal) {
            expect(refusal).toEqual({
                code: 'not-connected',
                reason: { key: 'available-needs-connection', status: connectionStatus }
            });
        }
    });

    describe('a call offered during after-call work, still ringing', () => {
        const offered: AgentStateContext = { ...onCall, onlyRingingCalls: true };

        it('lets the agent finish wrap-up (Available) while it rings', () => {
            expect(agentStateRefusal('AfterCallWork', 'Available', offered)).toBeUndefined();
        });

        it.each(['Offline', 'Break'] as const)('refuses %s while it rings', (to) => {
            expect(agentStateRefusal('AfterCallWork', to, offered)?.code).toBe('busy');
        });

        it.each(['Available', 'Break', 'Offline', 'Busy'] as const)(
            'does not loosen the rules from %s',
            (from) => {
                const to = from === 'Break' ? 'Offline' : 'Break';
                expect(agentStateRefusal(from, to, offered)?.code).toBe('busy');
            }
        );

        it('offers Available beside after-call work', () => {
            expect(agentStateOptions('AfterCallWork', offered)).toEqual([
                'AfterCallWork',
                'Available'
            ]);
        });
    });

    it('lets an agent go Offline or on Break while disconnected', () => {
        const context: AgentStateContext = { hasLiveCall: false, connectionStatus: 'disconnected' };
        expect(agentStateRefusal('Available', 'Offline', context)).toBeUndefined();
        expect(agentStateRefusal('Offline', 'Break', context)).toBeUndefined();
    });
});

describe('agentStateOptions', () => {
    it('offers the three pickable states when idle and connected', () => {
        expect(agentStateOptions('Available', idle)).toEqual(['Offline', 'Available', 'Break']);
    });

    it('offers only the current state during a call', () => {
        expect(agentStateOptions('Busy', onCall)).toEqual(['Busy']);
        expect(agentStateOptions('Available', onCall)).toEqual(['Available']);
    });

    it('puts an engine-owned current state first', () => {
        expect(agentStateOptions('AfterCallWork', idle)).toEqual([
            'AfterCallWork',
            'Offline',
            'Available',
            'Break'
        ]);
    });

    it('offers Available from Offline while disconnected: choosing it connects first', () => {
        expect(
            agentStateOptions('Offline', { hasLiveCall: false, connectionStatus: 'disconnected' })
        ).toEqual(['Offline', 'Available', 'Break']);
    });

    it('leaves out Available while the line is still connecting', () => {
        expect(
            agentStateOptions('Offline', { hasLiveCall: false, connectionStatus: 'connecting' })
        ).toEqual(['Offline', 'Break']);
    });
});
