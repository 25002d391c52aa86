import { browserSipMedia } from './sip-media';
import { fakeStream } from './test-support/fake-media';

class FakeAudio {
    srcObject: MediaStream | null = null;
    loop = false;
    currentTime = 5;
    plays = 0;
    paused = 0;
    playResult: Promise<void> = Promise.resolve();

    play(): Promise<void> {
        this.plays += 1;
        return this.playResult;
    }

    pause(): void {
        this.paused += 1;
    }
}

const asAudio = (audio: FakeAudio): HTMLAudioElement => audio as unknown as HTMLAudioElement;

describe('browserSipMedia', () => {
    it('asks for audio only and stops every track of a released stream', async () => {
        const stop = jest.fn();
        const getUserMedia = jest.fn().mockResolvedValue({ getTracks: () => [{ stop }, { stop }] });
        const media = browserSipMedia({
            remoteAudio: asAudio(new FakeAudio()),
            mediaDevices: { getUserMedia }
        });
        const stream = await media.getLocalStream();
        expect(getUserMedia).toHaveBeenCalledWith({ audio: true, video: false });
        media.releaseLocalStream(stream);
        expect(stop).toHaveBeenCalledTimes(2);
    });

    it('rejects clearly where the browser has no media devices', async () => {
        const media = browserSipMedia({ remoteAudio: asAudio(new FakeAudio()) });
        await expect(media.getLocalStream()).rejects.toThrow(/no access to a microphone/);
    });

    it('plays the remote stream and logs a refused play() instead of throwing', async () => {
        const remote = new FakeAudio();
        const logs: string[] = [];
        const media = browserSipMedia({
            remoteAudio: asAudio(remote),
            logger: (_level, message) => logs.push(message)
        });
        remote.playResult = Promise.reject(new Error('NotAllowedError'));
        media.playRemoteStream(fakeStream('remote'));
        await Promise.resolve();
        await Promise.resolve();
        expect(remote.srcObject).toEqual(expect.objectContaining({ id: 'remote' }));
        expect(logs).toEqual(['The browser did not play the call audio.']);
        media.playRemoteStream(null);
        expect(remote.srcObject).toBeNull();
        expect(remote.plays).toBe(1);
    });

    it('rings only after a user gesture, and stops by rewinding', () => {
        const ringtone = new FakeAudio();
        let gesture = false;
        const media = browserSipMedia({
            remoteAudio: asAudio(new FakeAudio()),
            ringtone: asAudio(ringtone),
            hasUserGesture: () => gesture
        });
        media.startRingtone();
        expect(ringtone.plays).toBe(0);
        gesture = true;
        media.startRingtone();
        expect(ringtone.plays).toBe(1);
        expect(ringtone.loop).toBe(true);
        media.stopRingtone();
        expect(ringtone.paused).toBe(1);
        expect(ringtone.currentTime).toBe(0);
    });

    it('does nothing for a ringtone it does not have', () => {
        const media = browserSipMedia({ remoteAudio: asAudio(new FakeAudio()) });
        expect(() => {
            media.startRingtone();
            media.stopRingtone();
        }).not.toThrow();
    });
});
