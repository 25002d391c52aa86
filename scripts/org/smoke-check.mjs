// CI's smoke check of a scratch org set up by `npm run org:create`: read-only queries proving that
// what the softphone needs is in place (call center and membership, permission sets, the adapter
// page and its static resource, the call object, the reports and the sample data).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { callCenterName, permissionSets } from './create-scratch-org.mjs';
import { findMarkerRecord, soqlString } from './sample-data.mjs';
import { runSf } from './sf-cli.mjs';
import { expectSuccess, runSteps, StepFailure } from './step-runner.mjs';

const reportNames = ['Calls_per_Agent_per_Day', 'Average_Handle_Time_by_Outcome', 'Calls_by_Queue'];
const soqlList = (names) => names.map(soqlString).join(', ');

/** [{ title, soql(context), expect(result, context) → failure message or undefined }] */
export const smokeChecks = [
    {
        title: `Call center ${callCenterName} exists and the user is in it`,
        soql: ({ username }) =>
            `SELECT Id, CallCenter.InternalName FROM User WHERE Username = ${soqlString(username)}`,
        expect: ({ records }) =>
            records[0]?.CallCenter?.InternalName === callCenterName
                ? undefined
                : `the user's call center is ${records[0]?.CallCenter?.InternalName ?? 'none'}`
    },
    {
        title: `Permission sets ${permissionSets.join(', ')} are assigned`,
        soql: ({ username }) =>
            `SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE Assignee.Username = ${soqlString(username)} AND PermissionSet.Name IN (${soqlList(permissionSets)})`,
        expect: ({ records }) => {
            const assigned = records.map((record) => record.PermissionSet?.Name);
            const missing = permissionSets.filter((name) => !assigned.includes(name));
            return missing.length > 0 ? `not assigned: ${missing.join(', ')}` : undefined;
        }
    },
    {
        title: 'The adapter page Softphone is deployed',
        soql: () => "SELECT Name FROM ApexPage WHERE Name = 'Softphone'",
        expect: ({ records }) =>
            records.length === 1 ? undefined : 'no Visualforce page Softphone'
    },
    {
        title: 'The softphone static resource is deployed',
        soql: () => "SELECT Name FROM StaticResource WHERE Name = 'softphone'",
        expect: ({ records }) => (records.length === 1 ? undefined : 'no static resource softphone')
    },
    {
        title: 'Phone_Call__c can be queried',
        soql: () => 'SELECT COUNT() FROM Phone_Call__c',
        expect: ({ totalSize }) =>
            Number.isInteger(totalSize) ? undefined : 'no record count returned'
    },
    {
        title: 'The sample reports are deployed',
        soql: () =>
            `SELECT DeveloperName FROM Report WHERE DeveloperName IN (${soqlList(reportNames)})`,
        expect: ({ records }) =>
            records.length === reportNames.length
                ? undefined
                : `found ${records.length} of ${reportNames.length} reports`
    },
    {
        title: 'The sample data is imported',
        soql: ({ marker }) =>
            `SELECT Id FROM ${marker.sobject} WHERE Name = ${soqlString(marker.name)} LIMIT 1`,
        expect: ({ records }, { marker }) =>
            records.length === 1 ? undefined : `no ${marker.sobject} named ${marker.name}`
    }
];

function orgStep(alias) {
    return {
        title: `Org "${alias}"`,
        run(context) {
            const { result } = expectSuccess(
                runSf(['org', 'display', '--target-org', alias], context.cli),
                `Create the org first: npm run org:create -- --alias ${alias}`
            );
            context.username = result.username;
            context.marker = findMarkerRecord(context.cli.projectRoot);
            return `connected as ${result.username}`;
        }
    };
}

function checkStep(alias, check) {
    return {
        title: check.title,
        run(context) {
            const { result } = expectSuccess(
                runSf(
                    ['data', 'query', '--query', check.soql(context), '--target-org', alias],
                    context.cli
                ),
                'Run npm run org:create again: it completes a partly set-up org.'
            );
            const problem = check.expect({ records: [], ...result }, context);
            if (problem) {
                throw new StepFailure(
                    problem,
                    'Run npm run org:create again: it completes a partly set-up org.'
                );
            }
            return 'ok';
        }
    };
}

async function main() {
    const { values } = parseArgs({
        args: process.argv.slice(2),
        options: { 'target-org': { type: 'string' } }
    });
    const alias = values['target-org'];
    if (!alias) {
        process.stderr.write('Usage: node scripts/org/smoke-check.mjs --target-org <alias>\n');
        return 2;
    }
    const context = { cli: { projectRoot: process.cwd(), env: process.env } };
    const steps = [orgStep(alias), ...smokeChecks.map((check) => checkStep(alias, check))];
    return runSteps(steps, context);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    process.exitCode = await main();
}
