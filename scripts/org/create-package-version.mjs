// `npm run package:version`: a new version of the unlocked package, with its install URLs and the
// `sf package install` command. Creates the package first when sfdx-project.json has no alias for
// it. Versions are created with code coverage, which the CLI requires of any version to be
// promoted (`sf package version create --help`), and take their description from CHANGELOG.md.
// A new version is a beta: it installs in scratch orgs and sandboxes only, until
// `npm run package:promote` releases it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readReleaseNotesFile, releaseOf } from './changelog.mjs';
import { runSf } from './sf-cli.mjs';
import {
    buildSoftphoneStep,
    expectSuccess,
    runCommand,
    runSteps,
    StepFailure
} from './step-runner.mjs';

export const installUrlBases = {
    production: 'https://login.salesforce.com/packaging/installPackage.apexp?p0=',
    sandbox: 'https://test.salesforce.com/packaging/installPackage.apexp?p0='
};

const usage = `Usage: npm run package:version -- [options]

Creates a new version of the unlocked package named in sfdx-project.json (creating the package
first if sfdx-project.json has no alias for it), waits for it, and prints how to install it. The
version's description and name come from its CHANGELOG.md section. It is a beta version: it
installs in scratch orgs and sandboxes only; npm run package:promote releases it for every org.

Options:
  --target-dev-hub <name>     Dev Hub username or alias (default: your default Dev Hub)
  --installation-key <key>    protect the version with a key (or set PACKAGE_INSTALLATION_KEY);
                              without one the version installs without a key
  --beta-only                 skip the code-coverage run: quicker, but the version can never be
                              promoted (the CLI requires --code-coverage for that, even without Apex)
  --wait <minutes>            how long to wait for the version (default: 60)
  --help                      show this help
`;

function readOptions(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            'target-dev-hub': { type: 'string' },
            'installation-key': { type: 'string' },
            'beta-only': { type: 'boolean', default: false },
            wait: { type: 'string', default: '60' },
            help: { type: 'boolean', default: false }
        }
    });
    return values;
}

/** { name, path, aliases } of the default package directory in sfdx-project.json. */
export function readPackageDescriptor(projectRoot) {
    const project = JSON.parse(readFileSync(join(projectRoot, 'sfdx-project.json'), 'utf8'));
    const directories = project.packageDirectories ?? [];
    const directory = directories.find((entry) => entry.default) ?? directories[0];
    if (!directory?.package) {
        throw new Error('sfdx-project.json has no package directory with a "package" name');
    }
    return {
        name: directory.package,
        path: directory.path,
        versionNumber: directory.versionNumber,
        aliases: project.packageAliases ?? {}
    };
}

const hubFlag = (options) =>
    options['target-dev-hub'] ? ['--target-dev-hub', options['target-dev-hub']] : [];

const loginHint =
    'Log in to your Dev Hub (sf org login web --set-default-dev-hub --alias devhub) or pass --target-dev-hub; packaging must be enabled in it (Setup > Dev Hub > Enable Unlocked Packages and Second-Generation Managed Packages).';

const releaseNotesStep = {
    title: 'Release notes (CHANGELOG.md)',
    run(context) {
        const { versionNumber } = readPackageDescriptor(context.cli.projectRoot);
        let release;
        try {
            release = releaseOf(versionNumber);
        } catch (error) {
            throw new StepFailure(error.message, 'Set versionNumber to e.g. 0.2.0.NEXT.');
        }
        const notes = readReleaseNotesFile(context.cli.projectRoot, release);
        if (notes instanceof Error) {
            throw new StepFailure(
                notes.message,
                'Edit CHANGELOG.md and run npm run package:version again.'
            );
        }
        context.releaseNotes = notes;
        return `${release}${notes.name ? ` "${notes.name}"` : ''}: ${notes.description}`;
    }
};

const buildStep = buildSoftphoneStep(
    'Fix the build error (npm run build shows it) and run npm run package:version again.'
);

function packageStep(options) {
    return {
        title: 'Package',
        run(context) {
            const { name, path, aliases } = readPackageDescriptor(context.cli.projectRoot);
            context.packageName = name;
            if (aliases[name]) {
                return `"${name}" exists (${aliases[name]})`;
            }
            const { result } = expectSuccess(
                runSf(
                    [
                        'package',
                        'create',
                        '--name',
                        name,
                        '--package-type',
                        'Unlocked',
                        '--path',
                        path,
                        '--no-namespace',
                        ...hubFlag(options)
                    ],
                    context.cli
                ),
                loginHint
            );
            // The CLI records the new package's alias in sfdx-project.json.
            return `created "${name}" (${result?.Id}); commit the packageAliases it added to sfdx-project.json`;
        }
    };
}

function versionStep(options, installationKey) {
    return {
        title: 'Package version',
        run(context) {
            const keyFlags = installationKey
                ? ['--installation-key', installationKey]
                : ['--installation-key-bypass'];
            const { result } = expectSuccess(
                runSf(
                    [
                        'package',
                        'version',
                        'create',
                        '--package',
                        context.packageName,
                        ...keyFlags,
                        ...(options['beta-only'] ? [] : ['--code-coverage']),
                        '--version-description',
                        context.releaseNotes.description,
                        ...(context.releaseNotes.name
                            ? ['--version-name', context.releaseNotes.name]
                            : []),
                        '--wait',
                        options.wait,
                        ...hubFlag(options)
                    ],
                    context.cli
                ),
                `Fix the errors named above and run npm run package:version again. ${loginHint}`
            );
            if (result?.Status !== 'Success' || !result.SubscriberPackageVersionId) {
                throw new StepFailure(
                    `The version is not ready after ${options.wait} minutes (status ${result?.Status}).`,
                    `Follow it with sf package version create report --package-create-request-id ${result?.Id}${hubFlag(options).length ? ` --target-dev-hub ${options['target-dev-hub']}` : ''}, or wait longer with --wait.`
                );
            }
            context.version = result;
            return `created ${result.VersionNumber ?? ''} ${result.SubscriberPackageVersionId}`.replace(
                /\s+/g,
                ' '
            );
        }
    };
}

/**
 * How to install a version, saying which orgs it installs in: a beta (every new version) only in
 * scratch orgs and sandboxes, a released (promoted) one in any org.
 */
export function installInstructions(
    { SubscriberPackageVersionId: id },
    { protectedByKey, released = false, promotable = true }
) {
    const key = protectedByKey ? ' --installation-key <key>' : '';
    const cli = `sf package install --package ${id} --target-org <org>${key} --wait 20 --no-prompt`;
    if (released) {
        return [
            'Released: installs in any org (production, sandbox, scratch).',
            `Install URL (production, Developer Edition): ${installUrlBases.production}${id}`,
            `Install URL (sandbox):                        ${installUrlBases.sandbox}${id}`,
            `Install with the CLI:                         ${cli}`,
            'Then follow docs/admin-guide.md: permission sets, call center users, softphone layout.'
        ].join('\n');
    }
    return [
        'Beta: installs in scratch orgs and sandboxes only, not in production.',
        `Install URL (sandbox):  ${installUrlBases.sandbox}${id}`,
        `Install with the CLI:   ${cli.replace('<org>', '<scratch org or sandbox>')}`,
        promotable
            ? `To release it for every org: npm run package:promote -- --package ${id}`
            : 'Created with --beta-only (no code coverage): it can never be promoted; create another version without --beta-only to release.',
        'Then follow docs/admin-guide.md: permission sets, call center users, softphone layout.'
    ].join('\n');
}

function main() {
    return runCommand(process.argv.slice(2), { readOptions, usage }, async (options, context) => {
        const installationKey = options['installation-key'] ?? process.env.PACKAGE_INSTALLATION_KEY;
        const steps = [
            releaseNotesStep,
            buildStep,
            packageStep(options),
            versionStep(options, installationKey)
        ];
        const exitCode = await runSteps(steps, context);
        if (exitCode === 0) {
            const instructions = installInstructions(context.version, {
                protectedByKey: Boolean(installationKey),
                promotable: !options['beta-only']
            });
            process.stdout.write(`\n${instructions}\n`);
            if (context.releaseNotes.notes !== '') {
                process.stdout.write(
                    `\nRelease notes (CHANGELOG.md):\n${context.releaseNotes.notes}\n`
                );
            }
        }
        return exitCode;
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    process.exitCode = await main();
}
