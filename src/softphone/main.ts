// The static resource's entry: wires the layers of DESIGN.md from the call-center settings.
// Nothing here decides behaviour; each layer's folder does.
import {
    CallControls,
    createAgentActions,
    createConnector,
    CredentialsError,
    createLmsCommands,
    createNumberFormatter,
    createNumberNormaliser,
    credentialsNeededFor,
    handleClickToDial,
    linkSimulatorToConsole,
    OutboundDialer,
    recordSoftphoneEvents,
    SessionStore,
    SoftphoneApp
} from './app';
import { createDownload, DiagnosticLog, saveDownload } from './diagnostics';
import { LogOutbox, openOutboxStore } from './calllog';
import { CallEngine, systemClock, type EngineLogger } from './calls';
import { LmsBridge, SOFTPHONE_CHANNEL_NAME, type LmsHost } from './channel';
import {
    connectOpenCti,
    parseCallCenterSettings as parseSettingsMap,
    type OpenCtiHost,
    type OpenCtiSubscription
} from './opencti';
import { ScreenPopper } from './screenpop';
import { parseCallCenterSettings, type SettingError, type SoftphoneSettings } from './settings';
import { systemScheduler } from './telephony';
import {
    askForCredentials,
    SoftphoneView,
    type SoftphoneActions,
    type SoftphoneViewModel
} from './ui';
import './ui/softphone.css';

declare const SOFTPHONE_VERSION: string;

/** Values of Phone_Call__c.Disposition__c shipped with the package. */
const DISPOSITION_OPTIONS = [
    'Resolved',
    'Follow-up Required',
    'Callback Requested',
    'Left Voicemail',
    'Wrong Number',
    'Not Interested'
];
const SALESFORCE_USER_ID = /^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

function lmsHostOf(host: OpenCtiHost): LmsHost {
    return {
        publish: ({ channelName, message }) => host.publish(channelName, message),
        subscribe: ({ channelName, listener }) => host.subscribe(channelName, listener),
        unsubscribe: ({ subscription }) => host.unsubscribe(subscription as OpenCtiSubscription)
    };
}

const nothing = () => undefined;
const inertActions: SoftphoneActions = {
    dial: nothing,
    answer: nothing,
    decline: nothing,
    hangup: nothing,
    hold: nothing,
    resume: nothing,
    setMuted: nothing,
    sendDtmf: nothing,
    setAgentState: nothing,
    saveWrapUp: nothing,
    completeWrapUp: nothing,
    dismissError: nothing,
    simulateIncoming: nothing
};

/** A softphone that cannot start still says why, in the softphone, in the admin's terms. */
function renderStartupErrors(root: HTMLElement, errors: readonly SettingError[]): void {
    root.replaceChildren();
    const view = new SoftphoneView({
        root,
        actions: inertActions,
        clock: systemClock,
        timers: window
    });
    const model: SoftphoneViewModel = {
        connection: { status: 'disconnected', connectorLabel: 'Not started' },
        agentState: 'Offline',
        agentStateOptions: ['Offline'],
        calls: [],
        recentCalls: [],
        errors: errors.map((error, index) => ({
            id: `startup-${index}`,
            message: error.message,
            ...(error.key === '/' || error.key === '' ? {} : { settingKey: error.key })
        })),
        notices: [],
        simulatorControlsVisible: false,
        logStatus: { pending: 0, durable: true },
        canDial: false,
        dialBlockedReason: 'The softphone could not start: see the errors above.'
    };
    view.render(model);
}

/** sessionStorage, or undefined where the browser blocks it (storage partitioning, policies). */
function readSessionStorage(): Storage | undefined {
    try {
        return window.sessionStorage;
    } catch {
        return undefined;
    }
}

async function readSettings(
    host: OpenCtiHost
): Promise<
    { ok: true; settings: SoftphoneSettings } | { ok: false; errors: readonly SettingError[] }
> {
    const map = parseSettingsMap(await host.getCallCenterSettings());
    if (!map.ok) {
        return { ok: false, errors: [{ key: '/', message: map.error.message }] };
    }
    return parseCallCenterSettings(map.value);
}

/** Routes Salesforce's click-to-dial (registered once: Open CTI has no way to unregister). */
interface ClickToDialRoute {
    target?: { controls: CallControls; app: SoftphoneApp; showPanel: () => void };
}

interface RunningSoftphone {
    readonly connected: boolean;
    readonly connectError?: string;
    stop(): Promise<void>;
}

/** Builds every layer around one connector and connects it. */
async function startSoftphone(
    root: HTMLElement,
    host: OpenCtiHost,
    settings: SoftphoneSettings,
    credentials: Readonly<Record<string, string>>,
    clickToDial: ClickToDialRoute,
    diagnostics: DiagnosticLog
): Promise<RunningSoftphone> {
    const clock = systemClock;
    const logger: EngineLogger = (level, message, details) =>
        diagnostics.record({ level, event: message, details });
    const choice = await createConnector(settings, {
        scheduler: systemScheduler,
        credentials,
        logger
    });
    const engine = new CallEngine({
        connector: choice.connector,
        logger,
        clock,
        normaliseNumber: createNumberNormaliser(settings.defaultCountry)
    });
    const userId = root.dataset.userId ?? '';
    const outbox = new LogOutbox({
        store: await openOutboxStore(),
        writer: host,
        scheduler: systemScheduler,
        clock,
        random: Math.random,
        ...(SALESFORCE_USER_ID.test(userId) ? { agentUserId: userId } : {}),
        mirrorToTask: settings.mirrorToTask
    });
    const showPanel = () => void host.setSoftphonePanelVisibility(true).catch(() => undefined);
    const dialer = new OutboundDialer(engine, host, settings.defaultCountry);
    const session = new SessionStore(readSessionStorage(), clock, systemScheduler);
    const previousSession = session.takePrevious();
    // The view needs the app's actions and the app renders into the view: close the loop late.
    const viewSlot: { view?: SoftphoneView } = {};
    const app = new SoftphoneApp({
        engine,
        outbox,
        screenPopper: new ScreenPopper(host, {
            settings: settings.screenPop,
            defaultCountry: settings.defaultCountry
        }),
        dialer,
        scheduler: systemScheduler,
        clock,
        formatNumber: createNumberFormatter(settings.defaultCountry),
        defaultCountry: settings.defaultCountry,
        wrapUp: settings,
        dispositionOptions: DISPOSITION_OPTIONS,
        connectorLabel: choice.label,
        simulator: choice.simulator !== undefined,
        softphoneVersion: SOFTPHONE_VERSION,
        showPanel,
        refreshView: () => void host.refreshView().catch(() => undefined),
        render: (model) => viewSlot.view?.render(model),
        session,
        ...(choice.describeCall === undefined ? {} : { describeCall: choice.describeCall })
    });
    const stopRecording = recordSoftphoneEvents(diagnostics, engine, outbox);
    const restored = previousSession === undefined ? undefined : app.restore(previousSession);
    const flushSession = () => session.flush();
    window.addEventListener('pagehide', flushSession);
    session.start();
    const controls = new CallControls({ engine, dialer, wrapUp: app.wrapUp, outbox });
    root.replaceChildren();
    viewSlot.view = new SoftphoneView({
        root,
        actions: createAgentActions({
            app,
            controls,
            ...(choice.simulator === undefined ? {} : { simulator: choice.simulator }),
            downloadLogs: () =>
                saveDownload(createDownload(diagnostics), document, (free) =>
                    window.setTimeout(free, 1000)
                )
        }),
        clock,
        timers: window
    });
    app.start();
    void outbox.replay();

    const bridge = new LmsBridge({
        host: lmsHostOf(host),
        channelName: SOFTPHONE_CHANNEL_NAME,
        commands: createLmsCommands(app, controls),
        onError: (error) => app.store.addError(`Lightning message channel: ${error.message}`)
    });
    if (await bridge.start()) {
        app.attachBridge(bridge);
    }
    clickToDial.target = { controls, app, showPanel };
    const unlinkSimulator =
        choice.simulator === undefined
            ? nothing
            : linkSimulatorToConsole(window, choice.simulator, (message) =>
                  app.store.addError(message)
              );

    const connected = await engine.connect();
    if (connected.ok) {
        app.setAgentState(restored?.agentState ?? 'Available');
    } else {
        app.store.addError(connected.error.message);
    }
    return {
        connected: connected.ok,
        ...(connected.ok ? {} : { connectError: connected.error.message }),
        async stop() {
            clickToDial.target = undefined;
            stopRecording();
            unlinkSimulator();
            window.removeEventListener('pagehide', flushSession);
            session.stop();
            await bridge.stop();
            app.stop();
            viewSlot.view?.destroy();
            outbox.dispose();
            await choice.connector.disconnect().catch(() => undefined);
        }
    };
}

async function boot(root: HTMLElement): Promise<void> {
    const connection = connectOpenCti(window);
    if (!connection.ok) {
        renderStartupErrors(root, [{ key: '', message: connection.error.message }]);
        return;
    }
    const host = connection.host;
    const read = await readSettings(host);
    if (!read.ok) {
        renderStartupErrors(root, read.errors);
        await host.notifyInitializationComplete();
        return;
    }
    const settings = read.settings;
    const diagnostics = new DiagnosticLog({
        clock: systemClock,
        showNumbers: settings.showNumbersInLogs,
        context: { 'Softphone version': SOFTPHONE_VERSION, Connector: settings.connectorType }
    });
    const clickToDial: ClickToDialRoute = {};
    host.onClickToDial((payload) => {
        const target = clickToDial.target;
        if (target !== undefined) {
            handleClickToDial(payload, {
                controls: target.controls,
                store: target.app.store,
                showPanel: target.showPanel
            });
        }
    });
    await host.enableClickToDial();

    const need = credentialsNeededFor(settings);
    if (need !== undefined) {
        // Salesforce shows a spinner over the softphone until this call: the sign-in form must
        // be visible, so report ready before asking.
        await host.notifyInitializationComplete();
    }
    let error: string | undefined;
    for (;;) {
        const credentials =
            need === undefined
                ? {}
                : await askForCredentials(root, {
                      ...need,
                      ...(error === undefined ? {} : { error })
                  });
        let running: RunningSoftphone;
        try {
            running = await startSoftphone(
                root,
                host,
                settings,
                credentials,
                clickToDial,
                diagnostics
            );
        } catch (refused) {
            if (!(refused instanceof CredentialsError)) {
                throw refused;
            }
            error = refused.message;
            continue;
        }
        if (need === undefined) {
            await host.notifyInitializationComplete();
            return;
        }
        if (running.connected) {
            return;
        }
        // Wrong account or unreachable server at sign-in: nothing is live yet, so start over.
        error = running.connectError;
        await running.stop();
    }
}

const softphoneRoot = document.getElementById('softphone-root');
if (softphoneRoot) {
    softphoneRoot.textContent = '';
    boot(softphoneRoot).catch((error: unknown) => {
        renderStartupErrors(softphoneRoot, [
            { key: '', message: error instanceof Error ? error.message : String(error) }
        ]);
    });
}
