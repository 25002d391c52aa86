// What the source tree defines, by the names other metadata refers to it with: the table the
// reference checks resolve names against, as a deploy resolves them against the org.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { closestName } from './closest-name.mjs';
import { listFiles, toProjectPath } from './find-files.mjs';
import { isStandardField, standardFieldNames, standardObjects } from './standard-names.mjs';
import { childrenNamed, childText, readXmlRoot } from './xml-tree.mjs';

function emptyObject() {
    return {
        file: undefined,
        customSettingsType: undefined,
        fields: new Map(),
        listViews: new Set(),
        compactLayouts: new Set(),
        validationRules: new Set(),
        recordTypes: new Set()
    };
}

/** Map target → Set of the `<property name>`s its targetConfig declares. */
function targetProperties(root) {
    const properties = new Map();
    for (const config of childrenNamed(root, 'targetConfigs').flatMap((configs) =>
        childrenNamed(configs, 'targetConfig')
    )) {
        const names = childrenNamed(config, 'property').map((property) => property.attributes.name);
        for (const target of (config.attributes.targets ?? '').split(',')) {
            const key = target.trim();
            properties.set(key, new Set([...(properties.get(key) ?? []), ...names]));
        }
    }
    return properties;
}

/** Reads the names under `<projectRoot>/<sourceDir>`; every file is read at most once. */
export function buildSourceIndex(projectRoot, { sourceDir = 'force-app' } = {}) {
    const index = {
        projectRoot,
        files: [],
        objects: new Map(),
        lwc: new Map(),
        labels: new Set(),
        channels: new Set(),
        staticResources: new Set(),
        pages: new Set(),
        tabs: new Set(),
        applications: new Set(),
        flexipages: new Map(),
        reportTypes: new Map(),
        reportFolders: new Set(),
        permissionSets: new Set()
    };
    const objectOf = (name) => {
        if (!index.objects.has(name)) {
            index.objects.set(name, emptyObject());
        }
        return index.objects.get(name);
    };
    for (const path of listFiles(join(projectRoot, sourceDir))) {
        const file = toProjectPath(projectRoot, path);
        index.files.push({ path, file });
        const name = basename(file).replace(/\.[^.]+-meta\.xml$/, '');
        const inObject = /\/objects\/([^/]+)\/(?:([^/]+)\/)?[^/]+$/.exec(`/${file}`);
        if (inObject && file.endsWith('-meta.xml')) {
            const object = objectOf(inObject[1]);
            const folder = inObject[2];
            if (folder === undefined && file.endsWith('.object-meta.xml')) {
                const root = readXmlRoot(path);
                object.file = file;
                object.customSettingsType = root
                    ? childText(root, 'customSettingsType')
                    : undefined;
            } else if (folder === 'fields') {
                const root = readXmlRoot(path);
                object.fields.set(name, {
                    file,
                    type: root ? childText(root, 'type') : undefined,
                    referenceTo: root ? childText(root, 'referenceTo') : undefined
                });
            } else if (folder === 'listViews') {
                object.listViews.add(name);
            } else if (folder === 'compactLayouts') {
                object.compactLayouts.add(name);
            } else if (folder === 'validationRules') {
                object.validationRules.add(name);
            } else if (folder === 'recordTypes') {
                object.recordTypes.add(name);
            }
            continue;
        }
        const lwcMeta = /\/lwc\/([^/]+)\/\1\.js-meta\.xml$/.exec(`/${file}`);
        if (lwcMeta) {
            const root = readXmlRoot(path);
            index.lwc.set(lwcMeta[1], {
                file,
                exposed: root ? childText(root, 'isExposed') === 'true' : false,
                targets: new Set(
                    root
                        ? childrenNamed(root, 'targets').flatMap((targets) =>
                              childrenNamed(targets, 'target').map((target) => target.text)
                          )
                        : []
                ),
                properties: root ? targetProperties(root) : new Map()
            });
            continue;
        }
        if (file.endsWith('.labels-meta.xml')) {
            const root = readXmlRoot(path);
            for (const label of root ? childrenNamed(root, 'labels') : []) {
                index.labels.add(childText(label, 'fullName'));
            }
        } else if (file.endsWith('.messageChannel-meta.xml')) {
            index.channels.add(name);
        } else if (file.endsWith('.resource-meta.xml')) {
            index.staticResources.add(name);
        } else if (file.endsWith('.page-meta.xml')) {
            index.pages.add(name);
        } else if (file.endsWith('.tab-meta.xml')) {
            index.tabs.add(name);
        } else if (file.endsWith('.app-meta.xml')) {
            index.applications.add(name);
        } else if (file.endsWith('.permissionset-meta.xml')) {
            index.permissionSets.add(name);
        } else if (file.endsWith('.reportFolder-meta.xml')) {
            index.reportFolders.add(name);
        } else if (file.endsWith('.flexipage-meta.xml')) {
            const root = readXmlRoot(path);
            index.flexipages.set(name, root ? childText(root, 'type') : undefined);
        } else if (file.endsWith('.reportType-meta.xml')) {
            const root = readXmlRoot(path);
            index.reportTypes.set(name, {
                baseObject: root ? childText(root, 'baseObject') : undefined,
                columns: new Set(
                    (root ? childrenNamed(root, 'sections') : []).flatMap((section) =>
                        childrenNamed(section, 'columns').map(
                            (column) =>
                                `${childText(column, 'table')}.${childText(column, 'field')}`
                        )
                    )
                )
            });
        }
    }
    return index;
}

/** A file's text, for line numbers; '' when it cannot be read. */
export function readText(path) {
    try {
        return readFileSync(path, 'utf8');
    } catch {
        return '';
    }
}

/** 1-based line of the first `>value<` (an element's text) in `text`, or of `value` itself. */
export function lineOfValue(text, value) {
    let index = text.indexOf(`>${value}<`);
    if (index === -1) {
        index = text.indexOf(value);
    }
    return index === -1 ? undefined : text.slice(0, index).split('\n').length;
}

/** '; did you mean X?' or ''. */
export function didYouMean(name, candidates) {
    const suggestion = closestName(name, [...candidates]);
    return suggestion && suggestion !== name ? `; did you mean ${suggestion}?` : '';
}

/** Undefined when `object` exists (in the tree or as a known standard object), else why not. */
export function objectProblem(index, object) {
    if (index.objects.get(object)?.file !== undefined || standardObjects.has(object)) {
        return undefined;
    }
    const known = [
        ...[...index.objects].filter(([, entry]) => entry.file).map(([name]) => name),
        ...standardObjects
    ];
    return `object ${object} does not exist (no objects/${object}/${object}.object-meta.xml and not a known standard object)${didYouMean(object, known)}`;
}

/** Undefined when `object.field` exists, else why not (the object's problem first). */
export function fieldProblem(index, object, field) {
    const entry = index.objects.get(object);
    if (entry?.file === undefined && !standardObjects.has(object)) {
        return objectProblem(index, object);
    }
    if (entry?.fields.has(field) || (!field.endsWith('__c') && isStandardField(object, field))) {
        return undefined;
    }
    const where = field.endsWith('__c')
        ? `no objects/${object}/fields/${field}.field-meta.xml`
        : 'not a known standard field';
    const candidates = [...(entry?.fields.keys() ?? []), ...standardFieldNames(object)];
    return `field ${object}.${field} does not exist (${where})${didYouMean(field, candidates)}`;
}

/** Collects `{ file, message }` problems of one file, each naming its line and element. */
export function problemCollector(file, text) {
    const problems = [];
    return {
        problems,
        /** Reports `problem` (when there is one) for `value` found in element `element`. */
        check(element, value, problem) {
            if (problem === undefined) {
                return;
            }
            const line = lineOfValue(text, value);
            problems.push({
                file,
                message: `${line === undefined ? '' : `line ${line}: `}<${element}> ${value}: ${problem}`
            });
        }
    };
}
