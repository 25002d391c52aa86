import { label } from '../../i18n';

/** How typed numbers become SIP request URIs (all optional: by default a number is sent as is). */
export interface DialPlan {
    /** Dialled before external numbers, e.g. '9' for an outside line on many PBXes. */
    readonly outsidePrefix?: string;
    /** Numbers with at most this many digits are internal extensions and never prefixed (6). */
    readonly internalMaxDigits?: number;
    /** Replaces a leading + (e.g. '00' or '011') for a PBX that does not route E.164; kept by default. */
    readonly internationalPrefix?: string;
}

export type DialTarget = { ok: true; uri: string; user: string } | { ok: false; message: string };

const maxDigits = 32;
const visualSeparators = /[\s().-]/g;
const dialable = /^\+?[0-9*#]+$/;
const prefixPattern = /^[0-9*#]{0,8}$/;

/**
 * The request URI for a typed number: `sip:<number>@<domain>`, with visual separators removed,
 * a leading + kept for E.164 (or replaced by the international prefix), the outside prefix
 * added to external numbers, and # escaped as the SIP URI grammar requires.
 */
export function dialTarget(number: string, domain: string, plan: DialPlan = {}): DialTarget {
    const digits = typeof number === 'string' ? number.trim().replace(visualSeparators, '') : '';
    if (!dialable.test(digits) || digits.replace('+', '').length > maxDigits) {
        return {
            ok: false,
            message: label('Softphone_Sip_Bad_Dial_Number', String(number).slice(0, 40), maxDigits)
        };
    }
    const outsidePrefix = plan.outsidePrefix ?? '';
    const internationalPrefix = plan.internationalPrefix;
    if (!prefixPattern.test(outsidePrefix) || !prefixPattern.test(internationalPrefix ?? '')) {
        return { ok: false, message: label('Softphone_Sip_Bad_Dial_Prefixes') };
    }
    const isInternational = digits.startsWith('+');
    let user =
        isInternational && internationalPrefix !== undefined
            ? `${internationalPrefix}${digits.slice(1)}`
            : digits;
    const internal = !isInternational && digits.length <= (plan.internalMaxDigits ?? 6);
    if (!internal) {
        user = `${outsidePrefix}${user}`;
    }
    return { ok: true, user, uri: `sip:${user.replace(/#/g, '%23')}@${domain}` };
}
