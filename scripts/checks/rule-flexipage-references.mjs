// FlexiPages: every component is a bundle of this tree exposed for the page's type (`c:name`), or
// a known standard component (standard-names.mjs); its properties are the bundle's; record
// fields and the page's object exist.
import {
    buildSourceIndex,
    didYouMean,
    fieldProblem,
    objectProblem,
    problemCollector,
    readText
} from './source-index.mjs';
import { flexiPageTargets, standardFlexiPageComponents } from './standard-names.mjs';
import { childrenNamed, childText, readXmlRoot } from './xml-tree.mjs';

/** Every element called `name` under `element`, at any depth. */
function descendants(element, name) {
    return element.children.flatMap((child) => [
        ...(child.name === name ? [child] : []),
        ...descendants(child, name)
    ]);
}

export function checkFlexiPageReferences(projectRoot, { sourceDir = 'force-app', index } = {}) {
    const names = index ?? buildSourceIndex(projectRoot, { sourceDir });
    return names.files
        .filter(({ file }) => file.endsWith('.flexipage-meta.xml'))
        .flatMap(({ path, file }) => {
            const root = readXmlRoot(path);
            if (!root) {
                return [];
            }
            const { problems, check } = problemCollector(file, readText(path));
            const type = childText(root, 'type');
            const target = flexiPageTargets.get(type);
            const sobjectType = childText(root, 'sobjectType');
            if (sobjectType !== undefined) {
                check('sobjectType', sobjectType, objectProblem(names, sobjectType));
            }
            for (const instance of descendants(root, 'componentInstance')) {
                const component = childText(instance, 'componentName') ?? '';
                check('componentName', component, componentProblem(names, component, target, type));
                const bundle = names.lwc.get(/^c:(.+)$/.exec(component)?.[1]);
                for (const property of childrenNamed(instance, 'componentInstanceProperties')) {
                    const name = childText(property, 'name');
                    if (
                        bundle &&
                        childText(property, 'type') !== 'decorator' &&
                        name !== undefined
                    ) {
                        const known = bundle.properties.get(target) ?? new Set();
                        check(
                            'componentInstanceProperties><name',
                            name,
                            known.has(name)
                                ? undefined
                                : `${component} has no property ${name} for ${target}${didYouMean(name, known)}`
                        );
                    }
                }
            }
            for (const item of descendants(root, 'fieldItem')) {
                const field = /^Record\.(.+)$/.exec(item.text)?.[1];
                check(
                    'fieldItem',
                    item.text,
                    field === undefined || sobjectType === undefined
                        ? undefined
                        : fieldProblem(names, sobjectType, field)
                );
            }
            return problems;
        });
}

function componentProblem(names, component, target, type) {
    const custom = /^c:(.+)$/.exec(component)?.[1];
    if (custom === undefined) {
        return standardFlexiPageComponents.has(component)
            ? undefined
            : `not a component of this tree (c:name) nor a known standard component${didYouMean(component, standardFlexiPageComponents)}`;
    }
    const bundle = names.lwc.get(custom);
    if (!bundle) {
        return `no LWC bundle lwc/${custom}${didYouMean(custom, names.lwc.keys())}`;
    }
    if (!bundle.exposed) {
        return `lwc/${custom} is not exposed (isExposed false)`;
    }
    if (target !== undefined && !bundle.targets.has(target)) {
        return `lwc/${custom} has no target ${target}, which a ${type} needs`;
    }
    return undefined;
}
