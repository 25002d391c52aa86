import type { CheckResult } from './check-result';

/** A call-center setting the softphone refused (settings/ names the key and the reason). */
export interface SettingProblem {
    readonly key: string;
    readonly message: string;
}

export const CALL_CENTER_FIX =
    'Setup → Call Centers → Open CTI Softphone → Edit, correct the value, save, and reload the softphone.';

/** Settings valid: every call-center item parsed. */
export function checkSettings(problems: readonly SettingProblem[]): CheckResult {
    if (problems.length === 0) {
        return {
            id: 'settings',
            title: 'Call center settings',
            status: 'pass',
            summary: 'Every call center setting is valid.'
        };
    }
    return {
        id: 'settings',
        title: 'Call center settings',
        status: 'fail',
        summary: problems
            .map((problem) =>
                problem.key === '' || problem.key === '/'
                    ? problem.message
                    : `${problem.key}: ${problem.message}`
            )
            .join(' '),
        fix: CALL_CENTER_FIX
    };
}
