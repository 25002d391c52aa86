import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReleaseNotesFile } from './changelog.mjs';
import {
    commandOf,
    commandsOf,
    flagValues,
    runScript,
    sandboxPerTest
} from './stand-in/harness.mjs';

const sandbox = sandboxPerTest();
const repoRoot = join(import.meta.dirname, '..', '..');
const changelogSection = readReleaseNotesFile(repoRoot, '0.1.0');

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
        // The CLI requires --code-coverage of any version to be promoted, Apex or not.
        assert.ok(version.args.includes('--code-coverage'));
        assert.deepEqual(flagValues(version, '--version-description'), [
            changelogSection.description
        ]);
        assert.deepEqual(flagValues(version, '--version-name'), ['Foundation']);
        assert.deepEqual(flagValues(version, '--wait'), ['60']);
        assert.deepEqual(flagValues(version, '--target-dev-hub'), ['devhub']);
        assert.equal(version.args.at(-1), '--json');

        // A new version is a beta: no production URL, and it says where it installs.
        assert.match(
            run.stdout,
            /Beta: installs in scratch orgs and sandboxes only, not in production/
        );
        assert.match(
            run.stdout,
            /Install URL \(sandbox\): +https:\/\/test\.salesforce\.com\/packaging\/installPackage\.apexp\?p0=04t000000000001AAA/
        );
        assert.doesNotMatch(run.stdout, /login\.salesforce\.com/);
        assert.match(
            run.stdout,
            /sf package install --package 04t000000000001AAA --target-org <scratch org or sandbox> --wait 20 --no-prompt/
        );
        assert.match(
            run.stdout,
            /To release it for every org: npm run package:promote -- --package 04t000000000001AAA/
        );
        assert.match(
            run.stdout,
            /Release notes \(CHANGELOG\.md\):\n- Softphone in the utility bar/
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

        const run = await createVersion(box, [], {
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

    test('--beta-only skips the coverage run and says the version can never be promoted', async () => {
        const box = sandbox();

        const run = await createVersion(box, ['--beta-only']);

        assert.equal(run.status, 0, run.stderr);
        const version = run.calls.find((call) => commandOf(call) === 'sf package version create');
        assert.ok(!version.args.includes('--code-coverage'));
        assert.match(run.stdout, /Beta: installs in scratch orgs and sandboxes only/);
        assert.match(
            run.stdout,
            /Created with --beta-only \(no code coverage\): it can never be promoted/
        );
        assert.doesNotMatch(run.stdout, /npm run package:promote/);
    });

    test('a version with no CHANGELOG.md section stops before anything is built', async () => {
        const box = sandbox();
        const projectFile = join(box.project, 'sfdx-project.json');
        const project = JSON.parse(readFileSync(projectFile, 'utf8'));
        project.packageDirectories[0].versionNumber = '0.2.0.NEXT';
        writeFileSync(projectFile, JSON.stringify(project));

        const run = await createVersion(box);

        assert.equal(run.status, 1);
        assert.deepEqual(commandsOf(run.calls), []);
        assert.match(run.stderr, /CHANGELOG\.md has no "## 0\.2\.0 — <version name>" section/);
        assert.match(run.stderr, /What to do: Edit CHANGELOG\.md/);
    });
});
