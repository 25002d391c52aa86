// An esbuild plugin that compiles the shipped Lightning web components (force-app/main/default/lwc,
// unchanged) into the local console's bundle with the LWC compiler, the way the platform compiles
// them on deploy, and resolves what they import from the platform to the console's played modules
// (src/local-console/lwc-runtime/):
//   lwc                              → lwc/engine-dom (the real engine)
//   c/<bundle>                       → force-app/main/default/lwc/<bundle>/<bundle>.js
//   lightning/<name> (modules)       → lwc-runtime/modules/<name>.ts (uiRecordApi, messageService…)
//   lightning/<name> (base components, from templates) → lwc-runtime/components/<name>/<name>.js
//   @salesforce/label/c.<Name>       → the label's value from CustomLabels.labels-meta.xml, or from
//                                      translations/<lang>.translation-meta.xml for the console's
//                                      `lang=` (as the platform picks the user's language)
//   @salesforce/messageChannel/<Ch>  → { channelName: '<Ch>' } (only channels in messageChannels/)
//   @salesforce/schema/<Obj>[.<F>]   → { objectApiName, fieldApiName }
//   @salesforce/apex                 → lwc-runtime/modules/apex.ts (refreshApex)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from '@lwc/compiler';
import { XMLParser } from 'fast-xml-parser';

const namespace = 'lwc-console';
const require = createRequire(import.meta.url);

export function lwcConsolePlugin(root) {
    const lwcDir = join(root, 'force-app/main/default/lwc');
    const runtimeDir = join(root, 'src/local-console/lwc-runtime');
    const modulesDir = join(runtimeDir, 'modules');
    const componentsDir = join(runtimeDir, 'components');
    const labels = readLabels(
        join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml')
    );
    const translations = readTranslations(join(root, 'force-app/main/default/translations'));
    const channels = readdirSync(join(root, 'force-app/main/default/messageChannels'))
        .filter((file) => file.endsWith('.messageChannel-meta.xml'))
        .map((file) => `${file.replace('.messageChannel-meta.xml', '')}__c`);

    const isComponentFile = (path) =>
        (path.startsWith(lwcDir) || path.startsWith(componentsDir)) && !path.includes('__tests__');

    return {
        name: 'lwc-console',
        setup(build) {
            build.onResolve({ filter: /^lwc$/ }, () => ({
                path: require.resolve('lwc/engine-dom')
            }));
            build.onResolve({ filter: /^c\/[A-Za-z0-9_]+$/ }, (args) => {
                const bundle = args.path.slice(2);
                const path = join(lwcDir, bundle, `${bundle}.js`);
                return existsSync(path)
                    ? { path }
                    : { errors: [{ text: `No LWC bundle ${bundle} in force-app` }] };
            });
            build.onResolve({ filter: /^lightning\/[A-Za-z]+$/ }, (args) => {
                const name = args.path.slice('lightning/'.length);
                const module = join(modulesDir, `${kebab(name)}.ts`);
                if (existsSync(module)) {
                    return { path: module };
                }
                const component = join(componentsDir, name, `${name}.js`);
                if (existsSync(component)) {
                    return { path: component };
                }
                return {
                    errors: [
                        {
                            text: `The local console plays no ${args.path}: add lwc-runtime/modules/${kebab(name)}.ts or lwc-runtime/components/${name}/`
                        }
                    ]
                };
            });
            build.onResolve({ filter: /^@salesforce\/apex$/ }, () => ({
                path: join(modulesDir, 'apex.ts')
            }));
            build.onResolve(
                { filter: /^@salesforce\/(label|messageChannel|schema)\// },
                (args) => ({
                    path: args.path,
                    namespace
                })
            );
            build.onResolve({ filter: /^lwc-console-labels$/ }, () => ({
                path: 'lwc-console-labels',
                namespace: `${namespace}-labels`
            }));
            build.onLoad({ filter: /.*/, namespace: `${namespace}-labels` }, () => ({
                contents: labelLanguageModule(translations),
                loader: 'js'
            }));
            build.onLoad({ filter: /.*/, namespace }, (args) =>
                loadSalesforceModule(args.path, labels, channels)
            );
            // Stylesheets the template compiler imports implicitly: the components ship none.
            build.onResolve({ filter: /\.css(\?scoped=true)?$/ }, (args) => {
                const path = join(args.resolveDir, args.path.replace('?scoped=true', ''));
                if (!isComponentFile(path)) {
                    return undefined;
                }
                return existsSync(path)
                    ? { errors: [{ text: `${path}: component stylesheets are not played yet` }] }
                    : { path: args.path, namespace: `${namespace}-empty` };
            });
            build.onLoad({ filter: /.*/, namespace: `${namespace}-empty` }, () => ({
                contents: 'export default undefined;',
                loader: 'js'
            }));
            build.onLoad({ filter: /\.(js|html)$/ }, (args) => {
                if (!isComponentFile(args.path)) {
                    return undefined;
                }
                const bundle = basename(dirname(args.path));
                const { code } = transformSync(readFileSync(args.path, 'utf8'), args.path, {
                    namespace: args.path.startsWith(lwcDir) ? 'c' : 'lightning',
                    name: bundle
                });
                return { contents: code, loader: 'js', resolveDir: dirname(args.path) };
            });
        }
    };
}

function kebab(name) {
    return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function readLabels(path) {
    const parser = new XMLParser({ isArray: (name) => name === 'labels' });
    const parsed = parser.parse(readFileSync(path, 'utf8'));
    return new Map(
        (parsed.CustomLabels?.labels ?? []).map((label) => [
            String(label.fullName),
            String(label.value)
        ])
    );
}

/** { <language>: { <label>: <text> } } from every <language>.translation-meta.xml. */
function readTranslations(dir) {
    if (!existsSync(dir)) {
        return {};
    }
    const parser = new XMLParser({ isArray: (name) => name === 'customLabels' });
    return Object.fromEntries(
        readdirSync(dir)
            .filter((file) => file.endsWith('.translation-meta.xml'))
            .map((file) => {
                const parsed = parser.parse(readFileSync(join(dir, file), 'utf8'));
                const entries = (parsed.Translations?.customLabels ?? [])
                    .map((entry) => [String(entry.name), String(entry.label ?? '')])
                    .filter(([, text]) => text.trim() !== '');
                return [file.replace('.translation-meta.xml', ''), Object.fromEntries(entries)];
            })
    );
}

/**
 * The console's label picker: the language of the console URL's `lang=` (Salesforce keys or
 * BCP 47: "ja", "ja-JP", "he" for "iw"), regional file first; English for anything untranslated.
 */
function labelLanguageModule(translations) {
    return `
const translations = ${JSON.stringify(translations)};
function consoleLanguages() {
    const lang = globalThis.location ? new URLSearchParams(globalThis.location.search).get('lang') : null;
    const match = /^([a-z]{2,3})(?:[_-]([A-Za-z]{2}))?$/.exec((lang ?? '').trim());
    if (!match) {
        return [];
    }
    const base = match[1] === 'he' ? 'iw' : match[1];
    return match[2] ? [base + '_' + match[2].toUpperCase(), base] : [base];
}
const table = consoleLanguages().map((language) => translations[language]).find(Boolean) ?? {};
export function consoleLabel(name, english) {
    return table[name] ?? english;
}
`;
}

function loadSalesforceModule(path, labels, channels) {
    const [, kind, ...rest] = path.split('/');
    const name = rest.join('/');
    if (kind === 'label') {
        const labelName = name.replace(/^c\./, '');
        if (!name.startsWith('c.') || !labels.has(labelName)) {
            return {
                errors: [{ text: `${path}: no such Custom Label in CustomLabels.labels-meta.xml` }]
            };
        }
        return {
            contents: [
                "import { consoleLabel } from 'lwc-console-labels';",
                `export default consoleLabel(${JSON.stringify(labelName)}, ${JSON.stringify(labels.get(labelName))});`
            ].join('\n'),
            loader: 'js',
            resolveDir: dirname(fileURLToPath(import.meta.url))
        };
    }
    if (kind === 'messageChannel') {
        if (!channels.includes(name)) {
            return { errors: [{ text: `${path}: no such message channel in messageChannels/` }] };
        }
        return {
            contents: `export default Object.freeze(${JSON.stringify({ channelName: name })});`,
            loader: 'js'
        };
    }
    const [objectApiName, ...fieldPath] = name.split('.');
    const value =
        fieldPath.length === 0
            ? { objectApiName }
            : { objectApiName, fieldApiName: fieldPath.join('.') };
    return { contents: `export default Object.freeze(${JSON.stringify(value)});`, loader: 'js' };
}
