import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    commandOf,
    commandsOf,
    flagValues,
    runScript,
    sandboxPerTest
} from './stand-in/harness.mjs';

const sandbox = sandboxPerTest();

const createVersion = (box, args = []) => runScript(box, 'create-package-version.mjs', args);
const promote = (box, args) => runScript(box, 'promote-package-version.mjs', args);

describe('npm run package:promote', { concurrency: true }, () => {
    test('a version created by package:version is promoted and then installs in any org', async () => {
        const box = sandbox();
        assert.equal((await createVersion(box)).status, 0);

        const run = await promote(box, [
            '--package',
            '04t000000000001AAA',
            '--target-dev-hub',
            'devhub'
        ]);

        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(commandsOf(run.calls), [
            'sf package version report',
            'sf package version promote'
        ]);
        const promoteCall = run.calls.find(
            (call) => commandOf(call) === 'sf package version promote'
        );
        assert.deepEqual(flagValues(promoteCall, '--package'), ['04t000000000001AAA']);
        assert.deepEqual(flagValues(promoteCall, '--target-dev-hub'), ['devhub']);
        assert.ok(promoteCall.args.includes('--no-prompt'));
        assert.match(run.stdout, /Released: installs in any org \(production, sandbox, scratch\)/);
        assert.match(
            run.stdout,
            /Install URL \(production, Developer Edition\): https:\/\/login\.salesforce\.com\/packaging\/installPackage\.apexp\?p0=04t000000000001AAA/
        );
        assert.match(
            run.stdout,
            /Install URL \(sandbox\): +https:\/\/test\.salesforce\.com\/packaging\/installPackage\.apexp\?p0=04t000000000001AAA/
        );
        assert.match(
            run.stdout,
            /sf package install --package 04t000000000001AAA --target-org <org>/
        );
    });

    test('a version named by its alias is promoted by its 04t id', async () => {
        const box = sandbox();
        await createVersion(box);

        const run = await promote(box, ['--package', 'Open CTI Softphone@0.1.0-1']);

        assert.equal(run.status, 0, run.stderr);
        const promoteCall = run.calls.find(
            (call) => commandOf(call) === 'sf package version promote'
        );
        assert.deepEqual(flagValues(promoteCall, '--package'), ['04t000000000001AAA']);
    });

    test('a --beta-only version is refused before promoting, with what to do', async () => {
        const box = sandbox();
        await createVersion(box, ['--beta-only']);

        const run = await promote(box, ['--package', '04t000000000001AAA']);

        assert.equal(run.status, 1);
        assert.deepEqual(commandsOf(run.calls), ['sf package version report']);
        assert.match(
            run.stderr,
            /0\.1\.0\.1 was created without code coverage or validation: it cannot be promoted/
        );
        assert.match(
            run.stderr,
            /What to do: Create a new version with npm run package:version \(without --beta-only\)/
        );
        assert.doesNotMatch(run.stdout, /Released/);
    });

    test('the CLI refusing the promotion stops with its words', async () => {
        const box = sandbox({
            world: { fail: { 'package version promote': 'package-version-promote-no-coverage' } }
        });
        await createVersion(box);

        const run = await promote(box, ['--package', '04t000000000001AAA']);

        assert.equal(run.status, 1);
        assert.match(run.stderr, /Code coverage has not been run for this version/);
        assert.match(
            run.stderr,
            /What to do: A version per major\.minor\.patch can be released once/
        );
    });

    test('a released version is not promoted again; its URLs are printed', async () => {
        const box = sandbox();
        await createVersion(box);
        await promote(box, ['--package', '04t000000000001AAA']);

        const run = await promote(box, ['--package', '04t000000000001AAA']);

        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(commandsOf(run.calls), ['sf package version report']);
        assert.match(run.stdout, /0\.1\.0\.1 is already released/);
        assert.match(run.stdout, /Released: installs in any org/);
    });

    test('an unknown version fails with the CLI error', async () => {
        const box = sandbox();

        const run = await promote(box, ['--package', '04t0000000000ZZAAA']);

        assert.equal(run.status, 1);
        assert.match(run.stderr, /No package version found/);
        assert.match(run.stderr, /What to do: Check the --package value/);
    });

    test('--package is required', async () => {
        const box = sandbox();

        const run = await promote(box, []);

        assert.equal(run.status, 2);
        assert.match(run.stderr, /--package is required/);
        assert.match(run.stderr, /Usage: npm run package:promote/);
        assert.deepEqual(run.calls, []);
    });
});
