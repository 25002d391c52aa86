import type {
    MixerAnalyser,
    MixerAudioContext,
    MixerDestination,
    MixerNode
} from '../sip-conference-mixer';
import { fakeStream } from './fake-media';

/*
 * A Web Audio graph on paper: nodes remember what they feed, sources carry a fixed level, and
 * an analyser reports the RMS of every source that reaches it (levels add up as powers, as
 * uncorrelated signals do). Enough to check who hears whom in the conference mix.
 */

export class FakeNode implements MixerNode {
    readonly outputs = new Set<FakeNode>();

    constructor(
        readonly name: string,
        /** A source's RMS level; 0 for the other nodes. */
        readonly level = 0
    ) {}

    connect(destination: MixerNode): unknown {
        this.outputs.add(destination as FakeNode);
        return destination;
    }

    disconnect(destination?: MixerNode): void {
        if (destination) {
            this.outputs.delete(destination as FakeNode);
        } else {
            this.outputs.clear();
        }
    }
}

class FakeAnalyser extends FakeNode implements MixerAnalyser {
    fftSize = 8;

    constructor(
        name: string,
        private readonly context: FakeAudioContext
    ) {
        super(name);
    }

    getFloatTimeDomainData(array: Float32Array<ArrayBuffer>): void {
        const power = this.context
            .sourcesReaching(this)
            .reduce((sum, source) => sum + source.level * source.level, 0);
        array.fill(Math.sqrt(power));
    }
}

class FakeDestination extends FakeNode implements MixerDestination {
    readonly stream: MediaStream;

    constructor(name: string) {
        super(name);
        const track = { kind: 'audio', id: `${name}-track` };
        this.stream = {
            ...fakeStream(name),
            getAudioTracks: () => [track]
        } as unknown as MediaStream;
    }
}

export class FakeAudioContext implements MixerAudioContext {
    readonly sources: FakeNode[] = [];
    state: 'running' | 'suspended' | 'closed' = 'suspended';
    private next = 0;

    /** The level each stream (by id) feeds into the graph; 0 for a silent one. */
    constructor(private readonly levelOf: (streamId: string) => number = () => 0.1) {}

    createMediaStreamSource(stream: MediaStream): MixerNode {
        const node = new FakeNode(`source ${stream.id}`, this.levelOf(stream.id));
        this.sources.push(node);
        return node;
    }

    createMediaStreamDestination(): MixerDestination {
        return new FakeDestination(`mix-${++this.next}`);
    }

    createGain(): MixerNode {
        return new FakeNode(`gain-${++this.next}`);
    }

    createAnalyser(): MixerAnalyser {
        return new FakeAnalyser(`analyser-${++this.next}`, this);
    }

    resume(): Promise<void> {
        this.state = 'running';
        return Promise.resolve();
    }

    close(): Promise<void> {
        this.state = 'closed';
        return Promise.resolve();
    }

    /** The sources with a path to `node`. */
    sourcesReaching(node: FakeNode): FakeNode[] {
        return this.sources.filter((source) => reaches(source, node, new Set()));
    }
}

function reaches(from: FakeNode, to: FakeNode, seen: Set<FakeNode>): boolean {
    if (from === to) {
        return true;
    }
    seen.add(from);
    return [...from.outputs].some((next) => !seen.has(next) && reaches(next, to, seen));
}
