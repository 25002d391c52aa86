/**
 * The softphone's flight recorder: the last few hundred things that happened (calls, state
 * changes, errors, LMS traffic), kept in memory in a ring buffer so that an agent can download
 * them for support ("Download logs"). Nothing leaves the browser unless the agent downloads it.
 *
 *   record() ──▶ [ oldest … newest ] (capacity entries; the oldest is overwritten when full)
 *
 * What is stored is already safe to hand over: credentials are redacted, phone numbers masked
 * unless the admin allows them (showNumbers), text is bounded and escaped (see redact.ts).
 * Recording never throws: a broken log must not break a call.
 */
import type { DiagnosticRecord, RedactionOptions } from './redact';
import { clipText, sanitizeDetails, sanitizeText } from './redact';

export const DIAGNOSTIC_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type DiagnosticLevel = (typeof DIAGNOSTIC_LEVELS)[number];

export interface DiagnosticEntry {
    /** Epoch milliseconds from the injected clock. */
    readonly at: number;
    readonly level: DiagnosticLevel;
    /** What happened, e.g. 'callStarted' or 'The connector reused the id of a live call.'. */
    readonly event: string;
    readonly details?: DiagnosticRecord;
}

export interface DiagnosticInput {
    readonly level: DiagnosticLevel;
    readonly event: string;
    /** Anything: it is copied, bounded, redacted and masked before it is stored. */
    readonly details?: unknown;
}

export interface DiagnosticLogOptions {
    readonly clock: { now(): number };
    /** Entries kept; the oldest go first. Default {@link DEFAULT_DIAGNOSTIC_CAPACITY}. */
    readonly capacity?: number;
    /** The admin's "phone numbers in logs" setting; default false (numbers masked). */
    readonly showNumbers?: boolean;
    /** Written at the top of the downloaded text, e.g. { softphoneVersion: '0.1.0' }. */
    readonly context?: Readonly<Record<string, string>>;
}

export const DEFAULT_DIAGNOSTIC_CAPACITY = 500;
/** Upper bound whatever a caller asks: a log is for support, not an archive. */
export const MAX_DIAGNOSTIC_CAPACITY = 10_000;
const MAX_EVENT_LENGTH = 200;

export class DiagnosticLog {
    readonly capacity: number;
    private readonly clock: { now(): number };
    private readonly redaction: RedactionOptions;
    private readonly context: Readonly<Record<string, string>>;
    private readonly buffer: (DiagnosticEntry | undefined)[];
    /** Index of the slot the next entry goes to. */
    private next = 0;
    private count = 0;
    private droppedCount = 0;

    constructor(options: DiagnosticLogOptions) {
        this.clock = options.clock;
        this.capacity = boundedCapacity(options.capacity);
        this.redaction = { showNumbers: options.showNumbers === true };
        this.context = { ...(options.context ?? {}) };
        this.buffer = new Array<DiagnosticEntry | undefined>(this.capacity);
    }

    /** Whether phone numbers are stored as given (the admin's setting). */
    get showNumbers(): boolean {
        return this.redaction.showNumbers;
    }

    /** Entries held now (at most capacity). */
    get size(): number {
        return this.count;
    }

    /** Entries overwritten since the start (or the last clear) because the buffer was full. */
    get dropped(): number {
        return this.droppedCount;
    }

    record(input: DiagnosticInput): void {
        let entry: DiagnosticEntry;
        try {
            entry = this.toEntry(input);
        } catch {
            entry = Object.freeze({
                at: this.now(),
                level: 'warn',
                // i18n-exempt: the diagnostic log stays English, for support
                event: 'A diagnostic entry could not be recorded.'
            });
        }
        this.buffer[this.next] = entry;
        this.next = (this.next + 1) % this.capacity;
        if (this.count < this.capacity) {
            this.count += 1;
        } else {
            this.droppedCount += 1;
        }
    }

    /** The entries, oldest first (a copy). */
    entries(): readonly DiagnosticEntry[] {
        const start = (this.next - this.count + this.capacity) % this.capacity;
        const result: DiagnosticEntry[] = [];
        for (let index = 0; index < this.count; index += 1) {
            const entry = this.buffer[(start + index) % this.capacity];
            if (entry !== undefined) {
                result.push(entry);
            }
        }
        return result;
    }

    clear(): void {
        this.buffer.fill(undefined);
        this.next = 0;
        this.count = 0;
        this.droppedCount = 0;
    }

    /**
     * The log as a text file: a header, then one line per entry, oldest first:
     * `2026-01-15T12:00:00.000Z INFO  callStarted {"callId":"sim-1","from":"+1••••••0101"}`.
     */
    toText(generatedAt: number = this.now()): string {
        // i18n-exempt: the diagnostic log stays English, for support
        const dropped = this.droppedCount > 0 ? `, ${this.droppedCount} older entries dropped` : '';
        const header = [
            // i18n-exempt: the diagnostic log stays English, for support
            'Open CTI Softphone diagnostic log',
            // i18n-exempt: the diagnostic log stays English, for support
            `Generated: ${isoTime(generatedAt)}`,
            ...Object.entries(this.context).map(
                ([key, value]) =>
                    `${sanitizeText(key, this.redaction)}: ${sanitizeText(value, this.redaction)}`
            ),
            // i18n-exempt: the diagnostic log stays English, for support
            `Phone numbers: ${this.redaction.showNumbers ? 'shown (admin setting)' : 'masked'}`,
            // i18n-exempt: the diagnostic log stays English, for support
            `Entries: ${this.count} (capacity ${this.capacity}${dropped})`,
            ''
        ];
        const lines = this.entries().map((entry) => {
            const details = entry.details === undefined ? '' : ` ${JSON.stringify(entry.details)}`;
            return `${isoTime(entry.at)} ${entry.level.toUpperCase().padEnd(5)} ${entry.event}${details}`;
        });
        return [...header, ...lines, ''].join('\n');
    }

    private toEntry(input: DiagnosticInput): DiagnosticEntry {
        const level: DiagnosticLevel = (DIAGNOSTIC_LEVELS as readonly unknown[]).includes(
            input.level
        )
            ? input.level
            : 'info';
        const event = sanitizeText(
            // i18n-exempt: the diagnostic log stays English, for support
            typeof input.event === 'string' && input.event !== '' ? input.event : '(no event)',
            this.redaction,
            'text',
            MAX_EVENT_LENGTH
        );
        const details = sanitizeDetails(input.details, this.redaction);
        const at = this.now();
        return Object.freeze(
            details === undefined ? { at, level, event } : { at, level, event, details }
        );
    }

    /** The injected clock's time (0 if the clock fails): the download names its file with it. */
    now(): number {
        try {
            const now = this.clock.now();
            return Number.isFinite(now) ? now : 0;
        } catch {
            return 0;
        }
    }
}

function boundedCapacity(capacity: number | undefined): number {
    if (capacity === undefined || !Number.isFinite(capacity)) {
        return DEFAULT_DIAGNOSTIC_CAPACITY;
    }
    return Math.min(MAX_DIAGNOSTIC_CAPACITY, Math.max(1, Math.floor(capacity)));
}

/** ISO time, or the raw number when the clock gave something no Date can show. */
export function isoTime(at: number): string {
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? clipText(String(at), 40) : date.toISOString();
}
