import type { AgentState } from '../calls/call-model';
import type { InitialAgentState } from '../settings/softphone-settings';

/** A status the agent picks by hand, with the not-ready reason of a Break. */
export interface ChosenStatus {
    readonly state: 'Offline' | 'Available' | 'Break';
    readonly reason?: string;
}

/** The localStorage key of the agent's last chosen status (this browser, every tab). */
export const AGENT_STATUS_KEY = 'openCtiSoftphone.agentStatus';

/** The parts of Storage used here (localStorage in the page, a fake in tests). */
export type StatusStorage = Pick<Storage, 'getItem' | 'setItem'>;

const chosenStates: readonly ChosenStatus['state'][] = ['Offline', 'Available', 'Break'];

/** Whether the agent may pick `state` by hand (what the memory keeps). */
export function isChosenState(state: AgentState): state is ChosenStatus['state'] {
    return (chosenStates as readonly string[]).includes(state);
}

/**
 * Reads a remembered status: anything that is not a status this call center offers now (an
 * unknown state, a reason no longer configured) is ignored, never trusted.
 */
export function parseChosenStatus(
    raw: string | null,
    breakReasons: readonly string[]
): ChosenStatus | undefined {
    if (raw === null) {
        return undefined;
    }
    let value: unknown;
    try {
        value = JSON.parse(raw);
    } catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    const { state, reason } = value as { state?: unknown; reason?: unknown };
    if (typeof state !== 'string' || !(chosenStates as readonly string[]).includes(state)) {
        return undefined;
    }
    const chosen = state as ChosenStatus['state'];
    if (chosen === 'Break' && typeof reason === 'string' && breakReasons.includes(reason)) {
        return { state: chosen, reason };
    }
    return { state: chosen };
}

/** The agent's last chosen status, kept in this browser; storage failures are ignored. */
export class AgentStatusMemory {
    constructor(
        private readonly storage: StatusStorage | undefined,
        private readonly breakReasons: readonly string[]
    ) {}

    read(): ChosenStatus | undefined {
        try {
            return parseChosenStatus(
                this.storage?.getItem(AGENT_STATUS_KEY) ?? null,
                this.breakReasons
            );
        } catch {
            return undefined;
        }
    }

    write(status: ChosenStatus): void {
        try {
            this.storage?.setItem(AGENT_STATUS_KEY, JSON.stringify(status));
        } catch {
            // Storage blocked or full: the next load falls back to the setting's default.
        }
    }
}

/**
 * The status the softphone puts the agent in once connected (agentStatus/initialState):
 * - Offline / Available: that state, on every load and reload;
 * - LastState: the status the agent last chose in this browser, else the state a reload or a
 *   tab takeover left (Offline or Break), else Available.
 */
export function initialAgentStatus(
    setting: InitialAgentState,
    remembered: ChosenStatus | undefined,
    restored: AgentState | undefined
): ChosenStatus {
    if (setting !== 'LastState') {
        return { state: setting };
    }
    if (remembered !== undefined) {
        return remembered;
    }
    return restored === 'Offline' || restored === 'Break'
        ? { state: restored }
        : { state: 'Available' };
}
