import { label } from '../i18n';
import type { FieldValues } from '../opencti/opencti-api';
import { RECORD_ID_PATTERN } from '../opencti/salesforce-schemas';
import type { CheckResult } from './check-result';
import { runSetupCheck, type SetupProbes } from './run-setup-check';
import { formatSetupReport } from './setup-report';
import type { SetupCheckActions } from './setup-check-view';
import { writeTestRecord, type WriteFacts } from './write-check';

export interface SetupCheckOptions {
    readonly probes: SetupProbes;
    /** sforce.opencti.saveLog through opencti/: resolves with what Salesforce returned. */
    readonly saveLog: (value: FieldValues) => Promise<unknown>;
    readonly now: () => Date;
    readonly softphoneVersion: string;
    readonly connector: string;
    /** The clipboard, where the frame may use it. */
    readonly writeClipboard?: (text: string) => Promise<void>;
}

/** The id saveLog answered: an Id string or `{recordId}` (both shapes are seen). */
function savedId(returned: unknown): string | undefined {
    const id =
        typeof returned === 'object' && returned !== null
            ? (returned as Record<string, unknown>).recordId
            : returned;
    return typeof id === 'string' && RECORD_ID_PATTERN.test(id) ? id : undefined;
}

/** The Check setup's controller: runs the checks, the write test on demand, and the text report. */
export class SetupCheck implements SetupCheckActions {
    private write: WriteFacts;

    constructor(private readonly options: SetupCheckOptions) {}

    run(): Promise<readonly CheckResult[]> {
        return runSetupCheck(this.options.probes, this.write);
    }

    async runWriteTest(): Promise<readonly CheckResult[]> {
        try {
            const id = savedId(await this.options.saveLog(writeTestRecord(this.options.now())));
            this.write =
                id === undefined
                    ? { ok: false, message: label('Softphone_Setup_Write_No_Id') }
                    : { ok: true, recordId: id };
        } catch (error) {
            this.write = {
                ok: false,
                message:
                    error instanceof Error && error.message !== '' ? error.message : String(error)
            };
        }
        return this.run();
    }

    report(results: readonly CheckResult[]): string {
        return formatSetupReport(results, {
            softphoneVersion: this.options.softphoneVersion,
            connector: this.options.connector,
            at: this.options.now()
        });
    }

    async copy(text: string): Promise<boolean> {
        if (this.options.writeClipboard === undefined) {
            return false;
        }
        try {
            await this.options.writeClipboard(text);
            return true;
        } catch {
            return false;
        }
    }
}
