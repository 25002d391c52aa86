// Lightning web components: every module a component imports and every child component it uses
// resolves (labels, message channels, schema objects and fields, static resources, `c/` bundles,
// `lightning/` modules), and its js-meta.xml names real targets, as a deploy requires.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
    buildSourceIndex,
    didYouMean,
    fieldProblem,
    objectProblem,
    problemCollector,
    readText
} from './source-index.mjs';
import { lightningModules, lwcTargets, platformModules } from './standard-names.mjs';
import { childrenNamed, readXmlRoot } from './xml-tree.mjs';

// `import x from '…'`, `export … from '…'`, `import '…'` and `import('…')`.
const moduleSpecifier =
    /(?:\bimport\s*(?:[\w*${}\s,]+\s*from\s*)?|\bexport\s*[\w*${}\s,]+\s*from\s*|\bimport\s*\(\s*)(['"])([^'"]+)\1/g;
const childTag = /<(c|lightning)-([a-z0-9-]+)/g;
const acceptedSalesforceModules =
    /^@salesforce\/(user|userPermission|customPermission|i18n|client|community|site|contentAssetUrl|loginFormFactor)(\/|$)/;

const camelCase = (kebab) =>
    kebab.replace(/-([a-z0-9])/g, (_match, letter) => letter.toUpperCase());

export function checkLwcReferences(projectRoot, { sourceDir = 'force-app', index } = {}) {
    const names = index ?? buildSourceIndex(projectRoot, { sourceDir });
    const lightning = lightningModules();
    const problems = [];
    for (const { path, file } of names.files) {
        const bundle = /\/lwc\/([^/]+)\/([^/]+)$/.exec(`/${file}`);
        if (!bundle || /\/(__tests__|__mocks__)\//.test(file)) {
            continue;
        }
        if (file.endsWith('.js-meta.xml')) {
            problems.push(...checkMeta(names, path, file));
        } else if (file.endsWith('.js')) {
            problems.push(...checkImports(names, lightning, path, file));
        } else if (file.endsWith('.html')) {
            problems.push(...checkTemplate(names, lightning, path, file));
        }
    }
    return problems;
}

function lineReporter(file, text, problems) {
    return (index, message) =>
        problems.push({
            file,
            message: `line ${text.slice(0, index).split('\n').length}: ${message}`
        });
}

function checkImports(names, lightning, path, file) {
    const text = readText(path);
    const problems = [];
    const report = lineReporter(file, text, problems);
    for (const match of text.matchAll(moduleSpecifier)) {
        const problem = moduleProblem(names, lightning, match[2], dirname(path));
        if (problem !== undefined) {
            report(match.index, `import '${match[2]}': ${problem}`);
        }
    }
    return problems;
}

function moduleProblem(names, lightning, specifier, directory) {
    const [scope, ...rest] = specifier.split('/');
    const tail = rest.join('/');
    if (specifier.startsWith('.')) {
        const file = join(directory, specifier);
        return [file, `${file}.js`, join(file, 'index.js')].some((candidate) =>
            existsSync(candidate)
        )
            ? undefined
            : 'no such file in the bundle';
    }
    if (platformModules.has(specifier) || acceptedSalesforceModules.test(specifier)) {
        return undefined;
    }
    if (scope === 'c') {
        return names.lwc.has(tail)
            ? undefined
            : `no LWC bundle lwc/${tail}${didYouMean(tail, names.lwc.keys())}`;
    }
    if (scope === 'lightning') {
        return lightning.has(tail)
            ? undefined
            : `not a lightning/ module${didYouMean(tail, lightning)}`;
    }
    if (scope === '@salesforce') {
        const [kind, ...nameParts] = rest;
        const name = nameParts.join('/');
        switch (kind) {
            case 'label': {
                const label = /^c\.(.+)$/.exec(name)?.[1];
                return label !== undefined && names.labels.has(label)
                    ? undefined
                    : `no custom label ${label ?? name} (labels/CustomLabels.labels-meta.xml)${didYouMean(label ?? name, names.labels)}`;
            }
            case 'messageChannel': {
                const channel = /^(.+)__c$/.exec(name)?.[1];
                return channel !== undefined && names.channels.has(channel)
                    ? undefined
                    : `no message channel messageChannels/${channel ?? name}.messageChannel-meta.xml${didYouMean(channel ?? name, names.channels)}`;
            }
            case 'schema':
                return schemaProblem(names, name);
            case 'resourceUrl':
                return names.staticResources.has(name)
                    ? undefined
                    : `no static resource ${name}${didYouMean(name, names.staticResources)}`;
            case 'apex':
                return 'imports Apex, which this Apex-free package has none of';
            default:
                return 'not a @salesforce module the checks know';
        }
    }
    return 'not a module the platform resolves (c/, lightning/, @salesforce/, lwc)';
}

function schemaProblem(names, name) {
    const [object, field, next] = name.split('.');
    if (field === undefined) {
        return objectProblem(names, object);
    }
    // A relationship path (Obj.Rel__r.Field): its first hop must be a lookup of the object.
    if (next === undefined) {
        return fieldProblem(names, object, field);
    }
    return fieldProblem(
        names,
        object,
        field.endsWith('__r') ? field.replace(/__r$/, '__c') : `${field}Id`
    );
}

function checkTemplate(names, lightning, path, file) {
    const text = readText(path);
    const problems = [];
    const report = lineReporter(file, text, problems);
    for (const match of text.matchAll(childTag)) {
        const [tag, namespace, kebab] = match;
        const name = camelCase(kebab);
        if (namespace === 'c' && !names.lwc.has(name)) {
            report(
                match.index,
                `<${tag.slice(1)}>: no LWC bundle lwc/${name}${didYouMean(name, names.lwc.keys())}`
            );
        } else if (namespace === 'lightning' && !lightning.has(name)) {
            report(
                match.index,
                `<${tag.slice(1)}>: not a lightning base component${didYouMean(name, lightning)}`
            );
        }
    }
    return problems;
}

function checkMeta(names, path, file) {
    const root = readXmlRoot(path);
    if (!root) {
        return [];
    }
    const { problems, check } = problemCollector(file, readText(path));
    const targets = childrenNamed(root, 'targets').flatMap((element) =>
        childrenNamed(element, 'target').map((target) => target.text)
    );
    for (const target of targets) {
        check(
            'target',
            target,
            lwcTargets.has(target)
                ? undefined
                : `not an LWC target${didYouMean(target, lwcTargets)}`
        );
    }
    for (const config of childrenNamed(root, 'targetConfigs').flatMap((element) =>
        childrenNamed(element, 'targetConfig')
    )) {
        for (const target of (config.attributes.targets ?? '').split(',').map((t) => t.trim())) {
            check(
                'targetConfig targets',
                target,
                targets.includes(target) ? undefined : `is not one of the bundle's <targets>`
            );
        }
        for (const object of childrenNamed(config, 'objects').flatMap((objects) =>
            childrenNamed(objects, 'object').map((element) => element.text)
        )) {
            check('object', object, objectProblem(names, object));
        }
    }
    return problems;
}
