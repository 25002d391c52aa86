import { maskNumbersInText } from '../diagnostics/mask-phone-number';
import { redactCredentialsInText } from '../diagnostics/redact';
import { label } from '../i18n';
import { statusLabel, type CheckResult } from './check-result';

export interface ReportContext {
    readonly softphoneVersion: string;
    readonly connector: string;
    /** When the checks ran. */
    readonly at: Date;
}

/**
 * The Check setup results as plain text for a support ticket: phone numbers masked with the
 * diagnostics' masking, credential-like text redacted, nothing else from the org.
 */
export function formatSetupReport(results: readonly CheckResult[], context: ReportContext): string {
    const lines = [
        label('Softphone_Setup_Report_Title'),
        label('Softphone_Setup_Report_Run_At', context.at.toISOString()),
        label('Softphone_Setup_Report_Version', context.softphoneVersion),
        label('Softphone_Setup_Report_Connector', context.connector),
        ''
    ];
    for (const result of results) {
        lines.push(`[${statusLabel(result.status)}] ${result.title}: ${result.summary}`);
        if (result.fix !== undefined) {
            lines.push(`    ${label('Softphone_Check_Fix', result.fix)}`);
        }
    }
    return lines.map((line) => redactCredentialsInText(maskNumbersInText(line))).join('\n') + '\n';
}
