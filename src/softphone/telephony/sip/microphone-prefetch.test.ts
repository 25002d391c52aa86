import { MicrophonePrefetch } from './microphone-prefetch';
import { FakeMedia } from './test-support/fake-media';
import { settle } from './test-support/sip-harness';

describe('MicrophonePrefetch', () => {
    it('opens the microphone at once and hands that stream to the answer, once', async () => {
        const media = new FakeMedia();
        const microphone = new MicrophonePrefetch(media);
        expect(media.log).toEqual(['getLocalStream local-1']);
        await expect(microphone.take()).resolves.toMatchObject({ id: 'local-1' });
        // A second answer (the first one failed later) opens it again.
        await expect(microphone.take()).resolves.toMatchObject({ id: 'local-2' });
        microphone.release();
        await settle();
        expect(media.log).toEqual(['getLocalStream local-1', 'getLocalStream local-2']);
    });

    it('stops a stream nobody took, whether it arrived before or after the call ended', async () => {
        const arrived = new FakeMedia();
        const early = new MicrophonePrefetch(arrived);
        await settle();
        early.release();
        early.release();
        await settle();
        expect(arrived.log).toEqual(['getLocalStream local-1', 'release local-1']);

        const slow = new FakeMedia();
        let open = (): void => undefined;
        slow.gate = new Promise((resolve) => {
            open = resolve;
        });
        const late = new MicrophonePrefetch(slow);
        late.release();
        open();
        await settle();
        expect(slow.log).toEqual(['getLocalStream local-1', 'release local-1']);
        // After release, an answer (which the connector would refuse anyway) asks afresh.
        await expect(late.take()).resolves.toMatchObject({ id: 'local-2' });
    });

    it('asks again at the answer when the microphone was refused while ringing', async () => {
        const media = new FakeMedia();
        media.failNextWith = new Error('denied');
        const microphone = new MicrophonePrefetch(media);
        await expect(microphone.take()).resolves.toMatchObject({ id: 'local-1' });
        expect(media.log).toEqual(['getLocalStream failed', 'getLocalStream local-1']);
    });

    it('survives a media layer that throws instead of rejecting', async () => {
        const media = new FakeMedia();
        let calls = 0;
        media.getLocalStream = () => {
            calls += 1;
            if (calls === 1) {
                throw new Error('no mediaDevices');
            }
            return Promise.resolve({ id: 'later', getTracks: () => [] } as unknown as MediaStream);
        };
        const microphone = new MicrophonePrefetch(media);
        await expect(microphone.take()).resolves.toMatchObject({ id: 'later' });
    });
});
