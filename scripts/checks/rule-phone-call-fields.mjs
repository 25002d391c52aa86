// Every Phone_Call__c field named in code (LWC, the softphone's saveLog payloads) has a field
// file. Metadata elements that name fields are resolved one by one by rule-object-references.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closestName } from './closest-name.mjs';
import { listFiles, toProjectPath } from './find-files.mjs';
import { readObjectFields } from './object-fields.mjs';

const objectName = 'Phone_Call__c';
// Whole names only: `ns__Obj__c` (another namespace) must not yield `Obj__c`.
const customNamePattern = /(?<![A-Za-z0-9_])[A-Z][A-Za-z0-9_]*__c\b/g;
const scannedFilePattern = /(\.js|\.mjs|\.ts|\.html)$/;
// Tests may use made-up names on purpose; what ships is what must match the object.
const testFilePattern = /(\/__tests__\/|\/jest-mocks\/|\.test\.|\.spec\.)/;
// Elements whose value names an object, not a field (`<referenceTo>Other__c</referenceTo>`).
const objectValuePattern =
    /<(referenceTo|object|tab|pageOrSobjectType|sobjectType|reportType)>([^<]+)</g;

export function checkPhoneCallFieldReferences(
    projectRoot,
    { sourceDir = 'force-app', codeDirs = ['src'] } = {}
) {
    const fields = readObjectFields(projectRoot, sourceDir).get(objectName) ?? new Map();
    const files = [sourceDir, ...codeDirs]
        .flatMap((dir) =>
            listFiles(join(projectRoot, dir), { skipDirectory: isStaticResourceContent })
        )
        .map((path) => ({ path, file: toProjectPath(projectRoot, path) }))
        .filter(({ file }) => scannedFilePattern.test(file) && !testFilePattern.test(`/${file}`))
        .map(({ path, file }) => ({ file, text: readText(path) }))
        .filter(({ text }) => text !== null);
    const notFields = namesThatAreNotFields(projectRoot, sourceDir, files);
    const problems = [];
    for (const { file, text } of files) {
        if (!file.includes(objectName) && !text.includes(objectName)) {
            continue;
        }
        const reported = new Set();
        for (const { name, line } of phoneCallFieldCandidates(text, notFields)) {
            if (fields.has(name) || reported.has(name)) {
                continue;
            }
            reported.add(name);
            const suggestion = closestName(name, fields.keys());
            const hint = suggestion ? `; did you mean ${suggestion}?` : '';
            problems.push({
                file,
                message: `line ${line}: references ${objectName} field ${name}, which has no field file (objects/${objectName}/fields/${name}.field-meta.xml)${hint}`
            });
        }
    }
    return problems;
}

function isStaticResourceContent(path) {
    return /[\\/]staticresources[\\/][^\\/]+$/.test(path);
}

function readText(path) {
    try {
        return readFileSync(path, 'utf8');
    } catch {
        return null;
    }
}

/** Custom names that are objects or message channels, so never Phone_Call__c fields. */
function namesThatAreNotFields(projectRoot, sourceDir, files) {
    const names = new Set([objectName]);
    for (const file of listFiles(join(projectRoot, sourceDir)).map((path) =>
        toProjectPath(projectRoot, path)
    )) {
        const objectFolder = /\/objects\/([^/]+)\//.exec(`/${file}`)?.[1];
        const channel = /([^/]+)\.messageChannel-meta\.xml$/.exec(file)?.[1];
        if (objectFolder) {
            names.add(objectFolder);
        }
        if (channel) {
            names.add(`${channel}__c`); // LMS channels are referenced as `Name__c`
        }
    }
    for (const { text } of files) {
        for (const match of text.matchAll(objectValuePattern)) {
            names.add(match[2].trim());
        }
    }
    return names;
}

/** `X__c` tokens in `text` that name a Phone_Call__c field (or plausibly do). */
function phoneCallFieldCandidates(text, notFields) {
    const candidates = [];
    for (const match of text.matchAll(customNamePattern)) {
        const name = match[0];
        const before = text.slice(Math.max(0, match.index - 60), match.index);
        const after = text.slice(match.index + name.length, match.index + name.length + 2);
        const qualifier = /([A-Za-z][A-Za-z0-9_]*)\.$/.exec(before)?.[1];
        const isObjectQualifier = /^\.[A-Z]/.test(after); // `Other__c.Field__c`
        // `Account.Custom__c` names another object's field; lower-case qualifiers are code
        // (`record.fields.Notes__c`) and `Record.` is a record page's own object.
        const isOtherObjectsField =
            qualifier !== undefined &&
            /^[A-Z]/.test(qualifier) &&
            qualifier !== objectName &&
            qualifier !== 'Record';
        const isModuleName =
            /@salesforce\/(messageChannel|schema)\/$/.test(before) && !after.startsWith('.');
        // Schema imports are resolved by rule-lwc-references.mjs, field by field.
        const isSchemaImport = /@salesforce\/schema\/[A-Za-z0-9_]+\.$/.test(before);
        if (
            notFields.has(name) ||
            isObjectQualifier ||
            isOtherObjectsField ||
            isModuleName ||
            isSchemaImport
        ) {
            continue;
        }
        candidates.push({ name, line: text.slice(0, match.index).split('\n').length });
    }
    return candidates;
}
