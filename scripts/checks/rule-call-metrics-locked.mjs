// The call's facts on Phone_Call__c (when it started and ended, how long, its outcome, the agent,
// …) cannot be changed once the softphone has written them, and every change is in the record's
// history; agents keep editing the wrap-up and the related record. In metadata: an active
// validation rule whose formula refuses ISCHANGED() of each of those fields, history tracking on
// the object and on each field the rule locks, and none of the agent's fields locked.
// (The rule's logic against the softphone's own writes is tested by
// src/softphone/calllog/phone-call-locked-fields.test.ts.)
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { listFiles, toProjectPath } from './find-files.mjs';
import { childText, readXmlRoot } from './xml-tree.mjs';

const objectName = 'Phone_Call__c';
/** The metrics issue 15 names: always locked. */
export const REQUIRED_LOCKED_FIELDS = [
    'Started__c',
    'Ended__c',
    'Duration_Seconds__c',
    'Outcome__c',
    'Agent__c'
];
/** What agents edit after the call: never locked. */
export const AGENT_EDITABLE_FIELDS = [
    'Disposition__c',
    'Notes__c',
    'Related_Record_Id__c',
    'Contact__c',
    'Lead__c',
    'Account__c',
    'Case__c'
];

/** Field names a formula refuses to see changed: `ISCHANGED(Started__c)`. */
export function fieldsLockedBy(formula) {
    return [...formula.matchAll(/ISCHANGED\s*\(\s*([A-Za-z][A-Za-z0-9_]*)\s*\)/gi)].map(
        (match) => match[1]
    );
}

export function checkCallMetricsLocked(projectRoot, { sourceDir = 'force-app' } = {}) {
    const objectDir = findObjectDir(join(projectRoot, sourceDir));
    if (objectDir === undefined) {
        return [];
    }
    const objectFile = join(objectDir, `${objectName}.object-meta.xml`);
    const problems = [];
    const object = readXmlRoot(objectFile);
    if (object && childText(object, 'enableHistory') !== 'true') {
        problems.push({
            file: toProjectPath(projectRoot, objectFile),
            message: `${objectName} needs <enableHistory>true</enableHistory>: changes to the call's facts must leave a trace`
        });
    }
    const locked = new Map();
    const rulesDir = join(objectDir, 'validationRules');
    const ruleFiles = existsSync(rulesDir)
        ? readdirSync(rulesDir).filter((name) => name.endsWith('.validationRule-meta.xml'))
        : [];
    for (const name of ruleFiles) {
        const path = join(rulesDir, name);
        const rule = readXmlRoot(path);
        if (!rule || childText(rule, 'active') !== 'true') {
            continue;
        }
        for (const field of fieldsLockedBy(childText(rule, 'errorConditionFormula') ?? '')) {
            locked.set(field, toProjectPath(projectRoot, path));
        }
    }
    const rulesPlace = toProjectPath(projectRoot, rulesDir);
    for (const field of REQUIRED_LOCKED_FIELDS) {
        if (!locked.has(field)) {
            problems.push({
                file: rulesPlace,
                message: `no active validation rule refuses changes to ${objectName}.${field} (ISCHANGED(${field})): agents could change the call's metrics after the softphone logged them`
            });
        }
    }
    for (const [field, ruleFile] of locked) {
        if (AGENT_EDITABLE_FIELDS.includes(field)) {
            problems.push({
                file: ruleFile,
                message: `locks ${objectName}.${field}, which agents edit after the call (wrap-up, related record)`
            });
            continue;
        }
        const fieldFile = join(objectDir, 'fields', `${field}.field-meta.xml`);
        const root = readXmlRoot(fieldFile);
        if (root && childText(root, 'trackHistory') !== 'true') {
            problems.push({
                file: toProjectPath(projectRoot, fieldFile),
                message: `${objectName}.${field} is locked by ${ruleFile} but not history-tracked: set <trackHistory>true</trackHistory>`
            });
        }
    }
    return problems;
}

/** The folder of the object's source files, wherever the package directory keeps them. */
function findObjectDir(sourceRoot) {
    const objectFile = listFiles(sourceRoot).find((path) =>
        path.split(sep).join('/').endsWith(`/objects/${objectName}/${objectName}.object-meta.xml`)
    );
    return objectFile === undefined ? undefined : dirname(objectFile);
}
