import {
    DEFAULT_DIAGNOSTIC_CAPACITY,
    DiagnosticLog,
    MAX_DIAGNOSTIC_CAPACITY,
    isoTime
} from './diagnostic-log';
import type { DiagnosticLevel } from './diagnostic-log';
import { REDACTED } from './redact';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

function manualClock(start = T0) {
    let now = start;
    return {
        now: () => now,
        advance: (ms: number) => {
            now += ms;
        }
    };
}

describe('DiagnosticLog', () => {
    it('records entries with the injected clock, oldest first', () => {
        const clock = manualClock();
        const log = new DiagnosticLog({ clock });
        log.record({ level: 'info', event: 'connected' });
        clock.advance(1500);
        log.record({ level: 'warn', event: 'callStarted', details: { callId: 'sim-1' } });
        expect(log.entries()).toEqual([
            { at: T0, level: 'info', event: 'connected' },
            { at: T0 + 1500, level: 'warn', event: 'callStarted', details: { callId: 'sim-1' } }
        ]);
        expect(log.size).toBe(2);
        expect(log.capacity).toBe(DEFAULT_DIAGNOSTIC_CAPACITY);
    });

    it('is a ring buffer: the oldest entries go first once it is full', () => {
        const clock = manualClock();
        const log = new DiagnosticLog({ clock, capacity: 3 });
        for (let index = 1; index <= 8; index += 1) {
            clock.advance(1);
            log.record({ level: 'debug', event: `event ${index}` });
        }
        expect(log.entries().map((entry) => entry.event)).toEqual([
            'event 6',
            'event 7',
            'event 8'
        ]);
        expect(log.size).toBe(3);
        expect(log.dropped).toBe(5);
        log.clear();
        expect(log.entries()).toEqual([]);
        expect(log.dropped).toBe(0);
        log.record({ level: 'info', event: 'after clear' });
        expect(log.entries().map((entry) => entry.event)).toEqual(['after clear']);
    });

    it('keeps memory bounded over a long day (10,000 events, 500 kept)', () => {
        const log = new DiagnosticLog({ clock: manualClock() });
        for (let index = 0; index < 10_000; index += 1) {
            log.record({
                level: 'info',
                event: 'stateChanged',
                details: { index, from: '+14155550101', note: 'x'.repeat(2000) }
            });
        }
        expect(log.size).toBe(DEFAULT_DIAGNOSTIC_CAPACITY);
        expect(log.entries()[0]?.details?.index).toBe(10_000 - DEFAULT_DIAGNOSTIC_CAPACITY);
        expect(log.toText().length).toBeLessThan(DEFAULT_DIAGNOSTIC_CAPACITY * 600);
    });

    it.each([
        [0, 1],
        [-5, 1],
        [2.7, 2],
        [NaN, DEFAULT_DIAGNOSTIC_CAPACITY],
        [Infinity, DEFAULT_DIAGNOSTIC_CAPACITY],
        [1e9, MAX_DIAGNOSTIC_CAPACITY]
    ])('bounds capacity %p to %p', (asked, capacity) => {
        expect(new DiagnosticLog({ clock: manualClock(), capacity: asked }).capacity).toBe(
            capacity
        );
    });

    it('masks phone numbers unless the admin allows them, and never stores credentials', () => {
        const input = {
            level: 'info' as const,
            event: 'Incoming call from +14155550101',
            details: { from: '+14155550101', fromName: 'Maria', password: 'pw', token: 'tk' }
        };
        const maskedLog = new DiagnosticLog({ clock: manualClock() });
        const shownLog = new DiagnosticLog({ clock: manualClock(), showNumbers: true });
        maskedLog.record(input);
        shownLog.record(input);
        expect(maskedLog.entries()[0]).toMatchObject({
            event: 'Incoming call from +1••••••0101',
            details: {
                from: '+1••••••0101',
                fromName: 'Maria',
                password: REDACTED,
                token: REDACTED
            }
        });
        expect(shownLog.entries()[0]).toMatchObject({
            event: 'Incoming call from +14155550101',
            details: { from: '+14155550101', password: REDACTED, token: REDACTED }
        });
        expect(maskedLog.showNumbers).toBe(false);
        expect(shownLog.showNumbers).toBe(true);
        expect(maskedLog.toText()).not.toContain('4155550101');
        maskedLog.record({ level: 'warn', event: 'REGISTER failed, password=hunter2 token: abc' });
        expect(maskedLog.entries()[1]?.event).toBe(
            'REGISTER failed, password=[redacted] token: [redacted]'
        );
        expect(shownLog.toText()).not.toMatch(/\bpw\b|\btk\b/);
    });

    it('never throws: a failing clock, a hostile detail, a wrong level or event', () => {
        const log = new DiagnosticLog({
            clock: {
                now: () => {
                    throw new Error('clock');
                }
            }
        });
        const hostile = new Proxy(
            {},
            {
                ownKeys() {
                    throw new Error('nope');
                }
            }
        );
        expect(() => {
            log.record({ level: 'info', event: 'a', details: hostile });
            log.record({ level: 'loud' as DiagnosticLevel, event: 42 as unknown as string });
            log.record({ level: 'error', event: '' });
        }).not.toThrow();
        expect(log.entries()).toEqual([
            { at: 0, level: 'info', event: 'a', details: { value: '[unreadable]' } },
            { at: 0, level: 'info', event: '(no event)' },
            { at: 0, level: 'error', event: '(no event)' }
        ]);
    });

    it('bounds and escapes the event text', () => {
        const log = new DiagnosticLog({ clock: manualClock() });
        log.record({ level: 'info', event: `line one\nline two\u202E${'x'.repeat(5000)}` });
        const event = log.entries()[0]?.event ?? '';
        expect(event).not.toMatch(/[\n\u202e]/);
        expect(event.length).toBeLessThan(230);
    });

    it('writes one line per entry under a header', () => {
        const clock = manualClock();
        const log = new DiagnosticLog({
            clock,
            capacity: 2,
            context: { 'Softphone version': '0.1.0', Connector: 'Simulator' }
        });
        log.record({ level: 'info', event: 'first' });
        log.record({ level: 'info', event: 'callStarted', details: { fromName: 'a\nb' } });
        log.record({ level: 'error', event: 'callEnded', details: { outcome: 'Rejected' } });
        clock.advance(60_000);
        expect(log.toText()).toBe(
            [
                'Open CTI Softphone diagnostic log',
                'Generated: 2026-01-15T12:01:00.000Z',
                'Softphone version: 0.1.0',
                'Connector: Simulator',
                'Phone numbers: masked',
                'Entries: 2 (capacity 2, 1 older entries dropped)',
                '',
                '2026-01-15T12:00:00.000Z INFO  callStarted {"fromName":"a\\\\u000ab"}',
                '2026-01-15T12:00:00.000Z ERROR callEnded {"outcome":"Rejected"}',
                ''
            ].join('\n')
        );
    });

    it('shows a time no Date can hold as the raw number', () => {
        expect(isoTime(T0)).toBe('2026-01-15T12:00:00.000Z');
        expect(isoTime(8.64e15 + 1)).toBe('8640000000000001');
    });
});
