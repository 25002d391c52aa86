import type { Clock } from '../calls/call-model';
import type { Scheduler } from '../telephony/scheduler';
import { parseSessionSnapshot, type SessionSnapshot } from './session-snapshot';

/** The part of Web Storage used (sessionStorage in the browser; a Map-backed fake in tests). */
export interface KeyValueStorage {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
}

const KEY = 'open-cti-softphone.session';
const HEARTBEAT_MS = 2000;

/**
 * Keeps the softphone's session snapshot in storage: written on every change and refreshed by a
 * heartbeat, so a reload knows what was live and until when. Storage that throws (blocked,
 * full) only costs the resilience, never the softphone.
 */
export class SessionStore {
    private latest: Omit<SessionSnapshot, 'lastAliveAt'> | undefined;
    private heartbeat: unknown;

    constructor(
        private readonly storage: KeyValueStorage | undefined,
        private readonly clock: Clock,
        private readonly scheduler: Scheduler
    ) {}

    /** The snapshot the previous page left, removed so it is handled once. */
    takePrevious(): SessionSnapshot | undefined {
        try {
            const previous = parseSessionSnapshot(this.storage?.getItem(KEY) ?? null);
            this.storage?.removeItem(KEY);
            return previous;
        } catch {
            return undefined;
        }
    }

    save(snapshot: Omit<SessionSnapshot, 'lastAliveAt'>): void {
        this.latest = snapshot;
        this.write();
    }

    /** Starts the heartbeat that keeps lastAliveAt fresh while calls are live. */
    start(): void {
        const beat = () => {
            // lastAliveAt only dates live calls: an idle softphone need not write every beat.
            if ((this.latest?.liveCalls.length ?? 0) > 0) {
                this.write();
            }
            this.heartbeat = this.scheduler.setTimeout(beat, HEARTBEAT_MS);
        };
        this.heartbeat = this.scheduler.setTimeout(beat, HEARTBEAT_MS);
    }

    stop(): void {
        this.scheduler.clearTimeout(this.heartbeat);
    }

    /** Called on pagehide: the most exact "last alive" time there is. */
    flush(): void {
        this.write();
    }

    private write(): void {
        if (this.latest === undefined) {
            return;
        }
        try {
            this.storage?.setItem(
                KEY,
                JSON.stringify({ ...this.latest, lastAliveAt: this.clock.now() })
            );
        } catch {
            // Blocked or full storage: the next reload simply starts fresh.
        }
    }
}
