// A stand-in for the Salesforce CLI, for the org scripts' tests (no org is reachable from CI).
// It records every call (arguments and the CLI environment flags) as a JSON line in FAKE_SF_LOG,
// rejects flags the real command does not have, and answers in the CLI's --json shapes from a
// small simulated world kept in FAKE_SF_WORLD, so a second run sees what the first one did.
// Failures come from the fixtures/ folder: world.fail maps a command ("project deploy start") to
// a fixture name.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

// The flags of each command the scripts use, as `sf <command> --help` lists them (CLI 2.150).
const commandFlags = {
    'org display': { values: ['target-org', 'api-version'], booleans: ['verbose'] },
    'org create scratch': {
        values: [
            'alias',
            'definition-file',
            'target-dev-hub',
            'wait',
            'duration-days',
            'edition',
            'client-id',
            'api-version'
        ],
        booleans: ['set-default', 'async', 'no-namespace', 'no-ancestors', 'track-source']
    },
    'project deploy start': {
        values: ['source-dir', 'metadata', 'manifest', 'target-org', 'wait', 'test-level'],
        booleans: ['ignore-conflicts', 'ignore-warnings', 'dry-run', 'concise', 'verbose']
    },
    'org assign permset': {
        values: ['name', 'target-org', 'on-behalf-of', 'api-version'],
        booleans: [],
        required: ['name']
    },
    'data query': {
        values: ['query', 'file', 'target-org', 'result-format', 'output-file', 'api-version'],
        booleans: ['use-tooling-api', 'all-rows']
    },
    'data update record': {
        values: ['sobject', 'record-id', 'where', 'values', 'target-org', 'api-version'],
        booleans: ['use-tooling-api', 'skip-assignment-rules'],
        required: ['sobject', 'values'],
        exactlyOne: ['record-id', 'where']
    },
    'data import tree': {
        values: ['plan', 'files', 'target-org', 'api-version'],
        booleans: [],
        exactlyOne: ['plan', 'files']
    },
    'org open': {
        values: ['target-org', 'path', 'browser', 'source-file', 'api-version'],
        booleans: ['url-only', 'private']
    },
    'package create': {
        values: ['name', 'package-type', 'path', 'description', 'target-dev-hub'],
        booleans: ['no-namespace', 'org-dependent'],
        required: ['name', 'package-type', 'path']
    },
    'package version create': {
        values: [
            'package',
            'path',
            'installation-key',
            'wait',
            'target-dev-hub',
            'version-name',
            'version-number',
            'version-description',
            'definition-file',
            'tag',
            'branch'
        ],
        booleans: [
            'installation-key-bypass',
            'code-coverage',
            'skip-validation',
            'async-validation'
        ],
        exactlyOne: ['installation-key', 'installation-key-bypass']
    },
    'package version report': {
        values: ['package', 'target-dev-hub', 'api-version'],
        booleans: ['verbose'],
        required: ['package']
    },
    'package version promote': {
        values: ['package', 'target-dev-hub', 'api-version'],
        booleans: ['no-prompt'],
        required: ['package']
    }
};

function parse(argv) {
    const words = [];
    while (argv.length > 0 && !argv[0].startsWith('-')) {
        words.push(argv.shift());
    }
    const command = words.join(' ');
    const spec = commandFlags[command];
    if (!spec) {
        return { command, error: { name: 'CommandNotFound', exitCode: 127 } };
    }
    const flags = {};
    while (argv.length > 0) {
        const name = argv.shift().replace(/^--/, '');
        if (name === 'json' || spec.booleans.includes(name)) {
            flags[name] = true;
        } else if (spec.values.includes(name) && argv.length > 0) {
            flags[name] = [...(flags[name] ?? []), argv.shift()];
        } else {
            return {
                command,
                error: {
                    name: 'NonExistentFlagsError',
                    message: `Nonexistent flag: --${name}`,
                    exitCode: 2
                }
            };
        }
    }
    const given = (spec.exactlyOne ?? []).filter((name) => name in flags);
    if (spec.exactlyOne && given.length !== 1) {
        const message = `Exactly one of --${spec.exactlyOne.join(', --')} is required`;
        return { command, error: { name: 'Error', message, exitCode: 2 } };
    }
    const missing = (spec.required ?? []).filter((name) => !(name in flags));
    if (missing.length > 0) {
        return {
            command,
            error: { name: 'Error', message: `Missing required flag ${missing[0]}`, exitCode: 2 }
        };
    }
    return { command, flags, json: flags.json === true };
}

const one = (flags, name) => flags[name]?.[0];

function newOrg(alias, index) {
    return {
        alias,
        username: `test-${index}abc@example.com`,
        orgId: `00D00000000000${index}AA`,
        userId: `00500000000000${index}AA`,
        scratch: true,
        status: 'Active',
        deployed: [],
        permissionSets: [],
        callCenterId: null,
        records: {}
    };
}

function findOrg(world, aliasOrUsername) {
    return world.orgs.find(
        ({ alias, username }) => alias === aliasOrUsername || username === aliasOrUsername
    );
}

function queryRecords(org, soql, world) {
    const from = /\bFROM\s+(\w+)/i.exec(soql)?.[1];
    const named = /\bName\s*=\s*'((?:[^'\\]|\\.)*)'/.exec(soql)?.[1]?.replace(/\\(.)/g, '$1');
    const callCenterDeployed = org.deployed.includes('force-app') && !world.deployOmitsCallCenter;
    switch (from) {
        case 'CallCenter':
            return callCenterDeployed
                ? [{ Id: '04v000000000001AAA', Name: 'Open CTI Softphone' }]
                : [];
        case 'User':
            return [
                {
                    Id: org.userId,
                    CallCenterId: org.callCenterId,
                    CallCenter: org.callCenterId ? { InternalName: 'OpenCtiSoftphone' } : null
                }
            ];
        case 'PermissionSetAssignment':
            return org.permissionSets.map((name) => ({ PermissionSet: { Name: name } }));
        case 'StaticResource':
        case 'ApexPage':
        case 'Report': {
            // Deployed metadata: every name the query asks for is there.
            const names = [...soql.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]);
            return org.deployed.includes('force-app')
                ? names.map((name) => ({ Name: name, DeveloperName: name }))
                : [];
        }
        default:
            return (org.records[from] ?? []).filter((record) => !named || record.Name === named);
    }
}

/** A package version by its 04t id or its alias (the stand-in knows "Open CTI Softphone@0.1.0-<n>"). */
function findVersion(world, idOrAlias) {
    return (world.packageVersions ?? []).find(
        ({ id, version }) =>
            id === idOrAlias ||
            `Open CTI Softphone@${version.replace(/\.(\d+)$/, '-$1')}` === idOrAlias
    );
}

function answer(world, { command, flags }) {
    const org = findOrg(world, one(flags, 'target-org') ?? world.defaultOrg);
    const needOrg = () => {
        if (!org) {
            const error = new Error('No default environment found.');
            throw Object.assign(error, { name: 'NoDefaultEnvError', exitCode: 1 });
        }
        return org;
    };
    switch (command) {
        case 'org display':
            if (!org) {
                return { fixture: 'org-display-not-found' };
            }
            return {
                result: {
                    id: org.orgId,
                    username: org.username,
                    alias: org.alias,
                    instanceUrl: 'https://fake.scratch.my.salesforce.com',
                    ...(org.scratch ? { devHubId: 'hub@example.com', status: org.status } : {})
                }
            };
        case 'org create scratch': {
            const created = newOrg(one(flags, 'alias'), world.orgs.length + 1);
            world.orgs = world.orgs.filter(({ alias }) => alias !== created.alias);
            world.orgs.push(created);
            world.defaultOrg = flags['set-default'] ? created.alias : world.defaultOrg;
            return { result: { username: created.username, orgId: created.orgId } };
        }
        case 'project deploy start': {
            const target = needOrg();
            const directory = one(flags, 'source-dir');
            target.deployed = [...new Set([...target.deployed, directory])];
            return {
                result: {
                    status: 'Succeeded',
                    success: true,
                    numberComponentsDeployed: 52,
                    files: []
                }
            };
        }
        case 'org assign permset': {
            const target = needOrg();
            const successes = [];
            const failures = [];
            for (const name of flags.name) {
                if (target.permissionSets.includes(name)) {
                    failures.push({
                        name: target.username,
                        message: 'Duplicate PermissionSetAssignment.  Assignment already exists.'
                    });
                } else {
                    target.permissionSets.push(name);
                    successes.push({ name: target.username, value: name });
                }
            }
            const status = failures.length === 0 ? 0 : successes.length === 0 ? 1 : 68;
            return { status, result: { successes, failures } };
        }
        case 'data query': {
            const records = queryRecords(needOrg(), one(flags, 'query'), world);
            return { result: { records, totalSize: records.length, done: true } };
        }
        case 'data update record': {
            const target = needOrg();
            const [, value] = /^CallCenterId=(\S+)$/.exec(one(flags, 'values')) ?? [];
            target.callCenterId = value;
            return { result: { id: one(flags, 'record-id'), success: true, errors: [] } };
        }
        case 'data import tree': {
            const target = needOrg();
            const imported = world.importRecords ?? [
                { type: 'Account', Name: 'Fixture Marker Co' }
            ];
            for (const { type, Name } of imported) {
                target.records[type] = [
                    ...(target.records[type] ?? []),
                    { Id: `001${Name.length}`, Name }
                ];
            }
            return {
                result: imported.map(({ type }, index) => ({
                    refId: `Ref${index}`,
                    type,
                    id: `001${index}`
                }))
            };
        }
        case 'org open':
            return {
                result: {
                    orgId: needOrg().orgId,
                    username: org.username,
                    url: 'https://fake/secret/frontdoor.jsp?otp=x'
                }
            };
        case 'package create': {
            const projectFile = join(process.cwd(), 'sfdx-project.json');
            const project = JSON.parse(readFileSync(projectFile, 'utf8'));
            project.packageAliases = {
                ...project.packageAliases,
                [one(flags, 'name')]: '0Ho000000000001AAA'
            };
            writeFileSync(projectFile, `${JSON.stringify(project, null, 4)}\n`);
            return { result: { Id: '0Ho000000000001AAA' } };
        }
        case 'package version create': {
            const status = world.packageVersionStatus ?? 'Success';
            const versions = world.packageVersions ?? [];
            const id = `04t00000000000${versions.length + 1}AAA`;
            if (status === 'Success') {
                world.packageVersions = [
                    ...versions,
                    {
                        id,
                        version: `0.1.0.${versions.length + 1}`,
                        codeCoverage: flags['code-coverage'] === true,
                        validationSkipped: flags['skip-validation'] === true,
                        released: false,
                        description: one(flags, 'version-description'),
                        name: one(flags, 'version-name')
                    }
                ];
            }
            return {
                result: {
                    Id: '08c000000000001AAA',
                    Status: status,
                    Package2Id: '0Ho000000000001AAA',
                    SubscriberPackageVersionId: status === 'Success' ? id : null,
                    VersionNumber: `0.1.0.${versions.length + 1}`,
                    Error: []
                }
            };
        }
        case 'package version report': {
            const version = findVersion(world, one(flags, 'package'));
            if (!version) {
                return { fixture: 'package-version-not-found' };
            }
            return {
                result: {
                    SubscriberPackageVersionId: version.id,
                    Version: version.version,
                    IsReleased: version.released,
                    HasPassedCodeCoverageCheck: version.codeCoverage,
                    CodeCoverage: null,
                    ValidationSkipped: version.validationSkipped
                }
            };
        }
        case 'package version promote': {
            const version = findVersion(world, one(flags, 'package'));
            if (!version) {
                return { fixture: 'package-version-not-found' };
            }
            if (!version.codeCoverage) {
                return { fixture: 'package-version-promote-no-coverage' };
            }
            version.released = true;
            return { result: { id: version.id, success: true, errors: [] } };
        }
        default:
            throw new Error(`fake sf has no answer for ${command}`);
    }
}

function main() {
    const argv = process.argv.slice(2);
    const { FAKE_SF_LOG: logFile, FAKE_SF_WORLD: worldFile } = process.env;
    appendFileSync(
        logFile,
        `${JSON.stringify({
            program: 'sf',
            args: argv,
            skipVersionCheck: process.env.SF_SKIP_NEW_VERSION_CHECK,
            telemetryDisabled: process.env.SF_DISABLE_TELEMETRY
        })}\n`
    );
    const world = JSON.parse(readFileSync(worldFile, 'utf8'));
    const parsed = parse([...argv]);
    let output;
    if (parsed.error) {
        output = { ...parsed.error, status: parsed.error.exitCode };
    } else if (world.fail?.[parsed.command]) {
        output = JSON.parse(
            readFileSync(join(fixturesDir, `${world.fail[parsed.command]}.json`), 'utf8')
        );
    } else {
        try {
            const { fixture, result, status = 0 } = answer(world, parsed);
            output = fixture
                ? JSON.parse(readFileSync(join(fixturesDir, `${fixture}.json`), 'utf8'))
                : { status, result, warnings: [] };
        } catch (error) {
            output = {
                name: error.name,
                message: error.message,
                exitCode: error.exitCode ?? 1,
                status: error.exitCode ?? 1
            };
        }
        writeFileSync(worldFile, `${JSON.stringify(world, null, 2)}\n`);
    }
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    process.exitCode = output.exitCode ?? output.status ?? 0;
}

main();
