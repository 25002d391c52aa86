/** What simulateIncoming needs (only the simulator has it). */
export interface InboundSimulator {
    simulateIncoming(caller: {
        from: string;
        fromName?: string;
        data?: Readonly<Record<string, string>>;
    }): string;
}

/** The simulator's controls the hosting page (local console, a trainer) may use. */
export interface RemoteHangupSimulator extends InboundSimulator {
    simulateRemoteHangup(callId: string): void;
    liveCallIds(): readonly string[];
}
