/**
 * The softphone layout the console plays (Setup → Softphone Layouts in an org): per call type,
 * the objects `searchAndScreenPop` searches and the fields it returns for each. Reference:
 * https://developer.salesforce.com/docs/service/api-cti/guide/sforce-api-cti-searchandscreenpop-lex.html
 * ("searches objects configured in the softphone layout … fields returned are those selected
 * in the layout") and getSoftphoneLayout's shape
 * (https://developer.salesforce.com/docs/service/api-cti/guide/sforce-api-cti-getsoftphonelayout-lex.html).
 */

export type LayoutCallType = 'Inbound' | 'Outbound' | 'Internal';

export const LAYOUT_CALL_TYPES: readonly LayoutCallType[] = ['Inbound', 'Outbound', 'Internal'];

/** Object API name → the field API names the layout selects for it. */
export type LayoutSection = Readonly<Record<string, readonly string[]>>;

export type ConsoleSoftphoneLayout = Readonly<Record<LayoutCallType, LayoutSection>>;

/** Failures of getSoftphoneLayout the console can play (`fault.layout`). */
export type LayoutFault = 'none' | 'error' | 'invalid';

/**
 * What a fresh org shows. UNCONFIRMED: the docs do not list the default layout's objects and
 * fields, so this is the least generous plausible one — Account, Contact and Lead with Name and
 * Phone on Inbound and Outbound (no Do Not Call, no other phone fields), nothing on Internal.
 */
const freshOrgSection: LayoutSection = {
    Account: ['Name', 'Phone'],
    Contact: ['Name', 'Phone'],
    Lead: ['Name', 'Phone']
};

/** Everything the softphone can use: every phone field and the Do Not Call flags. */
const fullSection: LayoutSection = {
    Account: [
        'Name',
        'Phone',
        'PersonMobilePhone',
        'PersonHomePhone',
        'PersonDoNotCall',
        'IsPersonAccount'
    ],
    Contact: ['Name', 'Phone', 'MobilePhone', 'HomePhone', 'OtherPhone', 'DoNotCall'],
    Lead: ['Name', 'Phone', 'MobilePhone', 'DoNotCall']
};

export const LAYOUT_PRESETS: Readonly<Record<string, ConsoleSoftphoneLayout>> = {
    'fresh-org': { Inbound: freshOrgSection, Outbound: freshOrgSection, Internal: {} },
    full: { Inbound: fullSection, Outbound: fullSection, Internal: fullSection }
};

/**
 * The console page plays a configured org unless told otherwise, so `npm start` can call the
 * sample Contacts; `layout=fresh-org` plays a new org's layout (what Check setup warns about).
 */
export const DEFAULT_LAYOUT_PRESET = 'full';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

function callTypeOf(text: string): LayoutCallType | undefined {
    return LAYOUT_CALL_TYPES.find((callType) => callType.toLowerCase() === text.toLowerCase());
}

/**
 * Reads `layout=<preset>` then every `layout.<CallType>.<Object>=Field1,Field2` (an empty list
 * keeps the object with no fields, `none` removes it). Problems are returned, not thrown.
 */
export function layoutFromQuery(query: URLSearchParams): {
    readonly layout: ConsoleSoftphoneLayout;
    readonly problems: readonly string[];
} {
    const problems: string[] = [];
    const presetName = query.get('layout') ?? DEFAULT_LAYOUT_PRESET;
    let preset = LAYOUT_PRESETS[presetName];
    if (preset === undefined) {
        problems.push(
            `layout=${presetName.slice(0, 40)}: not one of ${Object.keys(LAYOUT_PRESETS).join(', ')}`
        );
        preset = LAYOUT_PRESETS[DEFAULT_LAYOUT_PRESET] as ConsoleSoftphoneLayout;
    }
    const sections: Record<LayoutCallType, Record<string, readonly string[]>> = {
        Inbound: { ...preset.Inbound },
        Outbound: { ...preset.Outbound },
        Internal: { ...preset.Internal }
    };
    for (const [key, value] of query) {
        const match = /^layout\.([^.]+)\.([^.]+)$/.exec(key);
        if (!match) {
            continue;
        }
        const callType = callTypeOf(match[1] ?? '');
        const object = match[2] ?? '';
        if (callType === undefined || !NAME.test(object)) {
            problems.push(
                `${key.slice(0, 60)}: expected layout.<Inbound|Outbound|Internal>.<Object>`
            );
            continue;
        }
        if (value.trim().toLowerCase() === 'none') {
            delete sections[callType][object];
            continue;
        }
        const fields = value
            .split(',')
            .map((field) => field.trim())
            .filter((field) => field !== '');
        const bad = fields.filter((field) => !NAME.test(field));
        if (bad.length > 0) {
            problems.push(`${key}: not field API names: ${bad.join(', ').slice(0, 60)}`);
            continue;
        }
        sections[callType][object] = fields;
    }
    return { layout: sections, problems };
}

export function layoutFaultFromQuery(query: URLSearchParams): LayoutFault {
    const value = query.get('fault.layout');
    return value === 'error' || value === 'invalid' ? value : 'none';
}

/** getSoftphoneLayout's returnValue for this layout (labels from `labelOf`). */
export function describeLayout(
    layout: ConsoleSoftphoneLayout,
    labelOf: (object: string, field: string) => string
): Record<string, unknown> {
    const section = (callType: LayoutCallType) => ({
        callRelatedFields: ['ANI', 'DNIS'],
        objects: Object.fromEntries(
            Object.entries(layout[callType]).map(([object, fields]) => [
                object,
                fields.map((field) => ({ displayName: labelOf(object, field), apiName: field }))
            ])
        ),
        screenPopSettings:
            callType === 'Inbound'
                ? {
                      screenPopsOpenWithin: 'ExistingWindow',
                      SingleMatch: { screenPopType: 'PopToEntity' },
                      MultipleMatches: { screenPopType: 'PopToSearch' }
                  }
                : {}
    });
    return {
        Inbound: section('Inbound'),
        Outbound: section('Outbound'),
        Internal: section('Internal')
    };
}

/** The section of a searchAndScreenPop request's callType ('inbound' → Inbound). */
export function sectionFor(layout: ConsoleSoftphoneLayout, callType: string): LayoutSection {
    return layout[callTypeOf(callType) ?? 'Inbound'];
}
