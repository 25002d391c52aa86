import { XMLParser } from 'fast-xml-parser';

/** The flat `/section/item` map `getCallCenterSettings` returns (values are text). */
export type CallCenterSettings = Record<string, string>;

interface CallCenterItemXml {
    label?: unknown;
    name?: unknown;
    value?: unknown;
}

interface CallCenterSectionXml {
    label?: unknown;
    name?: unknown;
    items?: CallCenterItemXml[];
}

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'sections' || name === 'items'
});

function text(value: unknown): string {
    return typeof value === 'string'
        ? value
        : value === undefined || value === null
          ? ''
          : String(value);
}

function sortOrder(index: number): string {
    return `${index}.0`;
}

/**
 * Builds what `getCallCenterSettings` returns from a `.callCenter-meta.xml` file, in the shape of
 * the documented sample: `/label`, `/displayNameLabel`, `/internalNameLabel`, then per section
 * `/<section>/label`, `/<section>/sortOrder` and per item `/<section>/<item>` (the value),
 * `/<section>/<item>/label`, `/<section>/<item>/sortOrder`. `reqInternalName` (the file name) and
 * `reqDisplayName` join `reqGeneralInfo`, as do the flags of `customSettings` and `adapterUrl`
 * when no item repeats them.
 */
export function callCenterSettingsFromXml(xml: string, internalName: string): CallCenterSettings {
    const parsed: unknown = parser.parse(xml);
    const root = (parsed as { CallCenter?: Record<string, unknown> }).CallCenter;
    if (typeof root !== 'object' || root === null) {
        throw new Error('not a CallCenter metadata file (no <CallCenter> root element)');
    }
    const displayName = text(root['displayName']);
    const settings: CallCenterSettings = {
        '/label': displayName,
        '/displayNameLabel': text(root['displayNameLabel']),
        '/internalNameLabel': text(root['internalNameLabel'])
    };
    const sections = (root['sections'] as CallCenterSectionXml[] | undefined) ?? [];
    sections.forEach((section, sectionIndex) => {
        const sectionName = text(section.name);
        settings[`/${sectionName}/label`] = text(section.label);
        settings[`/${sectionName}/sortOrder`] = sortOrder(sectionIndex);
        (section.items ?? []).forEach((item, itemIndex) => {
            const key = `/${sectionName}/${text(item.name)}`;
            settings[key] = text(item.value);
            settings[`${key}/label`] = text(item.label);
            settings[`${key}/sortOrder`] = sortOrder(itemIndex);
        });
    });
    settings['/reqGeneralInfo/reqInternalName'] = internalName;
    settings['/reqGeneralInfo/reqDisplayName'] = displayName;
    const adapterUrl = text(root['adapterUrl']);
    if (adapterUrl !== '' && settings['/reqGeneralInfo/reqAdapterUrl'] === undefined) {
        settings['/reqGeneralInfo/reqAdapterUrl'] = adapterUrl;
    }
    for (const [name, value] of Object.entries(readCustomSettings(text(root['customSettings'])))) {
        const key = `/reqGeneralInfo/${name}`;
        if (settings[key] === undefined) {
            settings[key] = value;
        }
    }
    return settings;
}

function readCustomSettings(json: string): Record<string, string> {
    if (json === '') {
        return {};
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(json);
    } catch {
        throw new Error('customSettings is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error('customSettings is not a JSON object');
    }
    return Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [key, text(value)])
    );
}

export interface OverrideResult {
    readonly settings: CallCenterSettings;
    /** Query parameters that looked like overrides but were not `setting.<section>.<item>`. */
    readonly ignored: readonly string[];
}

const overridePrefix = 'setting.';
const namePattern = /^[A-Za-z0-9_]{1,80}$/;

/**
 * Applies `setting.<section>.<item>=<value>` query parameters, e.g.
 * `?setting.connector.connectorType=sip` sets `/connector/connectorType` to `sip` (added when
 * the call center has no such item). Other parameters are left alone.
 */
export function applySettingOverrides(
    settings: CallCenterSettings,
    query: URLSearchParams
): OverrideResult {
    const result: CallCenterSettings = { ...settings };
    const ignored: string[] = [];
    for (const [name, value] of query) {
        if (!name.startsWith(overridePrefix)) {
            continue;
        }
        const parts = name.slice(overridePrefix.length).split('.');
        if (parts.length !== 2 || !parts.every((part) => namePattern.test(part))) {
            ignored.push(name);
            continue;
        }
        result[`/${parts[0]}/${parts[1]}`] = value;
    }
    return { settings: result, ignored };
}

const setupPrefix = 'setup.';

/**
 * The `$Setup` values the softphone page renders, from `setup.<Object>.<Field>=<value>` query
 * parameters, e.g. `?setup.Softphone_Settings__c.Default_Country__c=FR`: the running user's
 * values of a hierarchy custom setting (what an admin set at the org, profile or user level).
 * A field without a parameter is blank, as when no level sets it.
 */
export function setupValuesFromQuery(query: URLSearchParams): {
    readonly values: ReadonlyMap<string, string>;
    readonly ignored: readonly string[];
} {
    const values = new Map<string, string>();
    const ignored: string[] = [];
    for (const [name, value] of query) {
        if (!name.startsWith(setupPrefix)) {
            continue;
        }
        const parts = name.slice(setupPrefix.length).split('.');
        if (parts.length !== 2 || !parts.every((part) => namePattern.test(part))) {
            ignored.push(name);
            continue;
        }
        values.set(`${parts[0]}.${parts[1]}`.toLowerCase(), value);
    }
    return { values, ignored };
}
