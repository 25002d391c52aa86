/**
 * Renders a controller-less Visualforce page the way the local console serves it: the few merge
 * fields and `apex:` tags a softphone host page uses are substituted, everything else is kept as
 * written and reported as a warning (Salesforce would evaluate it; the console cannot).
 */

export interface VisualforceRenderOptions {
    /** `{!$User.Id}`. */
    readonly userId: string;
    /** `<apex:slds />` becomes a stylesheet link to this URL. */
    readonly sldsStylesheetUrl: string;
    /** The URL of a static resource, optionally of one file inside it. */
    readonly resourceUrl: (resourceName: string, path?: string) => string;
    /**
     * `{!$Setup.<Object>.<Field>}`: the running user's value of a hierarchy custom setting field
     * (https://developer.salesforce.com/docs/atlas.en-us.pages.meta/pages/pages_variables_global_setup.htm);
     * '' when no level sets it. Without this option every `$Setup` field is blank, as in an org
     * where nobody has set the custom setting.
     */
    readonly setupValue?: (objectName: string, fieldName: string) => string;
    /**
     * `{!$Label.<Name>}`: the custom label in the user's language (English when untranslated);
     * undefined for a label the package does not have (Salesforce would refuse to save the page).
     */
    readonly labelValue?: (name: string) => string | undefined;
    /** `{!$User.LanguageLocaleKey}` and `{!$User.LocaleSidKey}`; default en_US for both. */
    readonly userLanguage?: { readonly language: string; readonly locale: string };
}

export interface RenderedPage {
    readonly html: string;
    readonly warnings: readonly string[];
}

const attributes = `(?:[^>"']|"[^"]*"|'[^']*')*`;
const pageOpenTag = new RegExp(`<apex:page\\b${attributes}>`, 'gi');
const pageCloseTag = /<\/apex:page\s*>/gi;
const sldsTag = /<apex:slds\s*\/>|<apex:slds\s*>\s*<\/apex:slds\s*>/gi;
const includeScriptTag = new RegExp(
    `<apex:includeScript\\b(${attributes})(?:/>|>\\s*</apex:includeScript\\s*>)`,
    'gi'
);
const stylesheetTag = new RegExp(
    `<apex:stylesheet\\b(${attributes})(?:/>|>\\s*</apex:stylesheet\\s*>)`,
    'gi'
);
const urlForResource =
    /\{!\s*URLFOR\(\s*\$Resource\.([A-Za-z][A-Za-z0-9_]*)\s*(?:,\s*(?:'([^']*)'|"([^"]*)")\s*)?\)\s*\}/gi;
const resourceField = /\{!\s*\$Resource\.([A-Za-z][A-Za-z0-9_]*)\s*\}/gi;
const userIdField = /\{!\s*\$User\.Id\s*\}/gi;
const userLanguageField = /\{!\s*\$User\.LanguageLocaleKey\s*\}/gi;
const userLocaleField = /\{!\s*\$User\.LocaleSidKey\s*\}/gi;
const labelField = /\{!\s*\$Label\.([A-Za-z][A-Za-z0-9_]*)\s*\}/gi;
const setupField = /\{!\s*\$Setup\.([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)\s*\}/gi;
const outputTextTag = new RegExp(
    `<apex:outputText\\b(${attributes})(?:/>|>\\s*</apex:outputText\\s*>)`,
    'gi'
);
const escapeFalse = /\bescape\s*=\s*(?:"false"|'false')/i;
const anyMergeField = /\{![^}]*\}/g;
const anyApexTag = /<\/?apex:[A-Za-z]+/g;
const valueAttribute = /\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

export function renderVisualforcePage(
    source: string,
    options: VisualforceRenderOptions
): RenderedPage {
    const warnings: string[] = [];
    const setup = (objectName: string, fieldName: string): string =>
        options.setupValue?.(objectName, fieldName) ?? '';
    let html = source
        // apex:outputText escapes its value unless escape="false" (Visualforce component reference).
        .replace(outputTextTag, (match, attrs: string) => {
            const value = valueOf(attrs);
            const field = value === undefined ? null : singleSetupField.exec(value.trim());
            if (!field?.[1] || !field[2]) {
                warnings.push(
                    `apex:outputText whose value is not one {!$Setup.Object.Field}: ${match}`
                );
                return match;
            }
            const text = setup(field[1], field[2]);
            return escapeFalse.test(attrs) ? text : escapeHtml(text);
        })
        // Merge fields in page text are HTML-escaped by Visualforce.
        .replace(setupField, (_match, objectName: string, fieldName: string) =>
            escapeHtml(setup(objectName, fieldName))
        )
        .replace(urlForResource, (_match, name: string, single?: string, double?: string) =>
            options.resourceUrl(name, single ?? double)
        )
        .replace(resourceField, (_match, name: string) => options.resourceUrl(name))
        .replace(userIdField, options.userId)
        .replace(userLanguageField, escapeHtml(options.userLanguage?.language ?? 'en_US'))
        .replace(userLocaleField, escapeHtml(options.userLanguage?.locale ?? 'en_US'))
        .replace(labelField, (match, name: string) => {
            const value = options.labelValue?.(name);
            if (value === undefined) {
                // Salesforce would refuse to save the page; blank lets the softphone read English.
                warnings.push(`no custom label ${name}, rendered blank: ${match}`);
                return '';
            }
            return escapeHtml(value);
        });
    html = html
        .replace(pageOpenTag, '')
        .replace(pageCloseTag, '')
        .replace(
            sldsTag,
            `<link rel="stylesheet" type="text/css" href="${options.sldsStylesheetUrl}" />`
        )
        .replace(includeScriptTag, (match, attrs: string) => {
            const src = valueOf(attrs);
            if (src === undefined) {
                warnings.push(`apex:includeScript without a value attribute: ${match}`);
                return match;
            }
            return `<script src="${src}"></script>`;
        })
        .replace(stylesheetTag, (match, attrs: string) => {
            const href = valueOf(attrs);
            if (href === undefined) {
                warnings.push(`apex:stylesheet without a value attribute: ${match}`);
                return match;
            }
            return `<link rel="stylesheet" type="text/css" href="${href}" />`;
        });
    for (const field of new Set(html.match(anyMergeField) ?? [])) {
        warnings.push(`merge field not supported by the local console, left as is: ${field}`);
    }
    for (const tag of new Set(html.match(anyApexTag) ?? [])) {
        warnings.push(`Visualforce tag not supported by the local console, left as is: ${tag}>`);
    }
    html = html.trim();
    if (!/<html[\s>]/i.test(html)) {
        html = [
            '<!DOCTYPE html>',
            '<html>',
            '<head><meta charset="utf-8" /></head>',
            '<body>',
            html,
            '</body>',
            '</html>'
        ].join('\n');
    }
    return { html: `${html}\n`, warnings };
}

const singleSetupField = /^\{!\s*\$Setup\.([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)\s*\}$/i;

function escapeHtml(text: string): string {
    return text
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;')
        .replaceAll("'", '&#39;');
}

function valueOf(attrs: string): string | undefined {
    const match = valueAttribute.exec(attrs);
    return match ? (match[1] ?? match[2]) : undefined;
}
