// `npm run package:promote -- --package <04t… or alias>`: releases a beta package version, so it
// installs in any org (production included), and prints its install URLs. Only a version created
// with code coverage (npm run package:version without --beta-only) can be promoted, and only one
// version per major.minor.patch.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installInstructions } from './create-package-version.mjs';
import { runSf } from './sf-cli.mjs';
import { expectSuccess, runCommand, runSteps, StepFailure } from './step-runner.mjs';

const usage = `Usage: npm run package:promote -- --package <04t… or alias> [options]

Promotes a package version to released: a beta installs in scratch orgs and sandboxes only, a
released version in any org. Promotion cannot be undone, and only one version per
major.minor.patch can be released.

Options:
  --package <id>              the version: its subscriber package version id (04t…), as
                              npm run package:version printed it, or its alias (required)
  --target-dev-hub <name>     Dev Hub username or alias (default: your default Dev Hub)
  --help                      show this help
`;

function readOptions(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            package: { type: 'string' },
            'target-dev-hub': { type: 'string' },
            help: { type: 'boolean', default: false }
        }
    });
    if (!values.help && !values.package) {
        throw new Error('--package is required');
    }
    return values;
}

const hubFlags = (options) =>
    options['target-dev-hub'] ? ['--target-dev-hub', options['target-dev-hub']] : [];

const loginHint =
    'Log in to your Dev Hub (sf org login web --set-default-dev-hub --alias devhub) or pass --target-dev-hub; promoting needs the "Promote a package version to released" permission in it.';

function reportStep(options) {
    return {
        title: 'Check the version',
        run(context) {
            const { result } = expectSuccess(
                runSf(
                    [
                        'package',
                        'version',
                        'report',
                        '--package',
                        options.package,
                        ...hubFlags(options)
                    ],
                    context.cli
                ),
                `Check the --package value (a 04t… id or an alias from sfdx-project.json). ${loginHint}`
            );
            // Package2Version fields, as the report answers them.
            const version = {
                SubscriberPackageVersionId: result?.SubscriberPackageVersionId ?? options.package,
                Version: result?.Version
            };
            context.version = version;
            context.alreadyReleased = result?.IsReleased === true;
            if (context.alreadyReleased) {
                return `${version.Version ?? version.SubscriberPackageVersionId} is already released`;
            }
            if (
                result?.HasPassedCodeCoverageCheck === false ||
                result?.ValidationSkipped === true
            ) {
                throw new StepFailure(
                    `${version.Version ?? options.package} was created without code coverage or validation: it cannot be promoted.`,
                    'Create a new version with npm run package:version (without --beta-only) and promote that one.'
                );
            }
            return `${version.Version ?? ''} ${version.SubscriberPackageVersionId} is a beta that can be promoted`.trim();
        }
    };
}

function promoteStep(options) {
    return {
        title: 'Promote to released',
        run(context) {
            if (context.alreadyReleased) {
                return 'nothing to do';
            }
            expectSuccess(
                runSf(
                    [
                        'package',
                        'version',
                        'promote',
                        '--package',
                        context.version.SubscriberPackageVersionId,
                        '--no-prompt',
                        ...hubFlags(options)
                    ],
                    context.cli
                ),
                `A version per major.minor.patch can be released once: bump versionNumber in sfdx-project.json (and add its CHANGELOG.md section) for the next one. ${loginHint}`
            );
            return `released ${context.version.SubscriberPackageVersionId}`;
        }
    };
}

function main() {
    return runCommand(process.argv.slice(2), { readOptions, usage }, async (options, context) => {
        const exitCode = await runSteps([reportStep(options), promoteStep(options)], context);
        if (exitCode === 0) {
            const instructions = installInstructions(context.version, {
                protectedByKey: false,
                released: true
            });
            process.stdout.write(
                `\n${instructions}\nA version protected by an installation key also needs --installation-key <key>.\n`
            );
        }
        return exitCode;
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    process.exitCode = await main();
}
