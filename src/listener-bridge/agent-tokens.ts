import { timingSafeEqual } from 'node:crypto';
import { agentPattern } from '../softphone/telephony/listener/listener-protocol';
import { sha256 } from './constant-time';
import { secretWeakness } from './secret-strength';

/**
 * The per-agent tokens softphones sign in with, from LISTENER_AGENT_TOKENS
 * (`agent1:token1,agent2:token2`). Only SHA-256 digests are kept.
 */
export class AgentTokens {
    private constructor(private readonly digests: ReadonlyMap<string, Buffer>) {}

    /** Parses the list; errors name the entry by position, never show a token. */
    static parse(list: string): { ok: true; tokens: AgentTokens } | { ok: false; error: string } {
        const entries = list
            .split(',')
            .map((entry) => entry.trim())
            .filter((entry) => entry !== '');
        if (entries.length === 0) {
            return {
                ok: false,
                error: 'LISTENER_AGENT_TOKENS is empty: give each agent a token, e.g. LISTENER_AGENT_TOKENS=agent1:<token>,agent2:<token> (--generate-token makes one)'
            };
        }
        const digests = new Map<string, Buffer>();
        for (const [index, entry] of entries.entries()) {
            const colon = entry.indexOf(':');
            const agent = colon < 0 ? '' : entry.slice(0, colon).trim();
            const token = colon < 0 ? '' : entry.slice(colon + 1).trim();
            const where = `LISTENER_AGENT_TOKENS entry ${index + 1}`;
            if (!agentPattern.test(agent)) {
                return {
                    ok: false,
                    error: `${where} must be <agent id>:<token>, the agent id 1-64 letters, digits or . _ @ + -`
                };
            }
            const weakness = token.includes(',')
                ? 'it must not hold a comma'
                : secretWeakness(token);
            if (weakness) {
                return {
                    ok: false,
                    error: `${where} (agent ${agent}): the token is too weak: ${weakness} (--generate-token makes a strong one)`
                };
            }
            if (digests.has(agent)) {
                return { ok: false, error: `${where}: agent ${agent} is listed twice` };
            }
            digests.set(agent, sha256(token));
        }
        return { ok: true, tokens: new AgentTokens(digests) };
    }

    get agents(): string[] {
        return [...this.digests.keys()];
    }

    has(agent: string): boolean {
        return this.digests.has(agent);
    }

    /** True when `token` is the agent's token; takes the same time for unknown agents. */
    verify(agent: string, token: string): boolean {
        const expected = this.digests.get(agent);
        const given = sha256(token);
        const match = timingSafeEqual(
            given,
            expected ?? sha256(`unknown agent ${given.toString('hex')}`)
        );
        return match && expected !== undefined;
    }
}
