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

    describe('a silent stand-in for the microphone', () => {
        /** A permission status the test moves, as the browser would. */
        function permissionStatus(state: PermissionState) {
            const listeners: (() => void)[] = [];
            const status = {
                state,
                addEventListener: (_type: string, listener: () => void) => listeners.push(listener)
            };
            return {
                permissions: { query: jest.fn().mockResolvedValue(status) },
                change(next: PermissionState) {
                    status.state = next;
                    listeners.forEach((listener) => listener());
                }
            };
        }

        const streams: string[] = [];
        class FakeAudioContext {
            static made = 0;
            constructor() {
                FakeAudioContext.made += 1;
            }
            createMediaStreamDestination() {
                const stream = fakeStream(`silence-${streams.length + 1}`);
                streams.push(stream.id);
                return { stream };
            }
        }

        beforeEach(() => {
            streams.length = 0;
            FakeAudioContext.made = 0;
            (globalThis as { AudioContext?: unknown }).AudioContext = FakeAudioContext;
        });
        afterEach(() => {
            delete (globalThis as { AudioContext?: unknown }).AudioContext;
        });

        it('is offered once the browser says the microphone is allowed, and follows a change', async () => {
            const permission = permissionStatus('prompt');
            const media = browserSipMedia({
                remoteAudio: asAudio(new FakeAudio()),
                permissions: permission.permissions as unknown as Permissions
            });
            expect(media.silentStandIn?.()).toBeUndefined();
            await Promise.resolve();
            await Promise.resolve();
            expect(permission.permissions.query).toHaveBeenCalledWith({ name: 'microphone' });
            expect(media.silentStandIn?.()).toBeUndefined();

            permission.change('granted');
            expect(media.silentStandIn?.()?.id).toBe('silence-1');
            expect(media.silentStandIn?.()?.id).toBe('silence-2');
            // One audio context makes every stand-in.
            expect(FakeAudioContext.made).toBe(1);

            permission.change('denied');
            expect(media.silentStandIn?.()).toBeUndefined();
        });

        it('is never offered where the permission cannot be read', async () => {
            const media = browserSipMedia({
                remoteAudio: asAudio(new FakeAudio()),
                permissions: {
                    query: jest.fn().mockRejectedValue(new TypeError('microphone'))
                } as unknown as Permissions
            });
            await Promise.resolve();
            await Promise.resolve();
            expect(media.silentStandIn?.()).toBeUndefined();
        });
    });
});
