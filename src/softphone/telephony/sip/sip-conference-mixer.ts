import type { SipAudioSender } from './sip-user-agent';

/*
 * A three-way (or larger) call mixed in the agent's browser, for PBXs that do not host
 * conferences. Every party is a SIP call of its own; the mixer makes each one hear the others:
 *
 *   microphone ─────────────┬──▶ bus(A) ──▶ A's outgoing track (replaces the microphone track)
 *   A's far end (source A) ─┼──▶ bus(B) ──▶ B's outgoing track
 *   B's far end (source B) ─┴──▶ bus(agent) ──▶ the agent's speaker
 *
 * bus(X) carries the microphone and every party but X; bus(agent) every party. Each bus has an
 * analyser, so the mix can be measured (levels()). Web Audio nodes are described by the narrow
 * interfaces below so that unit tests can pass a fake context.
 */

export interface MixerNode {
    connect(destination: MixerNode): unknown;
    disconnect(destination?: MixerNode): void;
}

export interface MixerAnalyser extends MixerNode {
    fftSize: number;
    getFloatTimeDomainData(array: Float32Array<ArrayBuffer>): void;
}

export interface MixerDestination extends MixerNode {
    readonly stream: MediaStream;
}

/** The part of AudioContext the mixer uses. */
export interface MixerAudioContext {
    createMediaStreamSource(stream: MediaStream): MixerNode;
    createMediaStreamDestination(): MixerDestination;
    createGain(): MixerNode;
    createAnalyser(): MixerAnalyser;
    resume(): Promise<void>;
    close(): Promise<void>;
}

export interface MixerParty {
    readonly id: string;
    /** What the party's far end sends. */
    readonly remoteStream: MediaStream;
    /** The call's outgoing audio: the mixer puts the party's mix on it, and gives it back. */
    readonly sender: SipAudioSender;
}

export interface SipConferenceMixerOptions {
    readonly context: MixerAudioContext;
    /** The agent's microphone. */
    readonly microphone: MediaStream;
    /** Plays what the agent hears (every party); null when the mixer closes. */
    readonly play: (stream: MediaStream | null) => void;
    /**
     * Chromium feeds a remote WebRTC stream into Web Audio only while a media element plays
     * it: this attaches one (muted) and returns its detach function. Defaults to a muted
     * <audio> element when there is a document.
     */
    readonly attachRemote?: (stream: MediaStream) => () => void;
    /** Reports a sender that refused the mixed track (the party then hears only the agent). */
    readonly onError?: (partyId: string, error: unknown) => void;
}

/** The loudness (RMS, 0–1) of what each listener hears now, and of each party's far end. */
export interface MixerLevels {
    readonly agent: number;
    /** What each party hears: the agent and the other parties. */
    readonly heardBy: Readonly<Record<string, number>>;
    /** What each party's far end sends into the mix. */
    readonly from: Readonly<Record<string, number>>;
}

interface Bus {
    readonly gain: MixerNode;
    readonly destination: MixerDestination;
    readonly analyser: MixerAnalyser;
}

interface Member {
    readonly party: MixerParty;
    readonly source: MixerNode;
    readonly sourceAnalyser: MixerAnalyser;
    readonly bus: Bus;
    readonly originalTrack: MediaStreamTrack | null;
    readonly detach: () => void;
}

export class SipConferenceMixer {
    private readonly context: MixerAudioContext;
    private readonly microphone: MixerNode;
    private readonly agentBus: Bus;
    private readonly members = new Map<string, Member>();
    private readonly options: SipConferenceMixerOptions;
    private closed = false;

    constructor(options: SipConferenceMixerOptions) {
        this.options = options;
        this.context = options.context;
        this.microphone = this.context.createMediaStreamSource(options.microphone);
        this.agentBus = this.createBus();
        void this.context.resume().catch(() => undefined);
        options.play(this.agentBus.destination.stream);
    }

    /** Ids of the parties in the mix, in the order they joined. */
    partyIds(): string[] {
        return [...this.members.keys()];
    }

    has(partyId: string): boolean {
        return this.members.has(partyId);
    }

    /** Adds a party: it hears the agent and the others; they and the agent hear it. */
    add(party: MixerParty): void {
        if (this.closed || this.members.has(party.id)) {
            return;
        }
        const detach = (this.options.attachRemote ?? attachMutedElement)(party.remoteStream);
        const source = this.context.createMediaStreamSource(party.remoteStream);
        const sourceAnalyser = this.context.createAnalyser();
        source.connect(sourceAnalyser);
        const bus = this.createBus();
        this.microphone.connect(bus.gain);
        for (const other of this.members.values()) {
            other.source.connect(bus.gain);
            source.connect(other.bus.gain);
        }
        source.connect(this.agentBus.gain);
        const member: Member = {
            party,
            source,
            sourceAnalyser,
            bus,
            originalTrack: party.sender.track,
            detach
        };
        this.members.set(party.id, member);
        this.replaceTrack(party.id, party.sender, bus.destination.stream.getAudioTracks()[0]);
    }

    /** Takes a party out of the mix and gives its call back its own microphone track. */
    remove(partyId: string): void {
        const member = this.members.get(partyId);
        if (!member) {
            return;
        }
        this.members.delete(partyId);
        for (const other of this.members.values()) {
            other.source.disconnect(member.bus.gain);
            member.source.disconnect(other.bus.gain);
        }
        this.release(member);
    }

    /** Ends the mix: every call gets its own microphone track back; the agent hears nothing. */
    close(): void {
        if (this.closed) {
            return;
        }
        this.closed = true;
        for (const member of this.members.values()) {
            this.release(member);
        }
        this.members.clear();
        this.microphone.disconnect();
        this.agentBus.gain.disconnect();
        this.options.play(null);
        void this.context.close().catch(() => undefined);
    }

    levels(): MixerLevels {
        const heardBy: Record<string, number> = {};
        const from: Record<string, number> = {};
        for (const [id, member] of this.members) {
            heardBy[id] = rms(member.bus.analyser);
            from[id] = rms(member.sourceAnalyser);
        }
        return { agent: rms(this.agentBus.analyser), heardBy, from };
    }

    private createBus(): Bus {
        const gain = this.context.createGain();
        const destination = this.context.createMediaStreamDestination();
        const analyser = this.context.createAnalyser();
        analyser.fftSize = 2048;
        gain.connect(destination);
        gain.connect(analyser);
        return { gain, destination, analyser };
    }

    private release(member: Member): void {
        this.microphone.disconnect(member.bus.gain);
        member.source.disconnect();
        member.bus.gain.disconnect();
        member.detach();
        this.replaceTrack(member.party.id, member.party.sender, member.originalTrack);
    }

    private replaceTrack(
        partyId: string,
        sender: SipAudioSender,
        track: MediaStreamTrack | null | undefined
    ): void {
        sender.replaceTrack(track ?? null).catch((error: unknown) => {
            this.options.onError?.(partyId, error);
        });
    }
}

/** Root mean square of an analyser's current window (0 for silence, ~0.7 for a full sine). */
function rms(analyser: MixerAnalyser): number {
    const samples = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) {
        sum += sample * sample;
    }
    return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

function attachMutedElement(stream: MediaStream): () => void {
    if (typeof document === 'undefined') {
        return () => undefined;
    }
    const element = document.createElement('audio');
    element.muted = true;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    return () => {
        element.pause();
        element.srcObject = null;
    };
}
