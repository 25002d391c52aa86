import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
    commandOf,
    commandsOf,
    flagValues,
    readWorld,
    runScript,
    sandboxPerTest,
    updateWorld
} from './stand-in/harness.mjs';

const sandbox = sandboxPerTest();

const createOrg = (box, args = [], options) =>
    runScript(box, 'create-scratch-org.mjs', args, options);
const callTo = (calls, command) => calls.find((call) => commandOf(call) === command);

// Each test has its own sandbox: they run side by side (the scripts spawn many processes).
describe('npm run org:create', { concurrency: true }, () => {
    test('a first run creates, builds, deploys, assigns, adds to the call center, imports, opens', async () => {
        const box = sandbox();
        const run = await createOrg(box);

        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(commandsOf(run.calls), [
            'sf org display',
            'sf org create scratch',
            'build',
            'sf project deploy start',
            'sf org assign permset',
            'sf data query',
            'sf data query',
            'sf data update record',
            'sf data query',
            'sf data import tree',
            'sf org open'
        ]);
        const sfCalls = run.calls.filter(({ program }) => program === 'sf');
        for (const call of sfCalls) {
            assert.equal(call.args.at(-1), '--json', commandOf(call));
            assert.equal(call.skipVersionCheck, 'true');
            assert.equal(call.telemetryDisabled, 'true');
        }
        const create = callTo(run.calls, 'sf org create scratch');
        assert.deepEqual(flagValues(create, '--definition-file'), [
            'config/project-scratch-def.json'
        ]);
        assert.deepEqual(flagValues(create, '--alias'), ['softphone']);
        assert.deepEqual(callTo(run.calls, 'build').args, ['softphone']);
        const deploy = callTo(run.calls, 'sf project deploy start');
        assert.deepEqual(flagValues(deploy, '--source-dir'), ['force-app']);
        assert.deepEqual(flagValues(callTo(run.calls, 'sf org assign permset'), '--name'), [
            'Softphone_Agent',
            'Softphone_Admin'
        ]);
        const [callCenterQuery, userQuery, markerQuery] = run.calls
            .filter((call) => commandOf(call) === 'sf data query')
            .map((call) => flagValues(call, '--query')[0]);
        assert.match(callCenterQuery, /FROM CallCenter WHERE InternalName = 'OpenCtiSoftphone'/);
        assert.match(userQuery, /FROM User WHERE Username = 'test-1abc@example\.com'/);
        assert.match(markerQuery, /FROM Account WHERE Name = 'Fixture Marker Co'/);
        const update = callTo(run.calls, 'sf data update record');
        assert.deepEqual(flagValues(update, '--sobject'), ['User']);
        assert.deepEqual(flagValues(update, '--values'), ['CallCenterId=04v000000000001AAA']);
        const importTree = callTo(run.calls, 'sf data import tree');
        assert.deepEqual(flagValues(importTree, '--plan'), ['data/sample-data-plan.json']);
        const open = callTo(run.calls, 'sf org open');
        assert.deepEqual(flagValues(open, '--path'), ['lightning/app/c__Softphone_Console']);

        assert.match(
            run.stdout,
            /\[1\/7\] Scratch org "softphone"\n\s+created test-1abc@example\.com/
        );
        assert.match(run.stdout, /Softphone layout:/);
        assert.doesNotMatch(run.stdout, /frontdoor|otp=/, 'the session URL is never printed');
    });

    test('a second run on the same org reuses it and changes nothing', async () => {
        const box = sandbox();
        assert.equal((await createOrg(box)).status, 0);
        const orgBefore = readWorld(box).orgs;

        const again = await createOrg(box);

        assert.equal(again.status, 0, again.stderr);
        const ran = commandsOf(again.calls);
        for (const changing of [
            'sf org create scratch',
            'sf data update record',
            'sf data import tree'
        ]) {
            assert.ok(!ran.includes(changing), `${changing} must not run again`);
        }
        assert.deepEqual(readWorld(box).orgs, orgBefore, 'the org is as the first run left it');
        assert.match(again.stdout, /reusing test-1abc@example\.com/);
        assert.match(again.stdout, /already assigned: Softphone_Agent, Softphone_Admin/);
        assert.match(again.stdout, /already in OpenCtiSoftphone: skipped/);
        assert.match(again.stdout, /"Fixture Marker Co" is already there: skipped/);
    });

    test('a half-set-up org gets only what it lacks', async () => {
        const box = sandbox();
        await createOrg(box);
        const world = readWorld(box);
        world.orgs[0].permissionSets = ['Softphone_Agent'];
        world.orgs[0].callCenterId = null;
        updateWorld(box, world);

        const run = await createOrg(box, ['--no-open']);

        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, /assigned Softphone_Admin; already assigned: Softphone_Agent/);
        assert.ok(commandsOf(run.calls).includes('sf data update record'));
        assert.ok(!commandsOf(run.calls).includes('sf data import tree'));
        assert.deepEqual(readWorld(box).orgs[0].permissionSets, [
            'Softphone_Agent',
            'Softphone_Admin'
        ]);
    });

    test('--new creates a fresh org even when the alias has one', async () => {
        const box = sandbox();
        await createOrg(box);

        const run = await createOrg(box, ['--new', '--no-open', '--target-dev-hub', 'devhub']);

        assert.equal(run.status, 0, run.stderr);
        assert.equal(commandOf(run.calls[0]), 'sf org create scratch', 'no reuse check');
        assert.deepEqual(flagValues(run.calls[0], '--target-dev-hub'), ['devhub']);
        assert.match(run.stdout, /created test-2abc@example\.com/);
        assert.ok(
            commandsOf(run.calls).includes('sf data import tree'),
            'the new org gets the data'
        );
    });

    test('an alias naming an org that is not a scratch org is refused', async () => {
        const box = sandbox({
            world: {
                orgs: [{ alias: 'softphone', username: 'admin@prod.example.com', scratch: false }]
            }
        });

        const run = await createOrg(box);

        assert.equal(run.status, 1);
        assert.deepEqual(commandsOf(run.calls), ['sf org display']);
        assert.match(run.stderr, /admin@prod\.example\.com, which is not a scratch org/);
        assert.match(run.stderr, /What to do: Pass another --alias/);
    });

    test('a failing deploy stops the run with the CLI error and what to do', async () => {
        const box = sandbox({
            world: { fail: { 'project deploy start': 'project-deploy-start-failed' } }
        });

        const run = await createOrg(box);

        assert.equal(run.status, 1);
        assert.equal(
            commandsOf(run.calls).at(-1),
            'sf project deploy start',
            'nothing runs after it'
        );
        assert.match(run.stdout, /\[3\/7\] Deploy the metadata/);
        assert.match(
            run.stderr,
            /CallCenter OpenCtiSoftphone: Call center settings are not available for this organization/
        );
        assert.match(run.stderr, /What to do: Fix the components named above/);
        assert.match(run.stderr, /Stopped at step 3 of 7: Deploy the metadata\./);
    });

    test('no Dev Hub: the scratch org step fails with how to log in', async () => {
        const box = sandbox({
            world: { fail: { 'org create scratch': 'org-create-scratch-no-dev-hub' } }
        });

        const run = await createOrg(box);

        assert.equal(run.status, 1);
        assert.match(run.stderr, /NoDefaultDevHubError: No default dev hub found/);
        assert.match(run.stderr, /sf org login web --set-default-dev-hub/);
    });

    test('a deploy without the call center is reported before any user change', async () => {
        const box = sandbox({ world: { deployOmitsCallCenter: true } });

        const run = await createOrg(box);

        assert.equal(run.status, 1);
        assert.ok(!commandsOf(run.calls).includes('sf data update record'));
        assert.match(run.stderr, /No call center named OpenCtiSoftphone in the org/);
    });

    test('unpackaged/ is deployed after force-app when it exists', async () => {
        const box = sandbox();
        mkdirSync(join(box.project, 'unpackaged'));

        const run = await createOrg(box, ['--no-open']);

        const deploys = run.calls.filter((call) => commandOf(call) === 'sf project deploy start');
        assert.deepEqual(
            deploys.map((call) => flagValues(call, '--source-dir')[0]),
            ['force-app', 'unpackaged']
        );
    });

    test('SF_BIN picks the CLI binary instead of sf on PATH', async () => {
        const box = sandbox({ binName: 'my-sf' });

        // A PATH without any `sf`: only the override can find the CLI.
        const noCli = { PATH: box.project };
        const withoutOverride = await createOrg(box, ['--no-open'], { env: noCli });
        const withOverride = await createOrg(box, ['--no-open'], {
            env: { ...noCli, SF_BIN: box.launcher }
        });

        assert.equal(withoutOverride.status, 1);
        assert.match(withoutOverride.stderr, /Salesforce CLI \(sf\) was not found/);
        assert.equal(withOverride.status, 0, withOverride.stderr);
    });

    test('--no-open skips the browser and says how to open it later', async () => {
        const box = sandbox();

        const run = await createOrg(box, [
            '--no-open',
            '--alias',
            'ci-org',
            '--duration-days',
            '1'
        ]);

        assert.equal(run.status, 0, run.stderr);
        assert.ok(!commandsOf(run.calls).includes('sf org open'));
        assert.deepEqual(
            flagValues(callTo(run.calls, 'sf org create scratch'), '--duration-days'),
            ['1']
        );
        assert.match(
            run.stdout,
            /skipped \(--no-open\); to open it later: sf org open --target-org ci-org --path lightning\/app\/c__Softphone_Console/
        );
    });

    test('an unknown option prints the usage and runs nothing', async () => {
        const box = sandbox();

        const run = await createOrg(box, ['--alais', 'x']);

        assert.equal(run.status, 2);
        assert.match(run.stderr, /Usage: npm run org:create/);
        assert.deepEqual(run.calls, []);
    });
});
