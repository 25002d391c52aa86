/**
 * The strength rule for LISTENER_SECRET and every agent token (docs/admin-guide.md states it):
 * 32-256 visible ASCII characters (no spaces), of at least two kinds (lower-case letters,
 * upper-case letters, digits, symbols), with at least 10 different characters. Random values
 * (`--generate-token`, `openssl rand -hex 32`, `openssl rand -base64 32`) always pass; words,
 * repeated characters and short values do not.
 */
export const secretRule = {
    minLength: 32,
    maxLength: 256,
    minKinds: 2,
    minDistinct: 10
} as const;

const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** What makes `value` too weak, as the end of a sentence; undefined when it is strong. */
export function secretWeakness(value: string): string | undefined {
    if (!/^[\x21-\x7e]*$/.test(value)) {
        return 'it must be visible ASCII characters, without spaces';
    }
    if (value.length < secretRule.minLength || value.length > secretRule.maxLength) {
        return `it must be ${secretRule.minLength}-${secretRule.maxLength} characters long (it has ${value.length})`;
    }
    if (kinds.filter((kind) => kind.test(value)).length < secretRule.minKinds) {
        return 'it must mix at least two kinds of characters (lower-case, upper-case, digits, symbols)';
    }
    if (new Set(value).size < secretRule.minDistinct) {
        return `it must have at least ${secretRule.minDistinct} different characters`;
    }
    return undefined;
}
