import { readFile, stat } from 'node:fs/promises';

/**
 * Files the console parses on every softphone load (the custom labels, their translations, the
 * call center), parsed once per version of the file: an XML parse of the labels took longer than
 * the rest of the page's rendering. A file edited on disk (its modification time or size
 * changed) is read and parsed again.
 */
export class ParsedFileCache {
    private readonly entries = new Map<
        string,
        { readonly stamp: string; readonly value: unknown }
    >();

    /**
     * The file parsed by `parse` (`kind` names the parse: one file may be read two ways), or
     * undefined when it cannot be read. A parse that throws is not kept.
     */
    async read<T>(kind: string, path: string, parse: (text: string) => T): Promise<T | undefined> {
        let stamp: string;
        try {
            const info = await stat(path);
            stamp = `${info.mtimeMs}:${info.size}`;
        } catch {
            return undefined;
        }
        const key = `${kind}\u0000${path}`;
        const cached = this.entries.get(key);
        if (cached !== undefined && cached.stamp === stamp) {
            return cached.value as T;
        }
        const text = await readFile(path, 'utf8').catch(() => undefined);
        if (text === undefined) {
            return undefined;
        }
        const value = parse(text);
        this.entries.set(key, { stamp, value });
        return value;
    }
}
