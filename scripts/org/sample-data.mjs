// The sample data plan (sf data tree) and a marker record from it: importing a plan twice
// duplicates every record, so the scratch-org script looks for the marker before importing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const sampleDataPlan = 'data/sample-data-plan.json';

/** { sobject, name }: the first record of the plan's first file that has a Name. */
export function findMarkerRecord(projectRoot, planPath = sampleDataPlan) {
    const plan = JSON.parse(readFileSync(join(projectRoot, planPath), 'utf8'));
    for (const { sobject, files = [] } of plan) {
        for (const file of files) {
            const tree = JSON.parse(
                readFileSync(join(projectRoot, dirname(planPath), file), 'utf8')
            );
            const record = tree.records?.find(({ Name }) => typeof Name === 'string' && Name);
            if (record) {
                return { sobject: record.attributes?.type ?? sobject, name: record.Name };
            }
        }
    }
    throw new Error(`no record with a Name in ${planPath}`);
}

/** A SOQL string literal: backslashes and quotes escaped. */
export function soqlString(value) {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
