import { softphonePagePath } from '../shared/console-constants';
import { parseShimRequest } from '../shared/host-protocol';
import type { MetadataSchema } from '../shared/metadata-types';
import type { SimulatorMessage } from '../shared/simulator-protocol';
import { EntryLog } from './console-logs';
import type { ActivityEntry, FaultSettings, LmsEntry } from './console-logs';
import { ConsoleState } from './console-state';
import { createLogger } from './logger';
import { hostDelays } from './host-delays';
import { buildObjectCatalog } from './object-catalog-builder';
import { OpenCtiHost } from './opencti-host';
import { RecordStore } from './record-store';
import { loadSampleData } from './sample-data';
import type { SeedRecord } from './sample-data';
import type { HookSources } from './test-hook';
import { h, replaceChildren } from './ui/dom';
import { lmsPanel } from './ui/lms-panel';
import { mountNewRecordModal } from './ui/new-record-modal';
import { simulatorPanel } from './ui/simulator-panel';
import { mountStatus } from './ui/status-view';
import { activityPanel, faultPanel } from './ui/tools-panels';
import { mountSoftphoneUtility } from './ui/utility-view';
import { mountWorkspace } from './ui/workspace-view';
import { layoutFaultFromQuery, layoutFromQuery } from './softphone-layout';
import { LmsBus } from '../lwc-runtime/lms-bus';
import { runRefreshHandlers } from '../lwc-runtime/modules/refresh';
import { mountCallBarUtility } from '../lwc-runtime/call-bar-utility';
import { RecordComponents } from '../lwc-runtime/record-components';
import { installLwcRuntime } from '../lwc-runtime/runtime-context';
import { parseUiApiFaults } from '../lwc-runtime/ui-api-faults';

const logger = createLogger('local-console');

async function fetchJson(url: string): Promise<unknown> {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) {
        throw new Error(`${url}: ${response.status} ${(await response.text()).trim()}`);
    }
    return response.json();
}

function numberParam(query: URLSearchParams, name: string, min: number, max: number): number {
    const value = Number(query.get(name) ?? '0');
    return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

/** The adapter URL from the call center (a relative URL), with the parameters Salesforce adds. */
export function softphoneUrl(
    settings: Readonly<Record<string, string>> | Error,
    origin: string,
    consoleQuery?: URLSearchParams
): string {
    const configured =
        settings instanceof Error ? undefined : settings['/reqGeneralInfo/reqAdapterUrl'];
    const path =
        configured && configured.startsWith('/') && !configured.startsWith('//')
            ? configured
            : softphonePagePath;
    const separator = path.includes('?') ? '&' : '?';
    // The page's $Setup values (setup.<Object>.<Field>) and the user's language and locale
    // (lang, locale) go to the page, which renders them.
    const setup = [...(consoleQuery ?? new URLSearchParams())]
        .filter(([name]) => name.startsWith('setup.') || name === 'lang' || name === 'locale')
        .map(([name, value]) => `&${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
        .join('');
    return `${path}${separator}sfdcIframeOrigin=${encodeURIComponent(origin)}&mode=Lightning${setup}`;
}

function sizeSetting(
    settings: Readonly<Record<string, string>> | Error,
    key: string,
    min: number,
    max: number
): number | undefined {
    const value = settings instanceof Error ? NaN : Number(settings[key]);
    return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** Loads the data and settings, builds the console and connects the softphone iframe. */
export async function startConsole(publishSources: (sources: HookSources) => void): Promise<void> {
    const origin = window.location.origin;
    const query = new URLSearchParams(window.location.search);
    const delays = hostDelays(query);
    for (const problem of delays.problems) {
        logger.warn(`ignored URL parameter ${problem}`);
    }
    const uiApi = parseUiApiFaults(query);
    for (const problem of uiApi.problems) {
        logger.warn(`ignored URL parameter ${problem}`);
    }
    const faults: FaultSettings = {
        saveLogFailureRate: numberParam(query, 'fault.saveLogFailureRate', 0, 100),
        saveLogLatencyMs: numberParam(query, 'fault.saveLogLatencyMs', 0, 60000),
        saveLogLostAnswerRate: numberParam(query, 'fault.saveLogLostAnswerRate', 0, 100),
        searchFailure: query.get('fault.searchFailure') === 'true',
        hostDelaysMs: delays.delays,
        uiApiFaults: new Set(uiApi.faults)
    };
    const [schema, settings, seeds] = await Promise.all([
        fetchJson('/metadata-schema.json').then(
            (value) => value as MetadataSchema,
            (error: unknown) => {
                logger.warn('no metadata schema: only the built-in object rules apply', error);
                return undefined;
            }
        ),
        fetchJson(`/call-center-settings.json${window.location.search}`).then(
            (value) => value as Record<string, string>,
            (error: unknown) => (error instanceof Error ? error : new Error(String(error)))
        ),
        loadSampleData((file) => fetchJson(`/data/${encodeURIComponent(file)}`))
    ]);
    if (!seeds.ok) {
        throw new Error(`The sample data in data/ could not be read: ${seeds.error}`);
    }
    const seedRecords: readonly SeedRecord[] = seeds.value;
    const store = new RecordStore(buildObjectCatalog(schema));
    for (const warning of store.load(seedRecords)) {
        logger.warn(`sample data: ${warning}`);
    }
    const state = new ConsoleState();
    state.updateUtility({
        ...(sizeSetting(settings, '/reqGeneralInfo/reqSoftphoneHeight', 240, 2560) === undefined
            ? {}
            : {
                  heightPX: sizeSetting(
                      settings,
                      '/reqGeneralInfo/reqSoftphoneHeight',
                      240,
                      2560
                  ) as number
              }),
        ...(sizeSetting(settings, '/reqGeneralInfo/reqSoftphoneWidth', 200, 1920) === undefined
            ? {}
            : {
                  widthPX: sizeSetting(
                      settings,
                      '/reqGeneralInfo/reqSoftphoneWidth',
                      200,
                      1920
                  ) as number
              })
    });
    const layout = layoutFromQuery(query);
    for (const problem of layout.problems) {
        logger.warn(`softphone layout: ${problem}`);
    }
    const lmsLog = new EntryLog<LmsEntry>();
    const activity = new EntryLog<ActivityEntry>();
    const softphone: { frame?: HTMLIFrameElement } = {};
    const host = new OpenCtiHost({
        store,
        state,
        settings: () => settings,
        messageChannels: schema?.messageChannels ?? [],
        faults,
        lmsLog,
        activity,
        send: (message) => softphone.frame?.contentWindow?.postMessage(message, origin),
        origin,
        lmsEcho: query.get('lms.echo') !== 'false',
        saveLogReturn: query.get('host.saveLogReturn') === 'id' ? 'id' : 'object',
        personAccounts: query.get('host.personAccounts') === 'true',
        layout: layout.layout,
        layoutFault: layoutFaultFromQuery(query)
    });
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (
            !softphone.frame ||
            event.origin !== origin ||
            event.source !== softphone.frame.contentWindow
        ) {
            return;
        }
        const request = parseShimRequest(event.data);
        if (request) {
            void host.receive(request);
        }
    });

    const byId = (id: string) => {
        const element = document.getElementById(id);
        if (!element) {
            throw new Error(`the console page has no #${id}`);
        }
        return element;
    };
    if (settings instanceof Error) {
        logger.error('call center settings', settings);
    }
    // The shipped LWCs on the record pages, over the played platform modules (../lwc-runtime).
    const lms = new LmsBus((channelName, message) => host.publishFromConsole(channelName, message));
    host.onSoftphonePublish((channelName, message) =>
        lms.publishFromSoftphone(channelName, message)
    );
    installLwcRuntime({ store, lms, uiApiFaults: faults.uiApiFaults });
    state.onChange((change) => {
        if (change === 'refresh') {
            void runRefreshHandlers();
        }
    });
    const recordComponents = new RecordComponents((id) => store.get(id)?.type);
    mountWorkspace(byId('workspace'), { store, state, host }, recordComponents);
    mountNewRecordModal(byId('modal-root'), state, store);
    mountStatus(byId('console-status'), state, host, (render) => activity.onChange(render));
    const utility = mountSoftphoneUtility(
        byId('softphone-dock'),
        byId('utility-bar'),
        state,
        softphoneUrl(settings, origin, query)
    );
    softphone.frame = utility.frame;
    // The shipped utility bar's Call Controls item (Softphone Call Bar): on with headless mode,
    // or with ?callBar=true; ?callBar=open also opens its panel.
    const headless =
        !(settings instanceof Error) && settings['/display/headless']?.toLowerCase() === 'true';
    const callBarParam = query.get('callBar');
    if (headless || callBarParam === 'true' || callBarParam === 'open') {
        mountCallBarUtility(byId('softphone-dock'), byId('utility-bar'), {
            open: callBarParam === 'open'
        });
    }
    if (headless) {
        // The utility item loads in the background (eager) and starts minimised, as Salesforce
        // shows an item nobody opened; the softphone never opens it itself.
        state.updateUtility({ visible: false });
    }

    const sendToSimulator = (message: SimulatorMessage) => {
        utility.frame.contentWindow?.postMessage(message, origin);
        activity.add({
            at: new Date().toISOString(),
            kind: 'simulator',
            args: message,
            text: `simulator: ${message.action}${message.action === 'incoming' ? ` from ${message.from || '(empty)'}${message.fromName ? ` "${message.fromName}"` : ''}` : ''}`
        });
    };
    const note = (text: string) =>
        activity.add({ at: new Date().toISOString(), kind: 'console', text });
    replaceChildren(
        byId('tools'),
        settings instanceof Error
            ? h(
                  'div',
                  {
                      class: 'slds-notify slds-notify_alert slds-alert_error',
                      testid: 'settings-error',
                      attrs: { role: 'alert' }
                  },
                  `Call center settings: ${settings.message}`
              )
            : '',
        simulatorPanel(sendToSimulator),
        lmsPanel(host, lmsLog, store),
        faultPanel(faults, {
            reloadSoftphone: () => {
                host.forgetSoftphone();
                utility.reload();
                note('softphone reloaded by the console');
            },
            closeSoftphone: () => {
                host.forgetSoftphone();
                utility.close();
                note('softphone closed by the console (Reload softphone opens it)');
            },
            resetData: () => {
                store.load(seedRecords);
                state.closeMissingRecords((id) => store.get(id) !== undefined);
                note('data reset to the sample data');
            }
        }),
        activityPanel(activity)
    );
    publishSources({
        records: (type) => store.list(type),
        lmsMessages: () => lmsLog.entries(),
        tabs: () => state.tabs,
        activeTabId: () => state.activeTab.id,
        settings: () => (settings instanceof Error ? {} : settings),
        activity: () => activity.entries(),
        utility: () => state.utility,
        appViewInfo: () => host.appViewInfo()
    });
}

export function showFatalError(error: unknown): void {
    logger.error('the local console could not start', error);
    const workspace = document.getElementById('workspace');
    if (workspace) {
        replaceChildren(
            workspace,
            h(
                'div',
                {
                    class: 'slds-notify slds-notify_alert slds-alert_error',
                    testid: 'console-error',
                    attrs: { role: 'alert' }
                },
                `The local console could not start: ${error instanceof Error ? error.message : String(error)}`
            )
        );
    }
}
