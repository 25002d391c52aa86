/**
 * Holds a session's SDP (the INVITE's offer, or the 200 OK's answer) until the softphone says
 * it may leave, while the browser does the slow part meanwhile: the peer connection, the offer
 * or answer and ICE gathering. A dial then overlaps the Do Not Call check, and an answer the
 * ringing: the click only releases what is ready.
 *
 * JsSIP (RTCSession._createLocalDescription) sets the local description, then sends at once when
 * ICE gathering is complete, else on a candidate's ready() or on the end of gathering. The gate
 * wraps that one setLocalDescription call of the connection: gathering starts when the browser
 * sets the description, and JsSIP goes on only once the gate is open. A session terminated while
 * held sends nothing for an outgoing call (JsSIP cancels before the INVITE) and only its final
 * response for an incoming one.
 */
export class SdpGate {
    readonly opened: Promise<void>;
    /** Resolves once the SDP is made and waits at the gate (its tracks are on the connection). */
    readonly prepared: Promise<void>;
    private release: () => void = () => undefined;
    private markPrepared: () => void = () => undefined;
    private open_ = false;

    constructor() {
        this.opened = new Promise<void>((resolve) => {
            this.release = resolve;
        });
        this.prepared = new Promise<void>((resolve) => {
            this.markPrepared = resolve;
        });
    }

    /** Called by the held connection (holdLocalDescription) once its SDP is made. */
    madeReady(): void {
        this.markPrepared();
    }

    get isOpen(): boolean {
        return this.open_;
    }

    /** Lets the SDP leave (or lets a terminated session's set-up finish); idempotent. */
    open(): void {
        this.open_ = true;
        this.release();
    }
}

/** The part of RTCPeerConnection the gate uses. */
export interface GateableConnection {
    setLocalDescription(description?: unknown): Promise<void>;
    readonly iceGatheringState: string;
    addEventListener(type: 'icecandidate', listener: (event: unknown) => void): void;
    removeEventListener(type: 'icecandidate', listener: (event: unknown) => void): void;
}

export function isGateableConnection(value: unknown): value is GateableConnection {
    const connection = value as Partial<Record<keyof GateableConnection, unknown>> | null;
    return (
        typeof connection === 'object' &&
        connection !== null &&
        typeof connection.setLocalDescription === 'function' &&
        typeof connection.addEventListener === 'function' &&
        typeof connection.removeEventListener === 'function'
    );
}

/**
 * Makes the connection's next setLocalDescription resolve only once `gate` is open. When a
 * candidate the far end can use was gathered meanwhile (any, without ICE servers; one from a
 * server, with them: the rule of ice-cutoff.ts), the SDP leaves at once with the candidates so
 * far: JsSIP reads the gathering state as complete, once.
 */
export function holdLocalDescription(
    connection: GateableConnection,
    gate: SdpGate,
    hasIceServers: boolean
): void {
    let usable = false;
    const onCandidate = (event: unknown): void => {
        const candidate = (event as { candidate?: { type?: unknown } | null } | null)?.candidate;
        if (candidate) {
            const type = candidate.type;
            usable = usable || !hasIceServers || type === 'srflx' || type === 'relay';
        }
    };
    connection.addEventListener('icecandidate', onCandidate);
    const original = connection.setLocalDescription;
    const own = connection as { setLocalDescription?: GateableConnection['setLocalDescription'] };
    own.setLocalDescription = async (description?: unknown): Promise<void> => {
        // Later offers and answers (hold, resume) are not held.
        delete own.setLocalDescription;
        if (own.setLocalDescription === undefined) {
            own.setLocalDescription = original;
        }
        await original.call(connection, description);
        gate.madeReady();
        await gate.opened;
        connection.removeEventListener('icecandidate', onCandidate);
        if (usable && connection.iceGatheringState === 'gathering') {
            Object.defineProperty(connection, 'iceGatheringState', {
                configurable: true,
                get: () => {
                    delete (connection as { iceGatheringState?: string }).iceGatheringState;
                    return 'complete';
                }
            });
        }
    };
}
