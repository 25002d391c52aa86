// Visualforce pages: every apex: tag and attribute is one the package knows to exist
// (standard-names.mjs), and every $Resource, $Setup and $Label name resolves in this tree, as
// saving the page in an org requires.
import { buildSourceIndex, didYouMean, fieldProblem, readText } from './source-index.mjs';
import { isStandardField, visualforceTags } from './standard-names.mjs';

const attributes = `(?:[^>"']|"[^"]*"|'[^']*')*`;
const apexTag = new RegExp(`<(apex:[A-Za-z]+)\\b(${attributes})>`, 'g');
const attributeName = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"[^"]*"|'[^']*')/g;
const globalVariable = /\$(Resource|Setup|Label|User)\.([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_]+))?/g;

export function checkVisualforceReferences(projectRoot, { sourceDir = 'force-app', index } = {}) {
    const names = index ?? buildSourceIndex(projectRoot, { sourceDir });
    return names.files
        .filter(({ file }) => /\.(page|component)$/.test(file))
        .flatMap(({ path, file }) => checkPage(names, file, readText(path)));
}

function checkPage(names, file, source) {
    // Comments are not rendered; their text names nothing.
    const text = source.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
    const problems = [];
    const lineAt = (index) => text.slice(0, index).split('\n').length;
    const report = (index, message) =>
        problems.push({ file, message: `line ${lineAt(index)}: ${message}` });
    for (const match of text.matchAll(apexTag)) {
        const [, tag, attrs] = match;
        const known = visualforceTags.get(tag);
        if (!known) {
            report(
                match.index,
                `<${tag}> is not a Visualforce tag the package knows${didYouMean(tag, visualforceTags.keys())} (add it to standard-names.mjs once checked in the component reference)`
            );
            continue;
        }
        for (const [, attribute] of attrs.matchAll(attributeName)) {
            if (!known.has(attribute)) {
                report(
                    match.index,
                    `<${tag}> has no attribute ${attribute}${didYouMean(attribute, known)}`
                );
            }
        }
    }
    for (const match of text.matchAll(globalVariable)) {
        const [reference, kind, name, member] = match;
        const problem = globalProblem(names, kind, name, member);
        if (problem !== undefined) {
            report(match.index, `${reference}: ${problem}`);
        }
    }
    return problems;
}

function globalProblem(names, kind, name, member) {
    switch (kind) {
        case 'Resource':
            return names.staticResources.has(name)
                ? undefined
                : `no static resource ${name} (staticresources/${name}.resource-meta.xml)${didYouMean(name, names.staticResources)}`;
        case 'Label':
            return names.labels.has(name)
                ? undefined
                : `no custom label ${name}${didYouMean(name, names.labels)}`;
        case 'User':
            return isStandardField('User', name) || names.objects.get('User')?.fields.has(name)
                ? undefined
                : `User has no field ${name} the package knows`;
        case 'Setup': {
            const object = names.objects.get(name);
            if (object?.customSettingsType !== 'Hierarchy') {
                const settings = [...names.objects]
                    .filter(([, entry]) => entry.customSettingsType === 'Hierarchy')
                    .map(([objectName]) => objectName);
                return object?.file
                    ? `${name} is not a hierarchy custom setting ($Setup reads only those)`
                    : `no hierarchy custom setting ${name}${didYouMean(name, settings)}`;
            }
            return member === undefined ? 'names no field' : fieldProblem(names, name, member);
        }
        default:
            return undefined;
    }
}
