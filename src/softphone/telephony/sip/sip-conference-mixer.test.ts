import { SipConferenceMixer } from './sip-conference-mixer';
import type { SipAudioSender } from './sip-user-agent';
import { FakeAudioContext } from './test-support/fake-audio-context';
import { fakeStream } from './test-support/fake-media';

function sender(id: string): SipAudioSender & { replaced: (string | null)[] } {
    const replaced: (string | null)[] = [];
    const result = {
        track: { id } as MediaStreamTrack,
        replaced,
        replaceTrack(track: MediaStreamTrack | null): Promise<void> {
            replaced.push(track ? track.id : null);
            result.track = track as MediaStreamTrack;
            return Promise.resolve();
        }
    };
    return result;
}

/** Microphone at 0.3, party A's far end at 0.4, B's silent unless said. */
function setup(levels: Record<string, number> = { mic: 0.3, a: 0.4, b: 0 }) {
    const context = new FakeAudioContext((id) => levels[id] ?? 0);
    const played: (string | null)[] = [];
    const attached: string[] = [];
    const detached: string[] = [];
    const mixer = new SipConferenceMixer({
        context,
        microphone: fakeStream('mic'),
        play: (stream) => played.push(stream ? stream.id : null),
        attachRemote: (stream) => {
            attached.push(stream.id);
            return () => detached.push(stream.id);
        }
    });
    const a = { id: 'A', remoteStream: fakeStream('a'), sender: sender('mic-a') };
    const b = { id: 'B', remoteStream: fakeStream('b'), sender: sender('mic-b') };
    return { context, mixer, played, attached, detached, a, b };
}

describe('SipConferenceMixer', () => {
    it('lets each party hear the agent and the other party, and the agent hear both', () => {
        const { mixer, context, a, b, played, attached } = setup({ mic: 0.3, a: 0.4, b: 0.5 });
        mixer.add(a);
        mixer.add(b);
        const levels = mixer.levels();
        // A hears the microphone and B: √(0.3² + 0.5²); B hears the microphone and A.
        expect(levels.heardBy.A).toBeCloseTo(Math.hypot(0.3, 0.5));
        expect(levels.heardBy.B).toBeCloseTo(Math.hypot(0.3, 0.4));
        expect(levels.agent).toBeCloseTo(Math.hypot(0.4, 0.5));
        expect(levels.from).toEqual({ A: expect.closeTo(0.4) as number, B: 0.5 });
        expect(mixer.partyIds()).toEqual(['A', 'B']);
        expect(context.state).toBe('running');
        expect(played).toEqual(['mix-2']);
        expect(attached).toEqual(['a', 'b']);
        expect(a.sender.replaced).toHaveLength(1);
        expect(a.sender.replaced[0]).toMatch(/^mix-\d+-track$/);
        expect(a.sender.replaced[0]).not.toBe(b.sender.replaced[0]);
    });

    it('never plays a party its own voice', () => {
        const { mixer, a, b } = setup({ mic: 0, a: 0.4, b: 0 });
        mixer.add(a);
        mixer.add(b);
        expect(mixer.levels().heardBy.A).toBe(0);
        expect(mixer.levels().heardBy.B).toBeCloseTo(0.4);
    });

    it('gives a removed party its microphone back and takes it out of the others’ mix', () => {
        const { mixer, a, b, detached } = setup();
        mixer.add(a);
        mixer.add(b);
        mixer.add(a);
        mixer.remove('A');
        mixer.remove('ghost');
        expect(a.sender.replaced.at(-1)).toBe('mic-a');
        expect(detached).toEqual(['a']);
        expect(mixer.has('A')).toBe(false);
        // B now hears only the microphone; the agent hears nothing from A.
        expect(mixer.levels().heardBy).toEqual({ B: expect.closeTo(0.3) as number });
        expect(mixer.levels().agent).toBe(0);
    });

    it('closes: every sender gets its track back, the agent hears nothing, adds are ignored', () => {
        const { mixer, context, a, b, played } = setup();
        mixer.add(a);
        mixer.add(b);
        mixer.close();
        mixer.close();
        mixer.add(a);
        expect(a.sender.replaced.at(-1)).toBe('mic-a');
        expect(b.sender.replaced.at(-1)).toBe('mic-b');
        expect(played.at(-1)).toBeNull();
        expect(context.state).toBe('closed');
        expect(mixer.partyIds()).toEqual([]);
    });

    it('reports a sender that refuses the mixed track', async () => {
        const errors: string[] = [];
        const context = new FakeAudioContext();
        const mixer = new SipConferenceMixer({
            context,
            microphone: fakeStream('mic'),
            play: () => undefined,
            attachRemote: () => () => undefined,
            onError: (id, error) => errors.push(`${id}: ${String(error)}`)
        });
        mixer.add({
            id: 'A',
            remoteStream: fakeStream('a'),
            sender: { track: null, replaceTrack: () => Promise.reject(new Error('closed')) }
        });
        await Promise.resolve();
        await Promise.resolve();
        expect(errors).toEqual(['A: Error: closed']);
    });
});
