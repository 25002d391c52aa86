import { maskNumbersInText } from '../diagnostics/mask-phone-number';
import { redactCredentialsInText } from '../diagnostics/redact';
import { STATUS_LABELS, type CheckResult } from './check-result';

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
        'Open CTI Softphone: Check setup',
        `Run at: ${context.at.toISOString()}`,
        `Softphone version: ${context.softphoneVersion}`,
        `Connector: ${context.connector}`,
        ''
    ];
    for (const result of results) {
        lines.push(`[${STATUS_LABELS[result.status]}] ${result.title}: ${result.summary}`);
        if (result.fix !== undefined) {
            lines.push(`    Fix: ${result.fix}`);
        }
    }
    return lines.map((line) => redactCredentialsInText(maskNumbersInText(line))).join('\n') + '\n';
}
