import { label, type LabelName } from '../i18n';

/** One line of the Check setup view: what was checked, how it went, and the fix in the admin's words. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'not-run';

export type CheckId =
    | 'settings'
    | 'layout'
    | 'write'
    | 'lms'
    | 'storage'
    | 'tabs'
    | 'microphone'
    | 'websocket'
    | 'notifications';

export interface CheckResult {
    readonly id: CheckId;
    /** e.g. 'Softphone layout'. */
    readonly title: string;
    readonly status: CheckStatus;
    /** What was found, one sentence or more. */
    readonly summary: string;
    /** What to do, naming the Setup page; absent when nothing needs doing. */
    readonly fix?: string;
}

const STATUS_LABEL_NAMES: Readonly<Record<CheckStatus, LabelName>> = {
    pass: 'Softphone_Check_Pass',
    warn: 'Softphone_Check_Warning',
    fail: 'Softphone_Check_Fail',
    'not-run': 'Softphone_Check_Not_Run'
};

/** The status as the view and the report show it, in the user's language. */
export function statusLabel(status: CheckStatus): string {
    return label(STATUS_LABEL_NAMES[status]);
}

/** The worst status first: fail, warn, not-run, pass. */
export function worstStatus(results: readonly CheckResult[]): CheckStatus {
    const order: readonly CheckStatus[] = ['fail', 'warn', 'not-run', 'pass'];
    return order.find((status) => results.some((result) => result.status === status)) ?? 'pass';
}
