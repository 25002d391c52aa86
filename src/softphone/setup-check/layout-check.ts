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

export const LAYOUT_SETUP_PAGE = 'Setup → Softphone Layouts';

/** The Do Not Call field the softphone reads per object (OPENCTI-REFERENCE.md §7). */
const DO_NOT_CALL_FIELDS: readonly { readonly object: string; readonly field: string }[] = [
    { object: 'Contact', field: 'DoNotCall' },
    { object: 'Lead', field: 'DoNotCall' }
];

function plural(object: string): string {
    return object.endsWith('s') ? object : `${object}s`;
}

function editFix(section: string, what: string): string {
    return `${LAYOUT_SETUP_PAGE} → edit the layout assigned to your agents' profiles → ${section} section: ${what}, then save.`;
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
                message: `The Inbound section of the softphone layout does not show ${object}, so incoming calls never find ${plural(object)} (screenPop/searchObjects includes ${object}).`,
                fix: editFix('Inbound', `add ${object} to the objects displayed`)
            });
        }
    }
    const consequence =
        onUnreadable === 'Block'
            ? 'calls to them are refused (dialing/doNotCallCheckFailure is Block)'
            : 'calls to them go through with a warning to the agent (dialing/doNotCallCheckFailure is Warn)';
    for (const { object, field } of DO_NOT_CALL_FIELDS) {
        const fields = layoutFieldsOf(layout.Outbound, object);
        if (fields?.some((name) => name.toLowerCase() === field.toLowerCase())) {
            continue;
        }
        const missing =
            fields === undefined
                ? `does not show ${object}`
                : `shows ${object} without its Do Not Call field (${field})`;
        findings.push({
            section: 'Outbound',
            object,
            field,
            message: `The Outbound section of the softphone layout ${missing}, so the softphone cannot read Do Not Call for ${plural(object)}: ${consequence}.`,
            fix: editFix('Outbound', `add ${object} with its Do Not Call field`)
        });
    }
    const accountFields = layoutFieldsOf(layout.Outbound, 'Account');
    if (!accountFields?.some((name) => name.toLowerCase() === 'persondonotcall')) {
        findings.push({
            section: 'Outbound',
            object: 'Account',
            field: 'PersonDoNotCall',
            advisory: true,
            message:
                'If your org uses person accounts: the Outbound section does not show Account with its Do Not Call field (PersonDoNotCall), so Do Not Call cannot be read for person accounts.',
            fix: editFix('Outbound', 'add Account with Do Not Call (PersonDoNotCall)')
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
    const title = 'Softphone layout';
    if (!layout.ok) {
        return {
            id: 'layout',
            title,
            status: 'warn',
            summary: `The softphone layout could not be read (${layout.message}), so what searches return cannot be checked.`,
            fix: `${LAYOUT_SETUP_PAGE} → Softphone Layout Assignment: assign a layout to your agents' profiles, then run the check again.`
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
                `Inbound shows ${searchObjects.join(', ')}; Outbound shows Do Not Call for Contacts and Leads.`,
                ...advice
            ].join(' ')
        };
    }
    const inbound = blocking.filter((finding) => finding.section === 'Inbound');
    const outbound = blocking.filter((finding) => finding.section === 'Outbound');
    const names = (list: readonly LayoutFinding[]) =>
        list.map((finding) => finding.object).join(', ');
    const consequence =
        onUnreadable === 'Block'
            ? 'calls to them are refused (dialing/doNotCallCheckFailure is Block)'
            : 'calls to them go through with a warning (dialing/doNotCallCheckFailure is Warn)';
    const summary = [
        ...(inbound.length === 0
            ? []
            : [
                  `Inbound does not show ${names(inbound)}: incoming calls never find those records.`
              ]),
        ...(outbound.length === 0
            ? []
            : [`Outbound does not show Do Not Call for ${names(outbound)}: ${consequence}.`]),
        ...advice
    ].join(' ');
    const steps = [
        ...(inbound.length === 0 ? [] : [`Inbound section: add ${names(inbound)}`]),
        ...(outbound.length === 0
            ? []
            : [`Outbound section: add ${names(outbound)} with the Do Not Call field`])
    ];
    return {
        id: 'layout',
        title,
        status: outbound.length > 0 ? 'fail' : 'warn',
        summary,
        fix: `${LAYOUT_SETUP_PAGE} → edit the layout assigned to your agents' profiles → ${steps.join('; ')}; save, then reload the softphone.`
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
                finding.field === undefined ? finding.object : `${finding.object} Do Not Call`
            );
        return `${section}: add ${items.join(', ')}`;
    });
    return `For admins: the softphone layout is missing what the softphone needs (${parts.join('; ')}). Fix it in ${LAYOUT_SETUP_PAGE}; Check setup says why.`;
}
