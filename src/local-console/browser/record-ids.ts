/**
 * Fake but well-formed Salesforce record ids: a 3-character key prefix, a 12-character counter,
 * and the 3-character case-safety suffix Salesforce computes for 18-character ids.
 */

const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3 characters that turn a 15-character id into its 18-character form. */
export function caseSafeSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk += 1) {
        let flags = 0;
        for (let position = 0; position < 5; position += 1) {
            const char = id15.charAt(chunk * 5 + position);
            if (char >= 'A' && char <= 'Z') {
                flags |= 1 << position;
            }
        }
        suffix += suffixAlphabet.charAt(flags);
    }
    return suffix;
}

const id15Pattern = /^[A-Za-z0-9]{15}$/;
const id18Pattern = /^[A-Za-z0-9]{18}$/;

/** The 18-character form of a 15- or 18-character id, or undefined for anything else. */
export function toId18(id: string): string | undefined {
    if (id15Pattern.test(id)) {
        return id + caseSafeSuffix(id);
    }
    if (id18Pattern.test(id) && caseSafeSuffix(id.slice(0, 15)) === id.slice(15).toUpperCase()) {
        return id.slice(0, 15) + caseSafeSuffix(id.slice(0, 15));
    }
    return undefined;
}

/** Hands out ids per key prefix, counting from 1, in a deterministic order. */
export class IdGenerator {
    private readonly counters = new Map<string, number>();

    next(keyPrefix: string): string {
        const count = (this.counters.get(keyPrefix) ?? 0) + 1;
        this.counters.set(keyPrefix, count);
        const id15 = `${keyPrefix}${String(count).padStart(12, '0')}`;
        return id15 + caseSafeSuffix(id15);
    }

    reset(): void {
        this.counters.clear();
    }
}
