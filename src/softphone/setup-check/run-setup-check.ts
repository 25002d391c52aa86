import { label } from '../i18n';
import { parseSoftphoneLayout } from '../opencti/softphone-layout';
import { checkNotifications, checkStorage, checkTabs, type BrowserFacts } from './browser-checks';
import type { CheckResult } from './check-result';
import { checkLayout, type DoNotCallUnreadable } from './layout-check';
import { checkLms, type LmsFacts } from './lms-check';
import { checkSettings, type SettingProblem } from './settings-check';
import {
    checkMicrophone,
    checkWebSocket,
    type MicrophonePermission,
    type WebSocketFacts
} from './sip-checks';
import { checkWrite, type WriteFacts } from './write-check';

/** What each check asks of the org and the browser; main.ts passes the real ones. */
export interface SetupProbes {
    readonly settingsProblems: readonly SettingProblem[];
    readonly searchObjects: readonly string[];
    readonly onDoNotCallUnreadable: DoNotCallUnreadable;
    /** getSoftphoneLayout's raw answer (it may reject). */
    readonly readLayout: () => Promise<unknown>;
    /** Absent when the softphone did not start (no channel to probe). */
    readonly lms?: () => Promise<LmsFacts>;
    readonly browser: () => Promise<BrowserFacts>;
    /** Only with the SIP connector. */
    readonly sip?: {
        readonly webSocketUrl: string;
        readonly microphone: () => Promise<MicrophonePermission>;
        readonly webSocket: () => Promise<WebSocketFacts>;
    };
}

function errorText(error: unknown): string {
    return error instanceof Error && error.message !== '' ? error.message : String(error);
}

/** Runs every check the org and the browser can answer; a probe that throws fails its check. */
export async function runSetupCheck(
    probes: SetupProbes,
    write: WriteFacts
): Promise<CheckResult[]> {
    const layoutAnswer = probes
        .readLayout()
        .then((raw) => {
            const parsed = parseSoftphoneLayout(raw);
            return parsed.ok
                ? { ok: true as const, value: parsed.value }
                : { ok: false as const, message: parsed.error.message };
        })
        .catch((error: unknown) => ({ ok: false as const, message: errorText(error) }));
    const lmsAnswer: Promise<LmsFacts> =
        probes.lms === undefined
            ? Promise.resolve({
                  subscribed: false,
                  echo: {
                      ok: false,
                      message: label('Softphone_Setup_Channel_Softphone_Not_Started')
                  }
              })
            : probes.lms().catch((error: unknown) => ({
                  subscribed: true,
                  echo: { ok: false, message: errorText(error) }
              }));
    const [layout, lms, browser] = await Promise.all([layoutAnswer, lmsAnswer, probes.browser()]);
    const results: CheckResult[] = [
        checkSettings(probes.settingsProblems),
        checkLayout(layout, probes.searchObjects, probes.onDoNotCallUnreadable),
        checkWrite(write),
        checkLms(lms),
        checkStorage(browser),
        checkTabs(browser)
    ];
    if (probes.sip !== undefined) {
        const sip = probes.sip;
        const [microphone, webSocket] = await Promise.all([
            sip.microphone().catch((): MicrophonePermission => 'unknown'),
            sip.webSocket().catch((error: unknown): WebSocketFacts => ({
                kind: 'failed',
                message: errorText(error)
            }))
        ]);
        results.push(checkMicrophone(microphone), checkWebSocket(sip.webSocketUrl, webSocket));
    }
    results.push(checkNotifications(browser));
    return results;
}
