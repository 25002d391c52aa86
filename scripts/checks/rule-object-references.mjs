// Every object and field that object metadata, layouts, list views, permission sets, report
// types, reports, validation rules, apps and tabs name must exist, as a deploy requires: in this
// tree, or as a known standard object or field (standard-names.mjs).
import { basename } from 'node:path';
import {
    buildSourceIndex,
    didYouMean,
    fieldProblem,
    objectProblem,
    problemCollector,
    readText
} from './source-index.mjs';
import {
    standardListViewColumns,
    standardObjects,
    standardReportTypeColumns
} from './standard-names.mjs';
import { childrenNamed, childText, readXmlRoot } from './xml-tree.mjs';

const all = (element, ...path) =>
    path.reduce((elements, name) => elements.flatMap((e) => childrenNamed(e, name)), [element]);
const texts = (element, ...path) => all(element, ...path).map((e) => e.text);

export function checkObjectReferences(projectRoot, { sourceDir = 'force-app', index } = {}) {
    const names = index ?? buildSourceIndex(projectRoot, { sourceDir });
    return names.files.flatMap(({ path, file }) => {
        const checker = checkerFor(file);
        if (!checker) {
            return [];
        }
        const root = readXmlRoot(path);
        if (!root) {
            return []; // the lint reports unreadable XML
        }
        const collector = problemCollector(file, readText(path));
        checker(root, { names, file, check: collector.check });
        return collector.problems;
    });
}

/** The object a file under objects/<Object>/ belongs to. */
const objectOfFile = (file) => /\/objects\/([^/]+)\//.exec(`/${file}`)?.[1];

function checkerFor(file) {
    const suffix = /\.([A-Za-z]+)-meta\.xml$/.exec(file)?.[1];
    return checkers[suffix];
}

function tabProblem(names, tab) {
    const standard = /^standard-(.+)$/.exec(tab)?.[1];
    if (standard !== undefined) {
        return standardObjects.has(standard)
            ? undefined
            : `standard tab of an object that is not a known standard object${didYouMean(standard, standardObjects)}`;
    }
    return names.tabs.has(tab)
        ? undefined
        : `tab does not exist (no tabs/${tab}.tab-meta.xml)${didYouMean(tab, names.tabs)}`;
}

function listViewColumnProblem(names, object, column) {
    if (/^[A-Z][A-Z0-9_.]*$/.test(column)) {
        return standardListViewColumns.has(column)
            ? undefined
            : `not a known standard list view column${didYouMean(column, standardListViewColumns)}`;
    }
    return fieldProblem(names, object, column);
}

/** `Object.Field` (permission sets) → the field's problem. */
function qualifiedFieldProblem(names, qualified) {
    const [object, field, extra] = qualified.split('.');
    if (field === undefined || extra !== undefined) {
        return 'must be Object.Field';
    }
    return fieldProblem(names, object, field);
}

/** The custom field names a formula uses (not `$User.X__c`, not `Other__r.X__c`). */
export function formulaFieldNames(formula) {
    const withoutStrings = formula.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    return [
        ...new Set(
            [...withoutStrings.matchAll(/(?<![$.\w])([A-Za-z][A-Za-z0-9_]*__c)\b(?!\.)/g)].map(
                (match) => match[1]
            )
        )
    ];
}

const checkers = {
    field(root, { names, check }) {
        const referenceTo = childText(root, 'referenceTo');
        if (referenceTo !== undefined) {
            check('referenceTo', referenceTo, objectProblem(names, referenceTo));
        }
    },
    listView(root, { names, file, check }) {
        const object = objectOfFile(file);
        for (const column of texts(root, 'columns')) {
            check('columns', column, listViewColumnProblem(names, object, column));
        }
        for (const field of texts(root, 'filters', 'field')) {
            check('filters><field', field, listViewColumnProblem(names, object, field));
        }
    },
    compactLayout(root, { names, file, check }) {
        const object = objectOfFile(file);
        for (const field of texts(root, 'fields')) {
            check('fields', field, fieldProblem(names, object, field));
        }
    },
    layout(root, { names, file, check }) {
        const object = basename(file).split('-')[0];
        for (const field of texts(
            root,
            'layoutSections',
            'layoutColumns',
            'layoutItems',
            'field'
        )) {
            check('layoutItems><field', field, fieldProblem(names, object, field));
        }
    },
    object(root, { names, file, check }) {
        const object = objectOfFile(file);
        const entry = names.objects.get(object);
        const compact = childText(root, 'compactLayoutAssignment');
        if (compact !== undefined && compact !== 'SYSTEM' && !entry?.compactLayouts.has(compact)) {
            check(
                'compactLayoutAssignment',
                compact,
                `compact layout does not exist (no objects/${object}/compactLayouts/${compact}.compactLayout-meta.xml)${didYouMean(compact, entry?.compactLayouts ?? [])}`
            );
        }
        for (const layout of all(root, 'searchLayouts')) {
            for (const element of layout.children) {
                check(element.name, element.text, fieldProblem(names, object, element.text));
            }
        }
    },
    validationRule(root, { names, file, check }) {
        const object = objectOfFile(file);
        for (const field of formulaFieldNames(childText(root, 'errorConditionFormula') ?? '')) {
            check('errorConditionFormula', field, fieldProblem(names, object, field));
        }
        const displayField = childText(root, 'errorDisplayField');
        if (displayField !== undefined) {
            check('errorDisplayField', displayField, fieldProblem(names, object, displayField));
        }
    },
    permissionset(root, { names, check }) {
        for (const field of texts(root, 'fieldPermissions', 'field')) {
            check('fieldPermissions><field', field, qualifiedFieldProblem(names, field));
        }
        for (const object of texts(root, 'objectPermissions', 'object')) {
            check('objectPermissions><object', object, objectProblem(names, object));
        }
        for (const tab of texts(root, 'tabSettings', 'tab')) {
            check('tabSettings><tab', tab, tabProblem(names, tab));
        }
        for (const page of texts(root, 'pageAccesses', 'apexPage')) {
            check(
                'pageAccesses><apexPage',
                page,
                names.pages.has(page)
                    ? undefined
                    : `Visualforce page does not exist (no pages/${page}.page-meta.xml)${didYouMean(page, names.pages)}`
            );
        }
        for (const app of texts(root, 'applicationVisibilities', 'application')) {
            check(
                'applicationVisibilities><application',
                app,
                names.applications.has(app) || app.startsWith('standard__')
                    ? undefined
                    : `app does not exist (no applications/${app}.app-meta.xml)${didYouMean(app, names.applications)}`
            );
        }
    },
    reportType(root, { names, check }) {
        const base = childText(root, 'baseObject');
        if (base !== undefined) {
            check('baseObject', base, objectProblem(names, base));
        }
        for (const column of all(root, 'sections', 'columns')) {
            const table = childText(column, 'table');
            const field = childText(column, 'field');
            if (table === base && field !== undefined) {
                check(
                    'columns><field',
                    field,
                    standardReportTypeColumns.has(field)
                        ? undefined
                        : fieldProblem(names, table, field)
                );
            } else if (table !== undefined && !table.includes('.')) {
                check('columns><table', table, `is not the base object ${base}`);
            }
        }
    },
    report(root, { names, file, check }) {
        const reportType = childText(root, 'reportType');
        const custom = reportType ? /^(.+)__c$/.exec(reportType)?.[1] : undefined;
        const type = custom === undefined ? undefined : names.reportTypes.get(custom);
        if (custom !== undefined && type === undefined) {
            check(
                'reportType',
                reportType,
                `report type does not exist (no reportTypes/${custom}.reportType-meta.xml)${didYouMean(custom, names.reportTypes.keys())}`
            );
        }
        const folder = /\/reports\/([^/]+)\/[^/]+$/.exec(`/${file}`)?.[1];
        if (folder !== undefined && !names.reportFolders.has(folder)) {
            check(
                'Report',
                folder,
                `report folder ${folder} has no reports/${folder}.reportFolder-meta.xml`
            );
        }
        if (type === undefined) {
            return; // a standard report type: its columns cannot be checked offline
        }
        const columns = [
            ['columns><field', texts(root, 'columns', 'field')],
            ['groupingsDown><field', texts(root, 'groupingsDown', 'field')],
            ['groupingsAcross><field', texts(root, 'groupingsAcross', 'field')],
            ['timeFrameFilter><dateColumn', texts(root, 'timeFrameFilter', 'dateColumn')],
            ['filter><criteriaItems><column', texts(root, 'filter', 'criteriaItems', 'column')]
        ];
        for (const [element, values] of columns) {
            for (const value of values) {
                const key = value.replace('$', '.');
                check(
                    element,
                    value,
                    type.columns.has(key)
                        ? undefined
                        : `is not a column of report type ${custom}${didYouMean(key, type.columns)}`
                );
            }
        }
    },
    app(root, { names, check }) {
        const tabs = [...texts(root, 'tabs'), ...texts(root, 'workspaceConfig', 'mappings', 'tab')];
        for (const tab of new Set(tabs)) {
            check('tabs', tab, tabProblem(names, tab));
        }
        const utilityBar = childText(root, 'utilityBar');
        if (utilityBar !== undefined && names.flexipages.get(utilityBar) !== 'UtilityBar') {
            check(
                'utilityBar',
                utilityBar,
                names.flexipages.has(utilityBar)
                    ? 'is not a UtilityBar FlexiPage'
                    : `FlexiPage does not exist (no flexipages/${utilityBar}.flexipage-meta.xml)${didYouMean(utilityBar, names.flexipages.keys())}`
            );
        }
    },
    tab(root, { names, file, check }) {
        const name = basename(file).replace('.tab-meta.xml', '');
        if (childText(root, 'customObject') === 'true') {
            check('customObject', name, objectProblem(names, name));
        }
    }
};
