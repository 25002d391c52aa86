import { label } from '../i18n';
import { layoutFieldsOf, type SoftphoneLayout } from '../opencti/softphone-layout';
import type { CheckResult } from './check-result';

/** What the call center's dialing/doNotCallCheckFailure says to do when Do Not Call can't be read. */
export type DoNotCallUnreadable = 'Block' | 'Warn';

/** One thing the softphone layout lacks for the configured rules, in the admin's words. */
export interface LayoutFinding {
    readonly section: 'Inbound' | 'Outbound';
    readonly object: string;
    /** Absent: the object itself is missing from the section. */
    readonly field?: string;
    /** Does not change the check's status (e.g. person accounts, which not every org has). */
    readonly advisory?: boolean;
    readonly message: string;
    readonly fix: string;
}

/** Where admins edit softphone layouts, as Setup names it (in the user's language). */
export function layoutSetupPage(): string {
    return label('Softphone_Setup_Layout_Page');
}

/** The Do Not Call field the softphone reads per object (OPENCTI-REFERENCE.md §7). */
const DO_NOT_CALL_FIELDS: readonly { readonly object: string; readonly field: string }[] = [
    { object: 'Contact', field: 'DoNotCall' },
    { object: 'Lead', field: 'DoNotCall' }
];

function plural(object: string): string {
    return object.endsWith('s') ? object : `${object}s`;
}

function editFix(section: string, what: string): string {
    return label('Softphone_Setup_Layout_Edit_Fix', layoutSetupPage(), section, what);
}

/**
 * What the layout lacks: each object of the screen-pop search missing from Inbound, and each
 * Do Not Call field missing from Outbound (the Do Not Call check searches with callType outbound,
 * and Salesforce returns only the fields the layout selects).
 */
export function layoutFindings(
    layout: SoftphoneLayout,
    searchObjects: readonly string[],
    onUnreadable: DoNotCallUnreadable
): LayoutFinding[] {
    const findings: LayoutFinding[] = [];
    for (const object of searchObjects) {
        if (layoutFieldsOf(layout.Inbound, object) === undefined) {
            findings.push({
                section: 'Inbound',
                object,
                message: label('Softphone_Setup_Layout_Inbound_Missing', object, plural(object)),
                fix: editFix('Inbound', label('Softphone_Setup_Layout_Add_Object', object))
            });
        }
    }
    const consequence = label(
        onUnreadable === 'Block'
            ? 'Softphone_Setup_Layout_Dnc_Block'
            : 'Softphone_Setup_Layout_Dnc_Warn_Agent'
    );
    for (const { object, field } of DO_NOT_CALL_FIELDS) {
        const fields = layoutFieldsOf(layout.Outbound, object);
        if (fields?.some((name) => name.toLowerCase() === field.toLowerCase())) {
            continue;
        }
        findings.push({
            section: 'Outbound',
            object,
            field,
            message: label(
                fields === undefined
                    ? 'Softphone_Setup_Layout_Outbound_No_Object'
                    : 'Softphone_Setup_Layout_Outbound_No_Field',
                object,
                plural(object),
                consequence,
                field
            ),
            fix: editFix('Outbound', label('Softphone_Setup_Layout_Add_Dnc', object))
        });
    }
    const accountFields = layoutFieldsOf(layout.Outbound, 'Account');
    if (!accountFields?.some((name) => name.toLowerCase() === 'persondonotcall')) {
        findings.push({
            section: 'Outbound',
            object: 'Account',
            field: 'PersonDoNotCall',
            advisory: true,
            message: label('Softphone_Setup_Layout_Person_Accounts'),
            fix: editFix('Outbound', label('Softphone_Setup_Layout_Add_Person_Dnc'))
        });
    }
    return findings;
}

/** The layout check of the Check setup view: the layout, or why it could not be read. */
export function checkLayout(
    layout:
        | { readonly ok: true; readonly value: SoftphoneLayout }
        | { readonly ok: false; readonly message: string },
    searchObjects: readonly string[],
    onUnreadable: DoNotCallUnreadable
): CheckResult {
    const title = label('Softphone_Setup_Layout_Title');
    if (!layout.ok) {
        return {
            id: 'layout',
            title,
            status: 'warn',
            summary: label('Softphone_Setup_Layout_Unreadable', layout.message),
            fix: label('Softphone_Setup_Layout_Unreadable_Fix', layoutSetupPage())
        };
    }
    const findings = layoutFindings(layout.value, searchObjects, onUnreadable);
    const blocking = findings.filter((finding) => finding.advisory !== true);
    const advice = findings
        .filter((finding) => finding.advisory === true)
        .map((finding) => finding.message);
    if (blocking.length === 0) {
        return {
            id: 'layout',
            title,
            status: 'pass',
            summary: [
                label('Softphone_Setup_Layout_Pass', searchObjects.join(', ')),
                ...advice
            ].join(' ')
        };
    }
    const inbound = blocking.filter((finding) => finding.section === 'Inbound');
    const outbound = blocking.filter((finding) => finding.section === 'Outbound');
    const names = (list: readonly LayoutFinding[]) =>
        list.map((finding) => finding.object).join(', ');
    const consequence = label(
        onUnreadable === 'Block'
            ? 'Softphone_Setup_Layout_Dnc_Block'
            : 'Softphone_Setup_Layout_Dnc_Warn'
    );
    const summary = [
        ...(inbound.length === 0
            ? []
            : [label('Softphone_Setup_Layout_Inbound_Lacks', names(inbound))]),
        ...(outbound.length === 0
            ? []
            : [label('Softphone_Setup_Layout_Outbound_Lacks', names(outbound), consequence)]),
        ...advice
    ].join(' ');
    const steps = [
        ...(inbound.length === 0
            ? []
            : [label('Softphone_Setup_Layout_Inbound_Step', names(inbound))]),
        ...(outbound.length === 0
            ? []
            : [label('Softphone_Setup_Layout_Outbound_Step', names(outbound))])
    ];
    return {
        id: 'layout',
        title,
        status: outbound.length > 0 ? 'fail' : 'warn',
        summary,
        fix: label('Softphone_Setup_Layout_Steps_Fix', layoutSetupPage(), steps.join('; '))
    };
}

/** The admin-facing warning the softphone shows at start, or undefined when nothing is missing. */
export function layoutWarning(findings: readonly LayoutFinding[]): string | undefined {
    const blocking = findings.filter((finding) => finding.advisory !== true);
    if (blocking.length === 0) {
        return undefined;
    }
    const sections = [...new Set(blocking.map((finding) => finding.section))];
    const parts = sections.map((section) => {
        const items = blocking
            .filter((finding) => finding.section === section)
            .map((finding) =>
                finding.field === undefined
                    ? finding.object
                    : label('Softphone_Setup_Layout_Dnc_Item', finding.object)
            );
        return label('Softphone_Setup_Layout_Section_Add', section, items.join(', '));
    });
    return label('Softphone_Setup_Layout_Warning', parts.join('; '), layoutSetupPage());
}
