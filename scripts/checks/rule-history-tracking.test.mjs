import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    checkHistoryTracking,
    HISTORY_FIELD_LIMIT,
    ADMIN_RESERVE
} from './rule-history-tracking.mjs';
import { checkProjectRules } from './project-rules.mjs';
import {
    defaultDir,
    repoRoot,
    temporaryProjects,
    textFieldXml,
    validProjectFiles
} from './fixture-trees.mjs';

const { fixture } = temporaryProjects();
const fieldsDir = `${defaultDir}/objects/Phone_Call__c/fields`;

/** The valid fixture with `count` history-tracked fields on Phone_Call__c (its own are replaced). */
function trackingFields(count) {
    const files = Object.fromEntries(
        Object.entries(validProjectFiles()).map(([path, content]) => [
            path,
            path.startsWith(fieldsDir)
                ? content.replace('<trackHistory>true</trackHistory>', '')
                : content
        ])
    );
    for (let index = 0; index < count; index += 1) {
        const name = `Tracked_${index}__c`;
        files[`${fieldsDir}/${name}.field-meta.xml`] = textFieldXml(name, {
            extra: '<trackHistory>true</trackHistory>'
        });
    }
    return files;
}

test("the package's own objects leave room for an admin's tracked fields", () => {
    assert.deepEqual(checkHistoryTracking(repoRoot), []);
});

test('an object may track the package budget, not one field more', () => {
    const budget = HISTORY_FIELD_LIMIT - ADMIN_RESERVE;
    assert.deepEqual(checkHistoryTracking(fixture(trackingFields(budget))), []);
    const [problem, ...others] = checkHistoryTracking(fixture(trackingFields(budget + 1)));
    assert.deepEqual(others, []);
    assert.equal(problem.file, fieldsDir);
    assert.match(problem.message, /^Phone_Call__c tracks the history of 18 fields \(Tracked_0__c/);
    assert.match(problem.message, /an admin keeps 3 of Salesforce's 20/);
});

test("above Salesforce's limit of 20 the check says the deploy fails", () => {
    const [problem] = checkHistoryTracking(fixture(trackingFields(HISTORY_FIELD_LIMIT + 1)));
    assert.match(problem.message, /tracks the history of 21 fields/);
    assert.match(
        problem.message,
        /Salesforce tracks at most 20 fields per object: the deploy fails/
    );
});

test('the project rules run the history check', () => {
    const problems = checkProjectRules(fixture(trackingFields(HISTORY_FIELD_LIMIT + 1)));
    assert.ok(problems.some(({ message }) => /tracks the history of 21 fields/.test(message)));
});
