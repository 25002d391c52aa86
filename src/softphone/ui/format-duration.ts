/** Whole seconds, never negative (a clock skew must not show "-0:01"). */
function wholeSeconds(seconds: number): number {
    return Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
}

function pad(value: number): string {
    return String(value).padStart(2, '0');
}

/** A running call timer: "mm:ss", or "h:mm:ss" past an hour. */
export function formatTimer(seconds: number): string {
    const total = wholeSeconds(seconds);
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const rest = total % 60;
    return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
}

/** A length of time as read in a sentence or a list: "0:42", "12:05", "1:02:03". */
export function formatDuration(seconds: number): string {
    const total = wholeSeconds(seconds);
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const rest = total % 60;
    return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}

/** Seconds from now until an epoch-ms deadline, rounded up so "0:00" shows only at the end. */
export function secondsUntil(deadline: number, now: number): number {
    return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Seconds elapsed since an epoch-ms start. */
export function secondsSince(start: number, now: number): number {
    return Math.max(0, Math.floor((now - start) / 1000));
}
