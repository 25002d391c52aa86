// `npm run org:create`: a scratch org with the softphone ready to use, in one command. Safe to run
// again on the same org: each step checks what is already there and only does what is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findMarkerRecord, sampleDataPlan, soqlString } from './sample-data.mjs';
import { runSf } from './sf-cli.mjs';
import {
    buildSoftphoneStep,
    expectSuccess,
    runCommand,
    runSteps,
    StepFailure
} from './step-runner.mjs';

export const callCenterName = 'OpenCtiSoftphone';
export const permissionSets = ['Softphone_Agent', 'Softphone_Admin'];
// A custom app without a namespace is addressed as c__<DeveloperName>.
export const consoleAppPath = 'lightning/app/c__Softphone_Console';
const definitionFile = 'config/project-scratch-def.json';
// Metadata that unlocked packages cannot hold would live in unpackaged/ (DESIGN.md).
const sourceDirectories = ['force-app', 'unpackaged'];

const usage = `Usage: npm run org:create -- [options]

Creates (or reuses) a scratch org, deploys the softphone, assigns the permission sets, puts you in
the ${callCenterName} call center, imports the sample data and opens the Softphone Console.

Options:
  --alias <name>            scratch org alias (default: softphone)
  --target-dev-hub <name>   Dev Hub username or alias (default: your default Dev Hub)
  --duration-days <days>    lifetime of a new scratch org, 1-30 (default: the CLI's, 7)
  --new                     create a new scratch org even if the alias already has one
  --no-open                 do not open the org in a browser at the end
  --help                    show this help
`;

const softphoneLayoutNote = `Softphone layout: a new org may have no softphone layout assigned to your profile, and then
screen pops find nothing. In Setup > Softphone Layouts, create or edit a layout that searches
Contacts, Leads and Accounts, then use Layout Assignment to assign it to your profile.`;

function readOptions(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            alias: { type: 'string', default: 'softphone' },
            'target-dev-hub': { type: 'string' },
            'duration-days': { type: 'string' },
            new: { type: 'boolean', default: false },
            'no-open': { type: 'boolean', default: false },
            help: { type: 'boolean', default: false }
        }
    });
    return values;
}

function scratchOrgStep({ alias, ...options }) {
    return {
        title: `Scratch org "${alias}"`,
        run(context) {
            if (!options.new) {
                const display = runSf(['org', 'display', '--target-org', alias], context.cli);
                const org = display.ok ? display.result : undefined;
                if (org?.username && !org.devHubId) {
                    throw new StepFailure(
                        `"${alias}" is ${org.username}, which is not a scratch org.`,
                        'Pass another --alias: this script deploys and imports sample data, which belongs in a scratch org only.'
                    );
                }
                if (org?.username && (!org.status || org.status === 'Active')) {
                    context.username = org.username;
                    return `reusing ${org.username} (pass --new for a fresh org)`;
                }
            }
            const create = expectSuccess(
                runSf(
                    [
                        'org',
                        'create',
                        'scratch',
                        '--definition-file',
                        definitionFile,
                        '--alias',
                        alias,
                        '--set-default',
                        '--wait',
                        '15',
                        ...optionalFlag('--target-dev-hub', options['target-dev-hub']),
                        ...optionalFlag('--duration-days', options['duration-days'])
                    ],
                    context.cli
                ),
                'Log in to a Dev Hub (sf org login web --set-default-dev-hub --alias devhub) or pass --target-dev-hub. If the Dev Hub is out of scratch orgs, delete one you no longer need (sf org list, then sf org delete scratch --target-org <alias>).'
            );
            context.username = create.result.username;
            return `created ${context.username}`;
        }
    };
}

function optionalFlag(flag, value) {
    return value === undefined ? [] : [flag, value];
}

const buildStep = buildSoftphoneStep(
    'Fix the build error (npm run build shows it), then run npm run org:create again: it reuses the org.'
);

function deployStep(alias) {
    return {
        title: 'Deploy the metadata',
        run({ cli }) {
            const deployed = sourceDirectories
                .filter((directory) => existsSync(join(cli.projectRoot, directory)))
                .map((directory) => {
                    const { result } = expectSuccess(
                        runSf(
                            [
                                'project',
                                'deploy',
                                'start',
                                '--source-dir',
                                directory,
                                '--target-org',
                                alias,
                                '--wait',
                                '30'
                            ],
                            cli
                        ),
                        'Fix the components named above and run npm run org:create again: it reuses the org. If the deploy reports conflicts with changes made in the org, retrieve them first (sf project retrieve start) or deploy once with sf project deploy start --ignore-conflicts.'
                    );
                    const count = result?.numberComponentsDeployed ?? result?.files?.length ?? 0;
                    return `${directory} (${count} components)`;
                });
            return `deployed ${deployed.join(', ')}`;
        }
    };
}

function permissionSetStep(alias) {
    return {
        title: `Assign the permission sets ${permissionSets.join(', ')}`,
        run({ cli }) {
            const outcome = runSf(
                [
                    'org',
                    'assign',
                    'permset',
                    ...permissionSets.flatMap((name) => ['--name', name]),
                    '--target-org',
                    alias
                ],
                cli
            );
            const whatToDo =
                'Check that the deploy created the permission sets (Setup > Permission Sets) and that your user licence allows them, then run npm run org:create again.';
            const failures = outcome.result?.failures;
            if (!Array.isArray(failures)) {
                expectSuccess(outcome, whatToDo);
            }
            // The CLI reports an existing assignment as a "duplicate" failure: that is the goal state.
            const realFailures = (failures ?? []).filter(
                ({ message }) => !/duplicate/i.test(message)
            );
            if (realFailures.length > 0) {
                const messages = realFailures.map(({ message }) => message).join('\n');
                throw new StepFailure(`${outcome.command} failed:\n${messages}`, whatToDo);
            }
            const assigned = (outcome.result?.successes ?? []).map(({ value }) => value);
            const already = permissionSets.filter((name) => !assigned.includes(name));
            return [
                assigned.length > 0 ? `assigned ${assigned.join(', ')}` : '',
                already.length > 0 ? `already assigned: ${already.join(', ')}` : ''
            ]
                .filter(Boolean)
                .join('; ');
        }
    };
}

function querySingle(soql, alias, cli, whatToDo) {
    const { result } = expectSuccess(
        runSf(['data', 'query', '--query', soql, '--target-org', alias], cli),
        whatToDo
    );
    return result?.records?.[0];
}

function callCenterStep(alias) {
    return {
        title: `Put your user in the ${callCenterName} call center`,
        run({ cli, username }) {
            // Call-center membership is data (User.CallCenterId), not metadata: deploys never set it.
            const whatToDo = `Check that the deploy created the call center (Setup > Call Centers > ${callCenterName}); Call Centers need an edition with CTI (the scratch definition asks for Enterprise).`;
            const callCenter = querySingle(
                `SELECT Id, Name FROM CallCenter WHERE InternalName = ${soqlString(callCenterName)}`,
                alias,
                cli,
                whatToDo
            );
            if (!callCenter) {
                throw new StepFailure(
                    `No call center named ${callCenterName} in the org.`,
                    whatToDo
                );
            }
            const user = querySingle(
                `SELECT Id, CallCenterId FROM User WHERE Username = ${soqlString(username)}`,
                alias,
                cli,
                `Check that the org is reachable (sf org display --target-org ${alias}).`
            );
            if (!user) {
                throw new StepFailure(`No user ${username} in the org.`, 'Run again with --new.');
            }
            if (user.CallCenterId === callCenter.Id) {
                return `${username} is already in ${callCenterName}: skipped`;
            }
            expectSuccess(
                runSf(
                    [
                        'data',
                        'update',
                        'record',
                        '--sobject',
                        'User',
                        '--record-id',
                        user.Id,
                        '--values',
                        `CallCenterId=${callCenter.Id}`,
                        '--target-org',
                        alias
                    ],
                    cli
                ),
                `Add yourself by hand: Setup > Call Centers > ${callCenterName} > Manage Call Center Users > Add More Users.`
            );
            return `added ${username} to ${callCenterName}`;
        }
    };
}

function sampleDataStep(alias) {
    return {
        title: 'Import the sample data',
        run({ cli }) {
            let marker;
            try {
                marker = findMarkerRecord(cli.projectRoot);
            } catch (error) {
                throw new StepFailure(
                    `Cannot read ${sampleDataPlan}: ${error.message}`,
                    `Restore ${sampleDataPlan} and the files it lists (git checkout -- data/).`
                );
            }
            const existing = querySingle(
                `SELECT Id FROM ${marker.sobject} WHERE Name = ${soqlString(marker.name)} LIMIT 1`,
                alias,
                cli,
                `Check that the org is reachable (sf org display --target-org ${alias}).`
            );
            if (existing) {
                return `${marker.sobject} "${marker.name}" is already there: skipped (importing twice would duplicate every record)`;
            }
            const { result } = expectSuccess(
                runSf(
                    ['data', 'import', 'tree', '--plan', sampleDataPlan, '--target-org', alias],
                    cli
                ),
                `Fix the record named in the error (files under data/), delete any records the failed import created, and run npm run org:create again.`
            );
            return `imported ${Array.isArray(result) ? result.length : 0} records`;
        }
    };
}

function openStep(alias, skip) {
    const command = `sf org open --target-org ${alias} --path ${consoleAppPath}`;
    return {
        title: 'Open the Softphone Console',
        run({ cli }) {
            if (skip) {
                return `skipped (--no-open); to open it later: ${command}`;
            }
            expectSuccess(
                runSf(['org', 'open', '--target-org', alias, '--path', consoleAppPath], cli),
                `Open it yourself: ${command}`
            );
            // The CLI's URL carries a session token: it is not printed.
            return 'opened in your browser';
        }
    };
}

export function scratchOrgSteps(options) {
    const { alias } = options;
    return [
        scratchOrgStep(options),
        buildStep,
        deployStep(alias),
        permissionSetStep(alias),
        callCenterStep(alias),
        sampleDataStep(alias),
        openStep(alias, options['no-open'])
    ];
}

function main() {
    return runCommand(process.argv.slice(2), { readOptions, usage }, async (options, context) => {
        const exitCode = await runSteps(scratchOrgSteps(options), context);
        if (exitCode === 0) {
            process.stdout.write(
                `\nScratch org "${options.alias}" is ready (${context.username}).\n\n${softphoneLayoutNote}\n`
            );
        }
        return exitCode;
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    process.exitCode = await main();
}
