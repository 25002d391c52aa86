/** How long the simulator takes for each happening, in milliseconds. Every one is configurable. */
export interface SimulatorDelays {
    /** connect(): 'connecting' → 'connected'. */
    readonly connectMs: number;
    /** Outbound: dial → remoteRinging. */
    readonly remoteRingingMs: number;
    /** Outbound, an ordinary number: dial → answered. */
    readonly answerMs: number;
    /** Outbound, number ending in 0000: dial → ended 'busy'. */
    readonly busyMs: number;
    /** Outbound, number ending in 0001: dial → ended 'no-answer'. */
    readonly noAnswerMs: number;
    /** Outbound, number ending in 0003: dial → ended 'voicemail'. */
    readonly voicemailMs: number;
    /** Inbound: incoming → ended 'no-answer' when the agent neither answers nor declines. */
    readonly inboundRingTimeoutMs: number;
    /** The agent's answer / hold / resume / decline / hangup → its confirming event. */
    readonly localActionMs: number;
}

export const defaultSimulatorDelays: SimulatorDelays = {
    connectMs: 300,
    remoteRingingMs: 100,
    answerMs: 1500,
    busyMs: 1000,
    noAnswerMs: 20_000,
    voicemailMs: 3000,
    inboundRingTimeoutMs: 30_000,
    localActionMs: 100
};

export type SimulatorDelayName = keyof SimulatorDelays;
