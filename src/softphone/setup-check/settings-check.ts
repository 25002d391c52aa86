import { label } from '../i18n';
import type { CheckResult } from './check-result';

/** A call-center setting the softphone refused (settings/ names the key and the reason). */
export interface SettingProblem {
    readonly key: string;
    readonly message: string;
}

/** Settings valid: every call-center item parsed. */
export function checkSettings(problems: readonly SettingProblem[]): CheckResult {
    if (problems.length === 0) {
        return {
            id: 'settings',
            title: label('Softphone_Setup_Settings_Title'),
            status: 'pass',
            summary: label('Softphone_Setup_Settings_Valid')
        };
    }
    return {
        id: 'settings',
        title: label('Softphone_Setup_Settings_Title'),
        status: 'fail',
        summary: problems
            .map((problem) =>
                problem.key === '' || problem.key === '/'
                    ? problem.message
                    : `${isolated(problem.key)}: ${problem.message}`
            )
            .join(' '),
        fix: label('Softphone_Setup_Call_Center_Fix')
    };
}

/**
 * A `/section/item` key inside a sentence: isolated (FSI … PDI) so that in a right-to-left
 * language it reads as written, its slashes in place, instead of being reordered with the words.
 */
function isolated(key: string): string {
    return `\u2068${key}\u2069`;
}
