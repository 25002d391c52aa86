// Text read from the network is capped before any regular expression sees it.
const maxInputLength = 512;
// C0/C1 controls, zero-width characters and bidirectional overrides (which can make text read
// differently from what it is).
const invisible = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Network text made fit to show as plain text: markup and invisible characters removed,
 * whitespace collapsed, cut to `maxLength` characters (code points, so no half emoji).
 */
export function plainText(value: string, maxLength: number): string {
    const text = value
        .slice(0, maxInputLength)
        .replace(/<[^>]*>/g, ' ')
        .replace(/[<>]/g, ' ')
        .replace(invisible, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return Array.from(text).slice(0, maxLength).join('').trim();
}
