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

/** Fills a custom label's {0}, {1}, … with values, as text (never markup); missing ones → "". */
export function formatLabel(template: unknown, ...values: readonly unknown[]): string {
    if (typeof template !== 'string') {
        return '';
    }
    return template.replace(/\{(\d+)\}/g, (_match, index: string) => {
        const value = values[Number(index)];
        return value === undefined || value === null ? '' : String(value);
    });
}

interface CallParty {
    readonly direction?: unknown;
    readonly from?: unknown;
    readonly to?: unknown;
    readonly remoteName?: unknown;
    readonly related?: { readonly recordName?: unknown };
}

function nonEmptyText(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Who is at the other end of a call snapshot, as an agent names them: the name the phone system
 * gave, else the related record's name, else the number. "" when none is known.
 */
export function remotePartyName(call: CallParty | null | undefined): string {
    if (!call) {
        return '';
    }
    const number = call.direction === 'Inbound' ? call.from : call.to;
    return (
        nonEmptyText(call.remoteName) ??
        nonEmptyText(call.related?.recordName) ??
        nonEmptyText(number) ??
        ''
    );
}
