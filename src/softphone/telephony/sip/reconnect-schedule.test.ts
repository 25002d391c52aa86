import { computeRetryDelay } from '../../shared/backoff';
import type { Scheduler } from '../scheduler';
import { ReconnectSchedule, sipReconnectPolicy } from './reconnect-schedule';

/** A fake clock: timers run when advance() passes their time. */
function fakeClock() {
    let now = 0;
    let next = 1;
    const timers = new Map<number, { at: number; run: () => void }>();
    const scheduler: Scheduler = {
        setTimeout: (run, delayMs) => {
            const id = next++;
            timers.set(id, { at: now + delayMs, run });
            return id;
        },
        clearTimeout: (id) => {
            timers.delete(id as number);
        }
    };
    return {
        scheduler,
        now: () => now,
        pending: () => timers.size,
        advance(ms: number) {
            const until = now + ms;
            for (;;) {
                const due = [...timers].filter(([, timer]) => timer.at <= until);
                const first = due.sort((a, b) => a[1].at - b[1].at)[0];
                if (!first) {
                    break;
                }
                timers.delete(first[0]);
                now = first[1].at;
                first[1].run();
            }
            now = until;
        }
    };
}

describe('ReconnectSchedule', () => {
    it('tries again after growing, jittered delays, capped at 3 s', () => {
        const clock = fakeClock();
        const schedule = new ReconnectSchedule(clock.scheduler, () => 0.5);
        const attempts: number[] = [];
        const retry = () => {
            attempts.push(clock.now());
            // Each attempt fails while the server is down: the WebSocket closes again.
            schedule.lost(retry);
        };
        schedule.lost(retry);
        clock.advance(20_000);
        const gaps = attempts.map((at, index) => at - (attempts[index - 1] ?? 0));
        expect(gaps.slice(0, 5)).toEqual([375, 750, 1500, 2250, 2250]);
        expect(Math.max(...gaps)).toBe(2250);
    });

    it('never waits more than 3 s between attempts, whatever the draw', () => {
        for (const draw of [0, 0.25, 0.999999, 1, Number.NaN]) {
            for (let attempt = 1; attempt <= 40; attempt += 1) {
                const delay = computeRetryDelay(attempt, () => draw, sipReconnectPolicy);
                expect(delay).toBeGreaterThanOrEqual(250);
                expect(delay).toBeLessThanOrEqual(3000);
            }
        }
    });

    it('spreads agents cut off together: different draws, different moments', () => {
        const clock = fakeClock();
        const firstTries = [0, 0.5, 0.99].map((draw) => {
            const schedule = new ReconnectSchedule(clock.scheduler, () => draw);
            for (let attempt = 0; attempt < 6; attempt += 1) {
                schedule.lost(() => undefined);
            }
            return schedule.lost(() => undefined);
        });
        expect(new Set(firstTries).size).toBe(3);
    });

    it('is registered within one step after the server returns, over 20 restarts', () => {
        // A server down for 1–40 s, 20 times; the agent's attempts follow the schedule.
        let seed = 7;
        const random = () => {
            seed = (seed * 16807) % 2147483647;
            return seed / 2147483647;
        };
        const waits: number[] = [];
        for (let restart = 0; restart < 20; restart += 1) {
            const clock = fakeClock();
            const downMs = 1000 + Math.floor(random() * 39_000);
            const schedule = new ReconnectSchedule(clock.scheduler, random);
            let back: number | undefined;
            const retry = () => {
                if (clock.now() >= downMs) {
                    back = clock.now();
                    schedule.connected();
                } else {
                    schedule.lost(retry);
                }
            };
            schedule.lost(retry);
            clock.advance(60_000);
            waits.push((back ?? Infinity) - downMs);
        }
        expect(Math.max(...waits)).toBeLessThanOrEqual(3000);
    });

    it('starts again from the shortest delay once connected, and cancels a pending attempt', () => {
        const clock = fakeClock();
        const schedule = new ReconnectSchedule(clock.scheduler, () => 1);
        const tries: number[] = [];
        schedule.lost(() => tries.push(1));
        schedule.lost(() => tries.push(2));
        expect(clock.pending()).toBe(1);
        schedule.connected();
        expect(clock.pending()).toBe(0);
        expect(schedule.lost(() => tries.push(3))).toBe(500);
        schedule.cancel();
        schedule.cancel();
        clock.advance(10_000);
        expect(tries).toEqual([]);
    });
});
