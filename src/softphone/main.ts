// The static resource's entry: wires the layers of DESIGN.md from the call-center settings.
// Nothing here decides behaviour; each layer's folder does.
import {
    createAgentActions,
    createLmsCommands,
    createNumberFormatter,
    createNumberNormaliser,
    CallControls,
    handleClickToDial,
    linkSimulatorToConsole,
    OutboundDialer,
    SessionStore,
    SoftphoneApp
} from './app';
import { LogOutbox, openOutboxStore } from './calllog';
import { CallEngine, systemClock } from './calls';
import { LmsBridge, SOFTPHONE_CHANNEL_NAME, type LmsHost } from './channel';
import {
    connectOpenCti,
    parseCallCenterSettings as parseSettingsMap,
    type OpenCtiHost,
    type OpenCtiSubscription
} from './opencti';
import { ScreenPopper } from './screenpop';
import { parseCallCenterSettings, type SettingError, type SoftphoneSettings } from './settings';
import { SimulatorConnector, systemScheduler } from './telephony';
import { SoftphoneView, type SoftphoneActions, type SoftphoneViewModel } from './ui';
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

/** A softphone that cannot start still says why, in the softphone, in the admin's terms. */
function renderStartupErrors(root: HTMLElement, errors: readonly SettingError[]): void {
    const view = new SoftphoneView({
        root,
        actions: createAgentActionsThatDoNothing(),
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

function createAgentActionsThatDoNothing(): SoftphoneActions {
    const nothing = () => undefined;
    return {
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
    if (settings.connectorType !== 'simulator') {
        renderStartupErrors(root, [
            {
                key: '/connector/connectorType',
                message: 'the SIP connector is not available in this version yet: use simulator'
            }
        ]);
        await host.notifyInitializationComplete();
        return;
    }

    const clock = systemClock;
    const simulator = new SimulatorConnector({ idGenerator: () => `sim-${crypto.randomUUID()}` });
    const engine = new CallEngine({
        connector: simulator,
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
    const formatNumber = createNumberFormatter(settings.defaultCountry);
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
        formatNumber,
        defaultCountry: settings.defaultCountry,
        wrapUp: settings,
        dispositionOptions: DISPOSITION_OPTIONS,
        connectorLabel: 'Simulator',
        simulator: true,
        softphoneVersion: SOFTPHONE_VERSION,
        showPanel,
        refreshView: () => void host.refreshView().catch(() => undefined),
        render: (model) => viewSlot.view?.render(model),
        session
    });
    const restored = previousSession === undefined ? undefined : app.restore(previousSession);
    window.addEventListener('pagehide', () => session.flush());
    session.start();
    const controls = new CallControls({ engine, dialer: dialer, wrapUp: app.wrapUp, outbox });
    viewSlot.view = new SoftphoneView({
        root,
        actions: createAgentActions({ app, controls, simulator }),
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
    host.onClickToDial((payload) =>
        handleClickToDial(payload, { controls, store: app.store, showPanel })
    );
    await host.enableClickToDial();
    linkSimulatorToConsole(window, simulator, (message) => app.store.addError(message));

    const connected = await engine.connect();
    if (connected.ok) {
        app.setAgentState(restored?.agentState ?? 'Available');
    } else {
        app.store.addError(connected.error.message);
    }
    await host.notifyInitializationComplete();
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
