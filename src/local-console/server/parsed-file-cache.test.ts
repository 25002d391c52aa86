import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParsedFileCache } from './parsed-file-cache';

describe('files the console parses on every load', () => {
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'parsed-file-cache-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('parses a file once while it is unchanged, and again once it is edited', async () => {
        const file = join(dir, 'labels.xml');
        writeFileSync(file, 'one');
        const cache = new ParsedFileCache();
        const parses: string[] = [];
        const parse = (text: string) => {
            parses.push(text);
            return text.toUpperCase();
        };
        await expect(cache.read('labels', file, parse)).resolves.toBe('ONE');
        await expect(cache.read('labels', file, parse)).resolves.toBe('ONE');
        expect(parses).toEqual(['one']);
        writeFileSync(file, 'three');
        utimesSync(file, new Date(), new Date(Date.now() + 5000));
        await expect(cache.read('labels', file, parse)).resolves.toBe('THREE');
        expect(parses).toEqual(['one', 'three']);
    });

    it('keeps each way of reading a file apart', async () => {
        const file = join(dir, 'x.xml');
        writeFileSync(file, 'abc');
        const cache = new ParsedFileCache();
        await expect(cache.read('upper', file, (text) => text.toUpperCase())).resolves.toBe('ABC');
        await expect(cache.read('length', file, (text) => text.length)).resolves.toBe(3);
    });

    it('gives undefined for a missing file and does not keep a parse that throws', async () => {
        const cache = new ParsedFileCache();
        await expect(cache.read('x', join(dir, 'missing.xml'), (text) => text)).resolves.toBe(
            undefined
        );
        const file = join(dir, 'bad.xml');
        writeFileSync(file, 'bad');
        let calls = 0;
        const parse = () => {
            calls += 1;
            throw new Error('not XML');
        };
        await expect(cache.read('x', file, parse)).rejects.toThrow('not XML');
        await expect(cache.read('x', file, parse)).rejects.toThrow('not XML');
        expect(calls).toBe(2);
    });
});
