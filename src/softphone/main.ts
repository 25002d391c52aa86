// The static resource's entry: reads the call-center settings, settles which tab runs the
// connector, and starts the softphone. Nothing here decides behaviour; each layer's folder does.
import { createPanelOpener } from './app/panel-opener';
import {
    ClickToDialRouter,
    CredentialsError,
    credentialsNeededFor,
    type CredentialsNeed,
    listenToConsole,
    NavigationListeners,
    placeholderViewModel,
    preloadConnector,
    preloadLastConnector
} from './app';
import { createFileDownload, DiagnosticLog, saveDownload } from './diagnostics';
import { systemClock } from './calls';
import { SOFTPHONE_CHANNEL_NAME } from './channel';
import {
    connectOpenCti,
    parseCallCenterSettings as parseSettingsMap,
    type OpenCtiHost
} from './opencti';
import {
    applyPageLanguage,
    completeWithEnglish,
    label,
    loadEnglishLabels,
    readPageLanguage,
    sha256Hex
} from './i18n';
import { loadPhoneNumberLibrary, normalisePhoneNumber, ScreenPopper } from './screenpop';
import {
    defaultSoftphoneSettings,
    mergeSettingOverrides,
    nameOverrideSource,
    parseCallCenterSettings,
    type SettingError,
    type SettingOverrideSource,
    type SoftphoneSettings
} from './settings';
// Not the setup-check barrel: Check setup is a chunk of its own (see lazy-setup-check.ts).
import type { SetupCheckContext } from './setup-check/create-setup-check';
import { appendSetupCheck } from './setup-check/lazy-setup-check';
import { markStart } from './shared/start-marks';
import {
    lmsHostOf,
    readLocalStorage,
    startSoftphone,
    type RunningSoftphone
} from './start-softphone';
import {
    claimLeadership,
    LEADER_LOCK_NAME,
    TAB_CHANNEL_NAME,
    TabActivity,
    TabBus,
    TabFollower,
    TabLeader,
    type Handover,
    type LockManagerLike
} from './tabs';
// The scheduler only: the telephony barrel would bring the simulator into the core.
import { systemScheduler } from './telephony/scheduler';
import { askForCredentials, SoftphoneView, type SoftphoneActions } from './ui';
import './ui/softphone.css';

declare const SOFTPHONE_VERSION: string;
/** SHA-256 of the softphone's label names (scripts/build.mjs; see completeWithEnglish). */
declare const SOFTPHONE_LABEL_DIGEST: string;

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
    editWrapUp: nothing,
    saveWrapUp: nothing,
    completeWrapUp: nothing,
    relateCall: nothing,
    dismissError: nothing,
    simulateIncoming: nothing
};

/** Check setup for a softphone that is not running (it could not start, or waits to sign in). */
function setupCheckContext(
    root: HTMLElement,
    host: OpenCtiHost,
    settings: SoftphoneSettings | undefined,
    problems: readonly SettingError[]
): SetupCheckContext {
    const known = settings ?? defaultSoftphoneSettings;
    return {
        host,
        window,
        softphoneVersion: SOFTPHONE_VERSION,
        connector: settings === undefined ? label('Softphone_Not_Started') : settings.connectorType,
        settingsProblems: problems,
        searchObjects: known.screenPop.searchObjects,
        onDoNotCallUnreadable: known.doNotCallCheckFailure,
        ...(known.sip === undefined ? {} : { sipWebSocketUrl: known.sip.webSocketUrl }),
        idPrefix: root.id || 'softphone'
    };
}

/**
 * A softphone that cannot start still says why, in the softphone, in the admin's terms. Each
 * error can be dismissed (the softphone still cannot start until the setting is fixed).
 */
function renderStartupErrors(
    root: HTMLElement,
    errors: readonly SettingError[],
    host?: OpenCtiHost
): void {
    root.replaceChildren();
    // For whoever waits for the start to finish (the local console's tests): it ended here.
    root.dataset.softphone = 'failed';
    let shown = errors.map((error, index) => ({
        id: `startup-${index}`,
        message: error.message,
        ...(error.key === '/' || error.key === '' ? {} : { settingKey: error.key })
    }));
    const render = () =>
        view.render(
            placeholderViewModel({
                connection: {
                    status: 'disconnected',
                    connectorLabel: label('Softphone_Not_Started')
                },
                errors: shown,
                dialBlockedReason: label('Softphone_Could_Not_Start')
            })
        );
    const view = new SoftphoneView({
        root,
        actions: {
            ...inertActions,
            dismissError: (id) => {
                shown = shown.filter((error) => error.id !== id);
                render();
            }
        },
        clock: systemClock,
        timers: window
    });
    render();
    if (host !== undefined) {
        appendSetupCheck(root, setupCheckContext(root, host, undefined, errors));
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
    // The admin's overrides (Softphone_Settings__c, rendered by the page): they survive upgrades.
    const merged = mergeSettingOverrides(map.value, settingOverridesOnPage());
    const parsed = parseCallCenterSettings(merged.settings);
    const errors = [
        ...merged.errors,
        ...(parsed.ok ? [] : nameOverrideSource(parsed.errors, merged, map.value))
    ];
    return errors.length > 0 || !parsed.ok ? { ok: false, errors } : parsed;
}

function settingOverridesOnPage(): SettingOverrideSource[] {
    return [...document.querySelectorAll('#softphone-setting-overrides [data-setting]')].map(
        (element) => ({ key: element.getAttribute('data-setting'), value: element.textContent })
    );
}

/** Messages between softphone tabs go through the diagnostic log; a version skew is told. */
function openTabBus(diagnostics: DiagnosticLog, onOtherVersion: () => void): TabBus {
    const tabId =
        typeof crypto.randomUUID === 'function'
            ? crypto.randomUUID()
            : `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    return new TabBus(new BroadcastChannel(TAB_CHANNEL_NAME), tabId, (problem) => {
        diagnostics.record({
            level: 'warn',
            event: `tabs.${problem.reason}`,
            details: { detail: problem.detail }
        });
        if (problem.reason === 'other-version') {
            onOtherVersion();
        }
    });
}

function webLocks(): LockManagerLike | undefined {
    return typeof navigator === 'object' && 'locks' in navigator
        ? (navigator.locks as LockManagerLike)
        : undefined;
}

/**
 * Runs this tab as a follower until the leader's tab goes and this one holds the lock: it then
 * returns what the leader left, for the softphone this tab starts.
 */
async function follow(
    whenLeader: Promise<void>,
    parts: {
        root: HTMLElement;
        host: OpenCtiHost;
        settings: SoftphoneSettings;
        bus: TabBus;
        activity: TabActivity;
        clickToDial: ClickToDialRouter;
        onOtherVersion: { show?: () => void };
        diagnostics: DiagnosticLog;
    }
): Promise<Handover> {
    const { root, host, settings, bus, activity } = parts;
    const need = credentialsNeededFor(settings);
    const follower = new TabFollower({
        root,
        bus,
        activity,
        lmsHost: lmsHostOf(host),
        lmsChannelName: SOFTPHONE_CHANNEL_NAME,
        screenPopper: new ScreenPopper(host, {
            settings: settings.screenPop,
            defaultCountry: settings.defaultCountry
        }),
        normaliseNumber: (number) => normalisePhoneNumber(number, settings.defaultCountry),
        showPanel: createPanelOpener(host, settings.headless),
        refreshView: () => void host.refreshView().catch(() => undefined),
        openRecord: (recordId) =>
            void host.screenPop({ type: 'SOBJECT', params: { recordId } }).catch((error: unknown) =>
                parts.diagnostics.record({
                    level: 'error',
                    event: 'opencti.screenPop',
                    details: { error: error instanceof Error ? error.message : String(error) }
                })
            ),
        saveLogFile: (file) =>
            saveDownload(createFileDownload(file), document, (free) =>
                window.setTimeout(free, 1000)
            ),
        listenToConsole: (forward) => listenToConsole(window, forward),
        ...(need === undefined ? {} : { signIn: { prompt: need, ask: askForCredentials } }),
        clock: systemClock,
        timers: window,
        scheduler: systemScheduler,
        // The leader's softphone shows its own errors; this tab's channel failures are logged.
        onError: (message) =>
            parts.diagnostics.record({
                level: 'error',
                event: 'tabs.follower',
                details: { message }
            })
    });
    parts.onOtherVersion.show = () => follower.showOtherVersion();
    parts.clickToDial.routeTo((payload) => follower.forwardClickToDial(payload));
    const leave = () => follower.leave();
    window.addEventListener('pagehide', leave);
    await follower.start();
    await whenLeader;
    await follower.awaitHandover();
    window.removeEventListener('pagehide', leave);
    parts.onOtherVersion.show = undefined;
    return follower.stop();
}

async function boot(root: HTMLElement, labelsReady: Promise<unknown>): Promise<void> {
    const connection = connectOpenCti(window);
    if (!connection.ok) {
        await labelsReady;
        renderStartupErrors(root, [{ key: '', message: connection.error.message }]);
        return;
    }
    const host = connection.host;
    // Both only wait (the host, the network): the phone-number chunk loads while the settings
    // are read, and while the tab's role is settled; it is awaited before anything reads a
    // number. A chunk that fails to load fails the start, as a missing softphone.js would.
    // The English catalogue too, when the page lacks a label (see completeWithEnglish).
    const phoneNumbers = loadPhoneNumberLibrary().then(() => markStart('phone-numbers-loaded'));
    // Awaited below on every path; until then, a failure is not reported as unhandled.
    phoneNumbers.catch(() => undefined);
    // The lock only waits on the browser: claimed while the settings are read. One tab of the
    // browser runs the connector and the call log; the others follow it. A tab that cannot
    // start gives the lock up (or its place in the queue), so that another tab leads.
    // The connector chunk of this browser's last start downloads during the settings' round trip.
    const storage = readLocalStorage();
    preloadLastConnector(storage);
    const giveUpLeadership = new AbortController();
    const claiming = claimLeadership(webLocks(), LEADER_LOCK_NAME, giveUpLeadership.signal);
    const cannotStart = (failure: unknown): never => {
        giveUpLeadership.abort();
        throw failure;
    };
    const [read] = await Promise.all([
        readSettings(host).then((settings) => {
            markStart('settings-read');
            return settings;
        }),
        labelsReady.then(() => markStart('labels-ready'))
    ]).catch(cannotStart);
    if (!read.ok) {
        giveUpLeadership.abort();
        await phoneNumbers;
        renderStartupErrors(root, read.errors, host);
        await host.notifyInitializationComplete();
        return;
    }
    const settings = read.settings;
    preloadConnector(settings, storage);
    const diagnostics = new DiagnosticLog({
        clock: systemClock,
        showNumbers: settings.showNumbersInLogs,
        context: { 'Softphone version': SOFTPHONE_VERSION, Connector: settings.connectorType }
    });
    const activity = new TabActivity({ document, window }, systemClock);
    const navigation = new NavigationListeners();
    navigation.add(() => activity.touch());
    host.onNavigationChange((payload) => navigation.receive(payload));
    const clickToDial = new ClickToDialRouter();
    host.onClickToDial((payload) => clickToDial.receive(payload));
    // Not awaited: clicks that come before the softphone runs wait in the router.
    const clickToDialEnabled = host.enableClickToDial().catch((error: unknown) =>
        diagnostics.record({
            level: 'error',
            event: 'opencti.enableClickToDial',
            details: { error: error instanceof Error ? error.message : String(error) }
        })
    );

    const leadership = await claiming;
    markStart('tab-role-settled');
    await phoneNumbers.catch(cannotStart);
    const onOtherVersion: { show?: () => void } = {};
    const bus =
        leadership.role === 'alone'
            ? undefined
            : openTabBus(diagnostics, () => onOtherVersion.show?.());
    diagnostics.record({
        level: 'info',
        event: `tabs.${leadership.role}`,
        details: leadership.role === 'alone' ? { reason: leadership.reason } : {}
    });
    let initialised = false;
    let handover: Handover | undefined;
    if (leadership.role === 'follower' && bus !== undefined) {
        const following = follow(leadership.whenLeader, {
            root,
            host,
            settings,
            bus,
            activity,
            clickToDial,
            onOtherVersion,
            diagnostics
        });
        await host.notifyInitializationComplete();
        initialised = true;
        handover = await following;
        diagnostics.record({ level: 'info', event: 'tabs.takeover' });
    }
    const leader = bus === undefined ? undefined : new TabLeader(bus, activity, systemScheduler);
    if (leader !== undefined) {
        // The one moment the sign-in crosses the tabs' channel: this tab goes, another takes over.
        window.addEventListener('pagehide', () => leader.handOver());
    }
    await lead({
        root,
        host,
        settings,
        diagnostics,
        clickToDial,
        navigation,
        leader,
        handover,
        initialised
    });
    await clickToDialEnabled;
}

/** The connector's sign-in, from this tab's form or, when other tabs follow, from theirs. */
async function signIn(
    root: HTMLElement,
    need: CredentialsNeed,
    error: string | undefined,
    leader: TabLeader | undefined,
    setupCheck: SetupCheckContext
): Promise<Record<string, string>> {
    const here = askForCredentials(root, { ...need, ...(error === undefined ? {} : { error }) });
    // A sign-in that fails (server unreachable, blocked by the org's CSP) is where admins look.
    appendSetupCheck(root, setupCheck);
    if (leader === undefined) {
        return here;
    }
    const values = await Promise.race([here, leader.signInFromAnyTab(error)]);
    leader.endSignIn();
    return values;
}

/** Signs in when the connector needs it, starts the softphone and connects it. */
async function lead(parts: {
    root: HTMLElement;
    host: OpenCtiHost;
    settings: SoftphoneSettings;
    diagnostics: DiagnosticLog;
    clickToDial: ClickToDialRouter;
    navigation: NavigationListeners;
    leader: TabLeader | undefined;
    handover: Handover | undefined;
    initialised: boolean;
}): Promise<void> {
    const { root, host, settings, handover } = parts;
    let initialised = parts.initialised;
    const initialise = async () => {
        if (!initialised) {
            initialised = true;
            await host.notifyInitializationComplete();
        }
    };
    const need = credentialsNeededFor(settings);
    // The previous leader's sign-in, when this tab took over: tried once, then the form.
    let offered = need === undefined ? undefined : handover?.credentials;
    if (need !== undefined && offered === undefined) {
        // Salesforce shows a spinner over the softphone until this call: the sign-in form must
        // be visible, so report ready before asking.
        await initialise();
    }
    let error: string | undefined;
    for (;;) {
        if (need !== undefined && offered === undefined) {
            root.dataset.softphone = 'signing-in';
        }
        const credentials =
            need === undefined
                ? {}
                : (offered ??
                  (await signIn(
                      root,
                      need,
                      error,
                      parts.leader,
                      setupCheckContext(root, host, settings, [])
                  )));
        offered = undefined;
        let running: RunningSoftphone;
        // Sent as soon as the panel shows, ahead of the layout and LMS requests startSoftphone
        // sends after it, which the host would otherwise handle first: the spinner goes sooner.
        let initialising: Promise<void> | undefined;
        try {
            running = await startSoftphone({
                root,
                host,
                settings,
                credentials,
                clickToDial: parts.clickToDial,
                navigation: parts.navigation,
                diagnostics: parts.diagnostics,
                // Beside softphone.js in the static resource (copied there by the build).
                ringtoneUrl: new URL('ringtone.wav', import.meta.url).href,
                onShown: () => {
                    initialising = initialise();
                },
                ...(parts.leader === undefined ? {} : { leader: parts.leader }),
                ...(handover === undefined ? {} : { handover })
            });
        } catch (refused) {
            if (!(refused instanceof CredentialsError)) {
                throw refused;
            }
            error = refused.message;
            await initialise();
            continue;
        }
        // The softphone shows "Connecting…" by itself: Salesforce need not wait for the server.
        await (initialising ?? initialise());
        root.dataset.softphone = 'connecting';
        const connected = await running.connect();
        if (connected.ok || need === undefined) {
            // For whoever waits for the start to finish (the local console's tests, the bench).
            root.dataset.softphone = 'started';
            return;
        }
        // Wrong account or unreachable server at sign-in: nothing is live yet, so start over.
        error = connected.message;
        await running.stop();
    }
}

const softphoneRoot = document.getElementById('softphone-root');
if (softphoneRoot) {
    markStart('script-run');
    // The user's language and locale first: every word and format below follows them.
    const page = readPageLanguage(document);
    applyPageLanguage(document, page);
    const labelsReady = completeWithEnglish(page, {
        expectedDigest: SOFTPHONE_LABEL_DIGEST,
        digest: sha256Hex,
        load: loadEnglishLabels
    });
    softphoneRoot.textContent = '';
    boot(softphoneRoot, labelsReady).catch(async (error: unknown) => {
        // Whatever failed, the message is shown in words (English if the catalogue loads).
        await labelsReady.catch(() => false);
        renderStartupErrors(softphoneRoot, [
            { key: '', message: error instanceof Error ? error.message : String(error) }
        ]);
    });
}
