/** @jest-environment jsdom */
import { EntryLog } from '../console-logs';
import { h } from './dom';
import { mountLogList } from './log-list';

function mounted(keep?: number, limit = 500) {
    const log = new EntryLog<string>(limit);
    const list = h('div');
    let built = 0;
    mountLogList(
        list,
        log,
        (entry) => {
            built += 1;
            return h('div', { class: 'entry' }, entry);
        },
        'Nothing yet.',
        keep
    );
    const shown = () => [...list.children].map((child) => child.textContent);
    return { log, list, shown, built: () => built };
}

describe('mountLogList', () => {
    let frames: FrameRequestCallback[];

    beforeEach(() => {
        frames = [];
        jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
            frames.push(callback);
            return frames.length;
        });
    });

    afterEach(() => jest.restoreAllMocks());

    it('shows the empty text, then each entry as it comes, without rebuilding the others', () => {
        const { log, shown, built } = mounted();
        expect(shown()).toEqual(['Nothing yet.']);
        log.add('first');
        log.add('second');
        expect(shown()).toEqual(['first', 'second']);
        expect(built()).toBe(2);
    });

    it('keeps only the newest entries: `keep`, or what the log itself keeps', () => {
        const kept = mounted(2);
        for (const entry of ['a', 'b', 'c']) {
            kept.log.add(entry);
        }
        expect(kept.shown()).toEqual(['b', 'c']);

        const capped = mounted(undefined, 2);
        for (const entry of ['a', 'b', 'c']) {
            capped.log.add(entry);
        }
        expect(capped.shown()).toEqual(['b', 'c']);
    });

    it('shows the empty text again when the log is cleared', () => {
        const { log, shown } = mounted();
        log.add('first');
        log.clear();
        expect(shown()).toEqual(['Nothing yet.']);
        log.add('again');
        expect(shown()).toEqual(['again']);
    });

    it('scrolls to the newest entry once a frame, however many came in it', () => {
        const { log, list } = mounted();
        let scrolledTo: number | undefined;
        Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 480 });
        Object.defineProperty(list, 'scrollTop', {
            configurable: true,
            set: (value: number) => (scrolledTo = value)
        });
        frames.shift()?.(0);
        scrolledTo = undefined;
        log.add('first');
        log.add('second');
        expect(frames).toHaveLength(1);
        expect(scrolledTo).toBeUndefined();
        frames.shift()?.(0);
        expect(scrolledTo).toBe(480);
        log.add('third');
        expect(frames).toHaveLength(1);
    });
});
