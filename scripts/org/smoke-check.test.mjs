import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    commandOf,
    readWorld,
    runScript,
    sandboxPerTest,
    updateWorld
} from './stand-in/harness.mjs';

const sandbox = sandboxPerTest();

async function sandboxWithOrg() {
    const box = sandbox();
    const setUp = await runScript(box, 'create-scratch-org.mjs', ['--no-open']);
    assert.equal(setUp.status, 0, setUp.stderr);
    return box;
}

const smokeCheck = (box) => runScript(box, 'smoke-check.mjs', ['--target-org', 'softphone']);

// Each test has its own sandbox: they run side by side (the scripts spawn many processes).
describe('the CI smoke check', { concurrency: true }, () => {
    test('an org set up by org:create passes every check, with read-only calls', async () => {
        const box = await sandboxWithOrg();

        const run = await smokeCheck(box);

        assert.equal(run.status, 0, run.stderr);
        const used = new Set(run.calls.map(commandOf));
        assert.deepEqual([...used], ['sf org display', 'sf data query']);
        assert.match(run.stdout, /\[8\/8\] The sample data is imported\n\s+ok/);
    });

    test('a user outside the call center fails the check and says how to fix it', async () => {
        const box = await sandboxWithOrg();
        const world = readWorld(box);
        world.orgs[0].callCenterId = null;
        updateWorld(box, world);

        const run = await smokeCheck(box);

        assert.equal(run.status, 1);
        assert.match(run.stderr, /FAILED: the user's call center is none/);
        assert.match(run.stderr, /What to do: Run npm run org:create again/);
    });

    test('a missing target org is a usage error', async () => {
        const box = await sandboxWithOrg();

        const run = await runScript(box, 'smoke-check.mjs');

        assert.equal(run.status, 2);
        assert.match(run.stderr, /Usage: node scripts\/org\/smoke-check\.mjs --target-org <alias>/);
    });
});
