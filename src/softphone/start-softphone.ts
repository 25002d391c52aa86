// Builds the running softphone around one connector (the leading tab's, or the only tab's).
import { createPanelOpener } from './app/panel-opener';
import { label } from './i18n';
import {
    AgentStatusMemory,
    CallAlerts,
    CallControls,
    type ClickToDialRouter,
    createAgentActions,
    createConnector,
    createLmsCommands,
    createNumberFormatter,
    createNumberNormaliser,
    describeCallData,
    DO_NOT_CALL_CHECK_TIMEOUT_MS,
    handleClickToDial,
    initialAgentStatus,
    showDialWarning,
    linkSimulatorToConsole,
    type NavigationListeners,
    OutboundDialer,
    recordSoftphoneEvents,
    runConsoleSimulatorMessage,
    SessionStore,
    SoftphoneApp
} from './app';
import { buildLogFile, createDownload, saveDownload, type DiagnosticLog } from './diagnostics';
import { LogOutbox, openOutboxStore } from './calllog';
import { CallEngine, systemClock, type EngineLogger } from './calls';
import { LmsBridge, SOFTPHONE_CHANNEL_NAME, type LmsHost } from './channel';
import { parseSoftphoneLayout, type OpenCtiHost, type OpenCtiSubscription } from './opencti';
import { noInternalNumbers, parseDialPlan, ScreenPopper } from './screenpop';
// Not the setup-check barrel: what it re-exports would all load at start, and Check setup is a
// chunk of its own (lazySetupCheck).
import type * as LayoutChecks from './setup-check/layout-check';
import { lazySetupCheck, type LazySetupCheck } from './setup-check/lazy-setup-check';
import { LmsProbe } from './setup-check/lms-probe';
import type { SoftphoneSettings } from './settings';
import { sessionToRestore, type Handover, type TabLeader } from './tabs';
// The scheduler only: the telephony barrel would bring the simulator into the core.
import { systemScheduler } from './telephony/scheduler';
import { runInNextTask } from './shared/next-task';
import {
    AlertPreferenceStore,
    AlertSettingsView,
    canChooseOutputDevice,
    createIdFactory,
    DesktopNotifier,
    engineErrorText,
    RingtonePlayer,
    SoftphoneView
} from './ui';

declare const SOFTPHONE_VERSION: string;

const SALESFORCE_USER_ID = /^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

export function lmsHostOf(host: OpenCtiHost): LmsHost {
    return {
        publish: ({ channelName, message }) => host.publish(channelName, message),
        subscribe: ({ channelName, listener }) => host.subscribe(channelName, listener),
        unsubscribe: ({ subscription }) => host.unsubscribe(subscription as OpenCtiSubscription)
    };
}

/** sessionStorage, or undefined where the browser blocks it (storage partitioning, policies). */
function readSessionStorage(): Storage | undefined {
    try {
        return window.sessionStorage;
    } catch {
        return undefined;
    }
}

const LAYOUT_NOTICE_ID = 'softphone-layout';

/**
 * Reads the softphone layout once at start and tells the admin what it lacks for the configured
 * rules (objects to search on Inbound, Do Not Call on Outbound). A layout that cannot be read is
 * logged: the Check setup view says so with its fix.
 */
async function warnAboutLayout(
    host: OpenCtiHost,
    settings: SoftphoneSettings,
    diagnostics: DiagnosticLog,
    show: (message: string) => void
): Promise<void> {
    let raw: unknown;
    let checks: typeof LayoutChecks;
    try {
        // A chunk (shared with Check setup), loaded with the layout: not needed to show the panel.
        [raw, checks] = await Promise.all([
            host.getSoftphoneLayout(),
            import('./setup-check/layout-check')
        ]);
    } catch (error) {
        diagnostics.record({
            level: 'warn',
            event: 'opencti.getSoftphoneLayout',
            details: { error: error instanceof Error ? error.message : String(error) }
        });
        return;
    }
    const layout = parseSoftphoneLayout(raw);
    if (!layout.ok) {
        diagnostics.record({
            level: 'warn',
            event: 'opencti.getSoftphoneLayout',
            details: { error: layout.error.message }
        });
        return;
    }
    const findings = checks.layoutFindings(
        layout.value,
        settings.screenPop.searchObjects,
        settings.doNotCallCheckFailure
    );
    diagnostics.record({
        level: findings.length > 0 ? 'warn' : 'info',
        event: 'softphone.layout',
        details: {
            missing: findings.map(
                (finding) =>
                    `${finding.section} ${finding.object}${finding.field === undefined ? '' : `.${finding.field}`}`
            )
        }
    });
    const message = checks.layoutWarning(findings);
    if (message !== undefined) {
        show(message);
    }
}

/** localStorage (this browser, every tab), or undefined where the browser blocks it. */
function readLocalStorage(): Storage | undefined {
    try {
        return window.localStorage;
    } catch {
        return undefined;
    }
}

/** The audio outputs the browser lists; labels may be blank until a microphone was allowed. */
async function listAudioOutputs(): Promise<{ deviceId: string; label: string }[]> {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices
        .filter((device) => device.kind === 'audiooutput')
        .map((device) => ({ deviceId: device.deviceId, label: device.label }));
}

export interface RunningSoftphone {
    /** Connects the connector; the softphone is usable (and shows "Connecting…") before. */
    connect(): Promise<{ readonly ok: true } | { readonly ok: false; readonly message: string }>;
    stop(): Promise<void>;
}

export interface StartOptions {
    readonly root: HTMLElement;
    readonly host: OpenCtiHost;
    readonly settings: SoftphoneSettings;
    readonly credentials: Readonly<Record<string, string>>;
    readonly clickToDial: ClickToDialRouter;
    /** Where the agent goes in Salesforce (onNavigationChange), to relate calls to records. */
    readonly navigation?: NavigationListeners;
    readonly diagnostics: DiagnosticLog;
    /** Set when other tabs may follow this one (see tabs/). */
    readonly leader?: TabLeader;
    /** What the previous leader left, when this tab took over. */
    readonly handover?: Handover;
    /** The ringtone's URL (ringtone.wav in the static resource). */
    readonly ringtoneUrl: string;
}

/** Builds every layer around one connector; connect() brings it online. */
export async function startSoftphone(options: StartOptions): Promise<RunningSoftphone> {
    const { root, host, settings, credentials, clickToDial, diagnostics, leader } = options;
    const clock = systemClock;
    const logger: EngineLogger = (level, message, details) =>
        diagnostics.record({ level, event: message, details });
    // Both wait on the browser (a lazy chunk, IndexedDB): in parallel.
    const [choice, outboxStore] = await Promise.all([
        createConnector(settings, { scheduler: systemScheduler, credentials, logger }),
        openOutboxStore()
    ]);
    const engine = new CallEngine({
        connector: choice.connector,
        logger,
        clock,
        normaliseNumber: createNumberNormaliser(settings.defaultCountry),
        secretCallDataKeys: settings.callData.secretKeys
    });
    const userId = root.dataset.userId ?? '';
    const outbox = new LogOutbox({
        store: outboxStore,
        writer: host,
        scheduler: systemScheduler,
        clock,
        random: Math.random,
        ...(SALESFORCE_USER_ID.test(userId) ? { agentUserId: userId } : {}),
        mirrorToTask: settings.mirrorToTask,
        callDataFields: settings.callData.logFields
    });
    // Headless (display/headless): every way the softphone opens its panel is a no-op.
    const showPanel = createPanelOpener(host, settings.headless);
    const dialPlan = parseDialPlan(settings.internalNumberPattern);
    const dialer = new OutboundDialer(engine, host, settings.defaultCountry, {
        // The settings parser refused a pattern that does not compile.
        dialPlan: dialPlan.ok ? dialPlan.plan : noInternalNumbers,
        onCheckFailure: settings.doNotCallCheckFailure,
        scheduler: systemScheduler,
        checkTimeoutMs: DO_NOT_CALL_CHECK_TIMEOUT_MS
    });
    const storage = readSessionStorage();
    const session = new SessionStore(
        leader === undefined ? storage : leader.mirroredSessionStorage(storage),
        clock,
        systemScheduler
    );
    const previous = sessionToRestore(options.handover, session.takePrevious());
    const screenPopper = new ScreenPopper(host, {
        settings: settings.screenPop,
        defaultCountry: settings.defaultCountry,
        callDataRules: settings.callData.popRules
    });
    // The view needs the app's actions and the app renders into the view: close the loop late.
    const viewSlot: { view?: SoftphoneView } = {};
    const localStorage = readLocalStorage();
    const statusMemory = new AgentStatusMemory(localStorage, settings.breakReasons);
    const alertPreferences = new AlertPreferenceStore(localStorage);
    const ringtone = document.createElement('audio');
    ringtone.className = 'softphone-ringtone';
    ringtone.src = options.ringtoneUrl;
    const appSlot: { app?: SoftphoneApp } = {};
    const ringer = new RingtonePlayer(ringtone, alertPreferences.value, (blocked) =>
        appSlot.app?.store.setNotice(
            'ringtone-blocked',
            'info',
            blocked ? label('Softphone_Ringtone_Blocked') : undefined
        )
    );
    const notifier = new DesktopNotifier({
        window,
        bringForward: () => {
            window.focus();
            showPanel();
        }
    });
    const alerts = new CallAlerts({
        ringer,
        notifier,
        setUtilityItem: (item) => {
            const failed = (error: unknown) =>
                diagnostics.record({
                    level: 'warn',
                    event: 'opencti.utilityItem',
                    details: { error: error instanceof Error ? error.message : String(error) }
                });
            void host.setSoftphoneItemLabel(item.label).catch(failed);
            void host.setSoftphoneItemIcon(item.icon).catch(failed);
        },
        pageHidden: () => document.visibilityState === 'hidden',
        panelVisible: () => host.isSoftphonePanelVisible(),
        // A ringing call rings in every tab.
        showPanel: () => {
            showPanel();
            if (!settings.headless) {
                leader?.showPanelEverywhere();
            }
        }
    });
    const app = new SoftphoneApp({
        engine,
        outbox,
        screenPopper: leader === undefined ? screenPopper : leader.routeScreenPops(screenPopper),
        dialer,
        scheduler: systemScheduler,
        clock,
        formatNumber: createNumberFormatter(settings.defaultCountry),
        defaultCountry: settings.defaultCountry,
        wrapUp: settings,
        dispositionOptions: settings.dispositionValues,
        connectorLabel: choice.label,
        simulator: choice.simulator !== undefined,
        softphoneVersion: SOFTPHONE_VERSION,
        showPanel: () => alerts.revealPanel(),
        refreshView: () => {
            void host.refreshView().catch(() => undefined);
            leader?.refreshViewEverywhere();
        },
        scheduleRender: runInNextTask,
        render: (model) => {
            viewSlot.view?.render(model);
            alerts.update(model);
            leader?.publishView(model);
        },
        session,
        breakReasons: settings.breakReasons,
        statusMemory,
        describeCall: describeCallData(
            choice.describeCall,
            (callId) => engine.snapshot().calls.find((call) => call.id === callId),
            settings.callData
        )
    });
    appSlot.app = app;
    const stopRecording = recordSoftphoneEvents(diagnostics, engine, outbox);
    const restored =
        previous.session === undefined ? undefined : app.restore(previous.session, previous.cause);
    const flushSession = () => session.flush();
    window.addEventListener('pagehide', flushSession);
    session.start();
    const controls = new CallControls({ engine, dialer, wrapUp: app.wrapUp, outbox });
    root.replaceChildren();
    if (leader !== undefined) {
        root.dataset.tabRole = 'leader';
    }
    const logFile = () => buildLogFile(diagnostics);
    const actions = createAgentActions({
        app,
        controls,
        ...(choice.simulator === undefined ? {} : { simulator: choice.simulator }),
        // Open CTI screenPop SOBJECT: https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_screenpop_lex.htm
        openRecord: (recordId) => host.screenPop({ type: 'SOBJECT', params: { recordId } }),
        downloadLogs: () =>
            saveDownload(createDownload(diagnostics), document, (free) =>
                window.setTimeout(free, 1000)
            )
    });
    const lmsProbe = new LmsProbe();
    const bridgeSlot: { bridge?: LmsBridge } = {};
    const setupSlot: { check?: LazySetupCheck } = {};
    const actionsWithCheck = {
        ...actions,
        checkSetup: (opener: HTMLElement) => void setupSlot.check?.open(opener)
    };
    viewSlot.view = new SoftphoneView({ root, actions: actionsWithCheck, clock, timers: window });
    setupSlot.check = lazySetupCheck(
        root,
        {
            host,
            window,
            softphoneVersion: SOFTPHONE_VERSION,
            connector: choice.label,
            settingsProblems: [],
            searchObjects: settings.screenPop.searchObjects,
            onDoNotCallUnreadable: settings.doNotCallCheckFailure,
            ...(settings.sip === undefined ? {} : { sipWebSocketUrl: settings.sip.webSocketUrl }),
            lms: () =>
                lmsProbe.facts(async (requestId) => {
                    const bridge = bridgeSlot.bridge;
                    if (bridge === undefined) {
                        throw new Error('the softphone is not subscribed to the channel');
                    }
                    await bridge.publishState(lmsCommands.snapshot(), requestId);
                }, window),
            outboxDurable: () => app.store.state.logStatus.durable,
            idPrefix: root.id || 'softphone'
        },
        (error) =>
            diagnostics.record({
                level: 'error',
                event: 'setupCheck.load',
                details: { error: error instanceof Error ? error.message : String(error) }
            })
    );
    const alertSettings = new AlertSettingsView(createIdFactory('softphone-settings'), {
        preferences: () => alertPreferences.value,
        setPreferences: (change) => {
            ringer.setPreferences(alertPreferences.update(change));
            alertSettings.refresh();
        },
        canChooseOutput: canChooseOutputDevice(ringtone),
        listOutputs: listAudioOutputs,
        notificationPermission: () => notifier.permission(),
        requestNotifications: () => notifier.requestPermission()
    });
    root.append(alertSettings.element, ringtone);
    // The browser may refuse the ringtone until the agent's first gesture in the softphone.
    const allowRingtone = () => ringer.retry();
    root.addEventListener('pointerdown', allowRingtone);
    root.addEventListener('keydown', allowRingtone);
    app.start();
    void warnAboutLayout(host, settings, diagnostics, (message) =>
        app.store.setNotice(LAYOUT_NOTICE_ID, 'warning', message)
    );
    // A wrap-up the reload interrupted is saved onto its log once the outbox knows that log.
    void outbox.replay().then(() => app.saveInterruptedWrapUp());

    const lmsCommands = createLmsCommands(app, controls);
    const lmsHost = lmsProbe.watch(lmsHostOf(host));
    const bridge = new LmsBridge({
        host: leader === undefined ? lmsHost : leader.relayingLmsHost(lmsHost),
        channelName: SOFTPHONE_CHANNEL_NAME,
        commands: lmsCommands,
        onError: (error) => app.store.addError(label('Softphone_Start_Lms_Error', error.message))
    });
    // Subscribing waits on the host: the panel shows without it, and connect() waits for it.
    const bridgeStarted = bridge.start().then((started) => {
        if (started) {
            bridgeSlot.bridge = bridge;
            app.attachBridge(bridge);
        }
    });
    const dialClicked = (payload: unknown, showPanelThere: () => void) =>
        handleClickToDial(payload, {
            controls,
            store: app.store,
            showPanel: showPanelThere,
            onPlaced: (result) => showDialWarning(app, result)
        });
    clickToDial.routeTo((payload) => dialClicked(payload, showPanel));
    const stopNavigation = options.navigation?.add((payload) => app.navigated(payload));
    const simulator = choice.simulator;
    const unlinkSimulator =
        simulator === undefined
            ? () => undefined
            : linkSimulatorToConsole(window, simulator, (message) => app.store.addError(message));
    const detachLeader = leader?.attach({
        actions,
        lmsCommands,
        lmsChannelName: SOFTPHONE_CHANNEL_NAME,
        clickToDial: dialClicked,
        ...(simulator === undefined
            ? {}
            : {
                  simulatorMessage: (data: unknown) =>
                      runConsoleSimulatorMessage(simulator, data, (message) =>
                          app.store.addError(message)
                      )
              }),
        logFile,
        onLmsError: (message) => app.store.addError(label('Softphone_Start_Lms_Error', message))
    });

    return {
        async connect() {
            await bridgeStarted;
            const connected = await engine.connect();
            if (!connected.ok) {
                const message = engineErrorText(connected.error);
                app.store.addError(message);
                return { ok: false, message };
            }
            const initial = initialAgentStatus(
                settings.initialAgentState,
                statusMemory.read(),
                restored?.agentState
            );
            app.setAgentState(initial.state, initial.reason);
            leader?.keepCredentialsForHandover(credentials);
            return { ok: true };
        },
        async stop() {
            clickToDial.routeTo(undefined);
            stopNavigation?.();
            detachLeader?.();
            stopRecording();
            unlinkSimulator();
            window.removeEventListener('pagehide', flushSession);
            session.stop();
            root.removeEventListener('pointerdown', allowRingtone);
            root.removeEventListener('keydown', allowRingtone);
            ringer.stop();
            await bridgeStarted.catch(() => undefined);
            await bridge.stop();
            app.stop();
            viewSlot.view?.destroy();
            outbox.dispose();
            await choice.connector.disconnect().catch(() => undefined);
        }
    };
}
