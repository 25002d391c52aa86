import type { SipMedia } from '../sip-media';

/** A fake MediaStream with one audio track named after it: identity is what matters. */
export function fakeStream(id: string): MediaStream {
    const track = { kind: 'audio', id: `${id}-track`, enabled: true };
    return { id, getTracks: () => [], getAudioTracks: () => [track] } as unknown as MediaStream;
}

/** SipMedia that records what the connector did; getLocalStream can be made to fail. */
export class FakeMedia implements SipMedia {
    readonly log: string[] = [];
    failNextWith?: Error;
    /** When set, getLocalStream waits for this promise before answering. */
    gate?: Promise<void>;
    /** Whether the microphone is known to open: calls are then answered with a stand-in. */
    standIns = false;
    private next = 1;
    private nextSilence = 1;

    silentStandIn(): MediaStream | undefined {
        if (!this.standIns) {
            return undefined;
        }
        const stream = fakeStream(`silence-${this.nextSilence++}`);
        this.log.push(`standIn ${stream.id}`);
        return stream;
    }

    async getLocalStream(): Promise<MediaStream> {
        if (this.gate) {
            await this.gate;
        }
        const failure = this.failNextWith;
        if (failure) {
            this.failNextWith = undefined;
            this.log.push('getLocalStream failed');
            throw failure;
        }
        const stream = fakeStream(`local-${this.next++}`);
        this.log.push(`getLocalStream ${stream.id}`);
        return stream;
    }

    releaseLocalStream(stream: MediaStream): void {
        this.log.push(`release ${stream.id}`);
    }

    playRemoteStream(stream: MediaStream | null): void {
        this.log.push(`play ${stream ? stream.id : 'nothing'}`);
    }

    startRingtone(): void {
        this.log.push('ring');
    }

    stopRingtone(): void {
        this.log.push('stop ringing');
    }
}
