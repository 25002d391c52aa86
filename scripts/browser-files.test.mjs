import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { longestFirst, partTimes, readSeconds } from './browser-files.mjs';

describe('browser files', () => {
    it('starts the files the last run timed longest first, then the untimed ones by size', () => {
        const folder = mkdtempSync(join(tmpdir(), 'browser-files-'));
        const file = (name, size) => {
            writeFileSync(join(folder, name), 'x'.repeat(size));
            return join(folder, name);
        };
        const [short, long, small, big] = [
            file('short.test.mjs', 10),
            file('long.test.mjs', 10),
            file('small.test.mjs', 5),
            file('big.test.mjs', 50)
        ];
        assert.deepEqual(longestFirst([small, short, big, long], { [short]: 3, [long]: 80 }), [
            long,
            short,
            big,
            small
        ]);
    });

    it('reads a times file, and {} when it is missing or not an object of JSON', () => {
        const folder = mkdtempSync(join(tmpdir(), 'browser-seconds-'));
        writeFileSync(join(folder, 'good.json'), '{"a.test.mjs": 2.5}');
        writeFileSync(join(folder, 'list.json'), '[1]');
        writeFileSync(join(folder, 'broken.json'), '{');
        assert.deepEqual(readSeconds(join(folder, 'good.json')), { 'a.test.mjs': 2.5 });
        assert.deepEqual(readSeconds(join(folder, 'list.json')), {});
        assert.deepEqual(readSeconds(join(folder, 'broken.json')), {});
        assert.deepEqual(readSeconds(join(folder, 'missing.json')), {});
    });

    it("prints each part's files, their time and the longest, from the reporter's absolute paths", () => {
        const { seconds, lines } = partTimes(
            {
                '/repo/test/journeys/a.journey.test.mjs': 10,
                '/repo/test/journeys/b.journey.test.mjs': 30.25
            },
            [
                {
                    name: 'agent journeys',
                    files: ['test/journeys/a.journey.test.mjs', 'test/journeys/b.journey.test.mjs']
                },
                { name: 'browser tests', files: ['test/browser/c.test.mjs'] }
            ],
            '/repo'
        );
        assert.deepEqual(seconds, {
            'test/journeys/a.journey.test.mjs': 10,
            'test/journeys/b.journey.test.mjs': 30.25
        });
        assert.deepEqual(lines, [
            'agent journeys: 2 files, 40.3 s of tests (longest b.journey.test.mjs 30.3 s)',
            'browser tests: 1 files, 0.0 s of tests'
        ]);
    });
});
