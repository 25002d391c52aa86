// Every Custom Label a component imports exists in CustomLabels.labels-meta.xml (a missing one
// would deploy-fail, and in jest silently render as "c.Name"), and every label there is used: by a
// component, or by the softphone through the host page's $Label block.
const { readdirSync, readFileSync, statSync } = require('fs');
const { join } = require('path');
const { readCustomLabels } = require('./jest-mocks/customLabels');

const LWC_DIR = join(__dirname, '..', 'main', 'default', 'lwc');
const HOST_PAGE = join(__dirname, '..', 'main', 'default', 'pages', 'Softphone.page');

function componentSources(dir) {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            return name === '__tests__' ? [] : componentSources(path);
        }
        return /\.(js|html)$/.test(name) ? [path] : [];
    });
}

function importedLabels() {
    const names = new Set();
    for (const file of componentSources(LWC_DIR)) {
        const source = readFileSync(file, 'utf8');
        for (const [, name] of source.matchAll(/@salesforce\/label\/c\.([A-Za-z0-9_]+)/g)) {
            names.add(name);
        }
    }
    return names;
}

function hostPageLabels() {
    const source = readFileSync(HOST_PAGE, 'utf8');
    return new Set([...source.matchAll(/\$Label\.([A-Za-z0-9_]+)/g)].map(([, name]) => name));
}

describe('Custom Labels', () => {
    const defined = readCustomLabels();
    const imported = importedLabels();

    it('define every label the components import', () => {
        const missing = [...imported].filter((name) => !defined.has(name));
        expect(missing).toEqual([]);
    });

    it('are all used by a component or the softphone', () => {
        const onHostPage = hostPageLabels();
        const unused = [...defined.keys()].filter(
            (name) => !imported.has(name) && !onHostPage.has(name)
        );
        expect(unused).toEqual([]);
    });

    it('have a non-empty value', () => {
        const empty = [...defined].filter(([, value]) => value.trim() === '');
        expect(empty).toEqual([]);
    });
});
