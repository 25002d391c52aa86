import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    commandOf,
    commandsOf,
    flagValues,
    runScript,
    sandboxPerTest
} from './stand-in/harness.mjs';

const sandbox = sandboxPerTest();

const createVersion = (box, args = [], options) =>
    runScript(box, 'create-package-version.mjs', args, options);
const packageAliases = (box) =>
    JSON.parse(readFileSync(join(box.project, 'sfdx-project.json'), 'utf8')).packageAliases;

// Each test has its own sandbox: they run side by side (the scripts spawn many processes).
describe('npm run package:version', { concurrency: true }, () => {
    test('without a package alias: builds, creates the package, then the version', async () => {
        const box = sandbox();

        const run = await createVersion(box, ['--target-dev-hub', 'devhub']);

        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(commandsOf(run.calls), [
            'build',
            'sf package create',
            'sf package version create'
        ]);
        const [, create, version] = run.calls;
        assert.deepEqual(flagValues(create, '--name'), ['Open CTI Softphone']);
        assert.deepEqual(flagValues(create, '--package-type'), ['Unlocked']);
        assert.deepEqual(flagValues(create, '--path'), ['force-app']);
        assert.ok(create.args.includes('--no-namespace'));
        assert.deepEqual(flagValues(version, '--package'), ['Open CTI Softphone']);
        assert.ok(version.args.includes('--installation-key-bypass'));
        assert.ok(
            !version.args.includes('--code-coverage'),
            'no Apex, so no coverage run by default'
        );
        assert.deepEqual(flagValues(version, '--wait'), ['60']);
        assert.deepEqual(flagValues(version, '--target-dev-hub'), ['devhub']);
        assert.equal(version.args.at(-1), '--json');

        assert.match(
            run.stdout,
            /Install URL: +https:\/\/login\.salesforce\.com\/packaging\/installPackage\.apexp\?p0=04t000000000001AAA/
        );
        assert.match(run.stdout, /test\.salesforce\.com\/packaging\/installPackage\.apexp\?p0=04t/);
        assert.match(
            run.stdout,
            /sf package install --package 04t000000000001AAA --target-org <org> --wait 20 --no-prompt/
        );
        assert.match(run.stdout, /commit the packageAliases/);
    });

    test('with a package alias: only the version is created', async () => {
        const box = sandbox();
        await createVersion(box);
        assert.equal(packageAliases(box)['Open CTI Softphone'], '0Ho000000000001AAA');

        const run = await createVersion(box);

        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(commandsOf(run.calls), ['build', 'sf package version create']);
        assert.match(run.stdout, /"Open CTI Softphone" exists \(0Ho000000000001AAA\)/);
    });

    test('an installation key replaces the bypass and is never printed', async () => {
        const box = sandbox();

        const run = await createVersion(box, ['--code-coverage'], {
            env: { PACKAGE_INSTALLATION_KEY: 's3cret-key' }
        });

        assert.equal(run.status, 0, run.stderr);
        const version = run.calls.find((call) => commandOf(call) === 'sf package version create');
        assert.deepEqual(flagValues(version, '--installation-key'), ['s3cret-key']);
        assert.ok(!version.args.includes('--installation-key-bypass'));
        assert.ok(version.args.includes('--code-coverage'));
        assert.doesNotMatch(run.stdout + run.stderr, /s3cret-key/);
        assert.match(run.stdout, /--installation-key <key>/);
    });

    test('a version still in progress after the wait fails with how to follow it', async () => {
        const box = sandbox({ world: { packageVersionStatus: 'InProgress' } });

        const run = await createVersion(box, ['--wait', '1']);

        assert.equal(run.status, 1);
        assert.match(run.stderr, /not ready after 1 minutes \(status InProgress\)/);
        assert.match(
            run.stderr,
            /sf package version create report --package-create-request-id 08c000000000001AAA/
        );
        assert.doesNotMatch(run.stdout, /Install URL/);
    });

    test('a failed version stops with the CLI error', async () => {
        const box = sandbox({
            world: { fail: { 'package version create': 'package-version-create-failed' } }
        });

        const run = await createVersion(box);

        assert.equal(run.status, 1);
        assert.match(run.stderr, /MultipleErrorsError: Multiple errors occurred/);
        assert.match(run.stderr, /utility bar Softphone_Console_UtilityBar could not be found/);
        assert.match(run.stderr, /What to do: Fix the errors named above/);
    });

    test('a failure with an installation key does not print the key', async () => {
        const box = sandbox({
            world: { fail: { 'package version create': 'package-version-create-failed' } }
        });

        const run = await createVersion(box, ['--installation-key', 's3cret-key']);

        assert.equal(run.status, 1);
        assert.match(run.stderr, /--installation-key <redacted>/);
        assert.doesNotMatch(run.stdout + run.stderr, /s3cret-key/);
    });
});
