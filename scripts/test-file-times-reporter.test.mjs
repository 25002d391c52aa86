import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const reporter = fileURLToPath(new URL('./test-file-times-reporter.mjs', import.meta.url));

describe('the test file times reporter', () => {
    it("sums each file's top-level suites, passed or failed, and writes one JSON object at the end", () => {
        const folder = mkdtempSync(join(tmpdir(), 'file-times-'));
        const wait = 'await new Promise((resolve) => setTimeout(resolve, 150));';
        const passing = join(folder, 'passing.test.mjs');
        const failing = join(folder, 'failing.test.mjs');
        writeFileSync(
            passing,
            `import { describe, it } from 'node:test';
describe('one', () => { it('waits', async () => { ${wait} }); });
describe('two', () => { it('waits too', async () => { ${wait} }); });
`
        );
        writeFileSync(
            failing,
            `import { it } from 'node:test';
it('fails', async () => { ${wait} throw new Error('no'); });
`
        );
        const output = join(folder, 'times.json');
        // Without the outer run's context, which would make this run report to it instead.
        const env = { ...process.env };
        delete env.NODE_TEST_CONTEXT;
        const run = spawnSync(
            process.execPath,
            [
                '--test',
                `--test-reporter=${reporter}`,
                `--test-reporter-destination=${output}`,
                passing,
                failing
            ],
            { encoding: 'utf8', env }
        );
        assert.equal(run.status, 1, 'the failing file fails the run');
        const times = JSON.parse(readFileSync(output, 'utf8'));
        assert.deepEqual(Object.keys(times).sort(), [failing, passing].sort());
        assert.ok(times[passing] >= 0.3, `two suites of 0.15 s: ${times[passing]}`);
        assert.ok(times[failing] >= 0.15 && times[failing] < times[passing], `${times[failing]}`);
    });
});
