import type { OpenCtiHost } from '../opencti/opencti-host';
import type { LmsFacts } from './lms-check';
import type { DoNotCallUnreadable } from './layout-check';
import { probeBrowser, probeMicrophone, probeWebSocket } from './browser-probes';
import type { SettingProblem } from './settings-check';
import { SetupCheck } from './setup-check';
import { SetupCheckView } from './setup-check-view';

/** What the running softphone knows; a softphone that could not start gives only the problems. */
export interface SetupCheckContext {
    readonly host: OpenCtiHost;
    readonly window: Window & typeof globalThis;
    readonly softphoneVersion: string;
    readonly connector: string;
    readonly settingsProblems: readonly SettingProblem[];
    readonly searchObjects: readonly string[];
    readonly onDoNotCallUnreadable: DoNotCallUnreadable;
    /** The SIP WebSocket URL, with the SIP connector only. */
    readonly sipWebSocketUrl?: string;
    readonly lms?: () => Promise<LmsFacts>;
    readonly outboxDurable?: () => boolean;
    /** Prefix of the panel's element ids (the softphone root's id). */
    readonly idPrefix: string;
}

/** The Check setup panel wired to the real probes: open it with `view.open(opener)`. */
export function createSetupCheckView(context: SetupCheckContext): SetupCheckView {
    const { host, window } = context;
    const clipboard = window.navigator.clipboard as Clipboard | undefined;
    const check = new SetupCheck({
        probes: {
            settingsProblems: context.settingsProblems,
            searchObjects: context.searchObjects,
            onDoNotCallUnreadable: context.onDoNotCallUnreadable,
            readLayout: () => host.getSoftphoneLayout(),
            ...(context.lms === undefined ? {} : { lms: context.lms }),
            browser: () => probeBrowser(window, context.outboxDurable),
            ...(context.sipWebSocketUrl === undefined
                ? {}
                : {
                      sip: {
                          webSocketUrl: context.sipWebSocketUrl,
                          microphone: () => probeMicrophone(window),
                          webSocket: () => probeWebSocket(window, context.sipWebSocketUrl as string)
                      }
                  })
        },
        saveLog: (value) => host.saveLog(value),
        now: () => new Date(),
        softphoneVersion: context.softphoneVersion,
        connector: context.connector,
        ...(clipboard === undefined
            ? {}
            : { writeClipboard: (text: string) => clipboard.writeText(text) })
    });
    return new SetupCheckView(check, context.idPrefix);
}
