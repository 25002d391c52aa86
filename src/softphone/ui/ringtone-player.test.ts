/** @jest-environment jsdom */
import { defaultAlertPreferences } from './alert-preferences';
import { canChooseOutputDevice, RingtonePlayer } from './ringtone-player';

function fakeAudio(play: () => Promise<void> = () => Promise.resolve()) {
    const audio = document.createElement('audio');
    const calls = { play: 0, pause: 0 };
    Object.defineProperty(audio, 'play', {
        value: () => {
            calls.play++;
            return play();
        }
    });
    Object.defineProperty(audio, 'pause', { value: () => void calls.pause++ });
    return { audio, calls };
}

const flush = async () => {
    for (let i = 0; i < 5; i++) {
        await Promise.resolve();
    }
};

function notAllowed(): Error {
    const error = new Error('play() failed because the user did not interact');
    error.name = 'NotAllowedError';
    return error;
}

describe('RingtonePlayer', () => {
    it('loops the ringtone at the chosen volume while ringing, and stops', () => {
        const { audio, calls } = fakeAudio();
        const player = new RingtonePlayer(
            audio,
            { ...defaultAlertPreferences, volume: 0.4 },
            jest.fn()
        );
        expect(audio.loop).toBe(true);
        expect(audio.volume).toBe(0.4);
        player.start();
        player.start();
        expect(calls.play).toBe(1);
        player.stop();
        player.stop();
        expect(calls.pause).toBe(1);
    });

    it('stays silent when the agent turned the ringtone off, also for a call ringing now', () => {
        const { audio, calls } = fakeAudio();
        const player = new RingtonePlayer(audio, defaultAlertPreferences, jest.fn());
        player.start();
        player.setPreferences({ ...defaultAlertPreferences, ringtone: false });
        expect(calls.pause).toBe(1);
        player.stop();
        player.start();
        expect(calls.play).toBe(1);
        player.setPreferences(defaultAlertPreferences);
        expect(calls.play).toBe(2);
    });

    it('asks for a click when the browser refuses to autoplay, and plays after it', async () => {
        let refuse = true;
        const { audio, calls } = fakeAudio(() =>
            refuse ? Promise.reject(notAllowed()) : Promise.resolve()
        );
        const onBlocked = jest.fn();
        const player = new RingtonePlayer(audio, defaultAlertPreferences, onBlocked);
        player.retry();
        expect(calls.play).toBe(0);
        player.start();
        await flush();
        expect(onBlocked.mock.calls).toEqual([[true]]);
        refuse = false;
        player.retry();
        await flush();
        expect(calls.play).toBe(2);
        expect(onBlocked.mock.calls).toEqual([[true], [false]]);
    });

    it('clears the request when the call stops ringing, and never throws', async () => {
        const { audio } = fakeAudio(() => {
            throw notAllowed();
        });
        const onBlocked = jest.fn();
        const player = new RingtonePlayer(audio, defaultAlertPreferences, onBlocked);
        expect(() => player.start()).not.toThrow();
        player.stop();
        await flush();
        expect(onBlocked.mock.calls).toEqual([[true], [false]]);
    });

    it('ignores an aborted play (a stop came first)', async () => {
        const aborted = new Error('aborted');
        aborted.name = 'AbortError';
        const { audio } = fakeAudio(() => Promise.reject(aborted));
        const onBlocked = jest.fn();
        new RingtonePlayer(audio, defaultAlertPreferences, onBlocked).start();
        await flush();
        expect(onBlocked).not.toHaveBeenCalled();
    });

    it('sends the ringtone to the chosen output where the browser allows it', async () => {
        const { audio } = fakeAudio();
        expect(canChooseOutputDevice(audio)).toBe(false);
        const sinks: string[] = [];
        Object.defineProperty(audio, 'setSinkId', {
            value: (id: string) => {
                sinks.push(id);
                return id === 'gone'
                    ? Promise.reject(new Error('NotFoundError'))
                    : Promise.resolve();
            }
        });
        expect(canChooseOutputDevice(audio)).toBe(true);
        const player = new RingtonePlayer(
            audio,
            { ...defaultAlertPreferences, outputDeviceId: 'headset' },
            jest.fn()
        );
        player.setPreferences({ ...defaultAlertPreferences, outputDeviceId: 'gone' });
        await flush();
        expect(sinks).toEqual(['headset', 'gone', '']);
    });
});
