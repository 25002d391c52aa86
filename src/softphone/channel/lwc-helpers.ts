// Helpers the Lightning web components share (part of the generated LWC module
// c/softphoneChannel, see lwc-module.ts), on the contract's own rules.
import * as v from 'valibot';
import { CONTRACT_LIMITS, PhoneNumberSchema, SalesforceIdSchema } from './message-contract';

/** The number as the contract accepts it for `dial` (trimmed), or null when it cannot be dialed. */
export function toDialableNumber(raw: unknown): string | null {
    if (typeof raw !== 'string') {
        return null;
    }
    const trimmed = raw.trim();
    return v.is(PhoneNumberSchema, trimmed) ? trimmed : null;
}

/** True when the value is a 15- or 18-character Salesforce Id. */
export function isSalesforceId(value: unknown): value is string {
    return v.is(SalesforceIdSchema, value);
}

/** Compares a 15- and an 18-character Id of the same record as equal. */
export function sameRecordId(left: unknown, right: unknown): boolean {
    if (!isSalesforceId(left) || !isSalesforceId(right)) {
        return false;
    }
    return left.slice(0, 15) === right.slice(0, 15);
}

/** Clips text to the contract's limit for free text (names, disposition). */
export function clipText<T>(text: T, max: number = CONTRACT_LIMITS.textMax): T | string {
    return typeof text === 'string' && text.length > max ? text.slice(0, max) : text;
}

/** 42 → "0:42", 3725 → "1:02:05"; anything else → "". */
export function formatDuration(totalSeconds: unknown): string {
    if (typeof totalSeconds !== 'number' || !Number.isFinite(totalSeconds) || totalSeconds < 0) {
        return '';
    }
    const seconds = Math.floor(totalSeconds);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = String(seconds % 60).padStart(2, '0');
    return hours > 0
        ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}`
        : `${minutes}:${rest}`;
}
