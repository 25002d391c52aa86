// Settings that survive upgrades: the host page hands every setting the adapter reads to it from
// the hierarchy custom setting (`<span data-setting="/section/item"><apex:outputText
// value="{!$Setup.Softphone_Settings__c.Field__c}" /></span>`). This rule keeps the three places
// in step: the page's overrides, the keys the settings parser reads, and the call center's items.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, toProjectPath } from './find-files.mjs';
import { childrenNamed, childText, readXmlRoot } from './xml-tree.mjs';

export const settingsParserFile = 'src/softphone/settings/call-center-settings.ts';

const overrideElement =
    /<span\s+data-setting="([^"]*)"\s*>\s*<apex:outputText\s+value="\{!\s*\$Setup\.([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\s*\}"\s*\/>\s*<\/span\s*>/g;
const anyDataSetting = /data-setting="([^"]*)"/g;

/** The overrides a page declares: [{ key, objectName, fieldName, line }]. */
export function readPageOverrides(text) {
    const lineOf = (index) => text.slice(0, index).split('\n').length;
    const overrides = [...text.matchAll(overrideElement)].map((match) => ({
        key: match[1],
        objectName: match[2],
        fieldName: match[3],
        line: lineOf(match.index)
    }));
    const wellFormed = new Set(overrides.map(({ line }) => line));
    const malformed = [...text.matchAll(anyDataSetting)]
        .map((match) => ({ key: match[1], line: lineOf(match.index) }))
        .filter(({ line }) => !wellFormed.has(line));
    return { overrides, malformed };
}

/** The `/section/item` keys the adapter's settings parser reads (undefined without the file). */
export function readParserKeys(projectRoot) {
    const path = join(projectRoot, settingsParserFile);
    if (!existsSync(path)) {
        return undefined;
    }
    const text = readFileSync(path, 'utf8');
    return new Set([...text.matchAll(/'(\/[A-Za-z0-9]+\/[A-Za-z0-9]+)'/g)].map((m) => m[1]));
}

export function checkSettingOverrides(projectRoot, { sourceDir = 'force-app' } = {}) {
    const files = listFiles(join(projectRoot, sourceDir));
    const callCenterItems = new Set(
        files
            .filter((path) => path.endsWith('.callCenter-meta.xml'))
            .map(readXmlRoot)
            .filter(Boolean)
            .flatMap((root) =>
                childrenNamed(root, 'sections').flatMap((section) =>
                    childrenNamed(section, 'items').map(
                        (item) => `/${childText(section, 'name')}/${childText(item, 'name')}`
                    )
                )
            )
    );
    const parserKeys = readParserKeys(projectRoot);
    const problems = [];
    const overridden = new Set();
    let pageFile;
    for (const path of files.filter((file) => file.endsWith('.page'))) {
        const file = toProjectPath(projectRoot, path);
        const { overrides, malformed } = readPageOverrides(readFileSync(path, 'utf8'));
        if (overrides.length > 0 || malformed.length > 0) {
            pageFile = file;
        }
        for (const { key, line } of malformed) {
            problems.push({
                file,
                message: `line ${line}: data-setting="${key}" must be <span data-setting="/section/item"><apex:outputText value="{!$Setup.Object__c.Field__c}" /></span>, which the adapter reads`
            });
        }
        for (const { key, line } of overrides) {
            if (overridden.has(key)) {
                problems.push({ file, message: `line ${line}: ${key} is overridden twice` });
            }
            overridden.add(key);
            if (key.startsWith('/reqGeneralInfo/') || !/^\/[A-Za-z0-9]+\/[A-Za-z0-9]+$/.test(key)) {
                problems.push({
                    file,
                    message: `line ${line}: data-setting="${key}" is not a custom-section /section/item key`
                });
            } else if (parserKeys && !parserKeys.has(key)) {
                problems.push({
                    file,
                    message: `line ${line}: data-setting="${key}" is a setting the adapter does not read (${settingsParserFile})`
                });
            }
        }
    }
    if (parserKeys && pageFile) {
        for (const key of [...parserKeys].filter((key) => !overridden.has(key)).sort()) {
            problems.push({
                file: pageFile,
                message: `setting ${key} has no override from the custom setting: an admin's value for it would not survive an upgrade`
            });
        }
    }
    if (parserKeys) {
        for (const key of [...callCenterItems].sort()) {
            if (!key.startsWith('/reqGeneralInfo/') && !parserKeys.has(key)) {
                problems.push({
                    file: settingsParserFile,
                    message: `the call center declares ${key}, which the adapter does not read`
                });
            }
        }
    }
    return problems;
}
