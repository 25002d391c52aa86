import { label } from '../i18n';
import type { CallerPopOutcome, CallerScreenPopper } from '../app/inbound-screen-pop';
import { placeholderViewModel } from '../app/view-model-builder';
import type { Clock } from '../calls/call-model';
import { LmsRelay } from '../channel/lms-relay';
import type { LmsHost } from '../channel/channel-endpoint';
import type { LogFile } from '../diagnostics/log-download';
import type { PhoneNumberResult } from '../screenpop/phone-number';
import type { PopMoment } from '../screenpop/screen-pop-executor';
import type { CredentialsPrompt } from '../ui/credentials-form';
import { SoftphoneView, type ViewTimers } from '../ui/softphone-view';
import type { SoftphoneActions, SoftphoneViewModel } from '../ui/view-model';
import type { Scheduler } from '../telephony/scheduler';
import type { TabActivity } from './tab-activity';
import type { Handover } from './handover';
import type { TabBus } from './tab-bus';
import type { AgentAction, PopResult, TabMessage, TabMessageKind } from './tab-protocol';

export interface TabFollowerOptions {
    readonly root: HTMLElement;
    readonly bus: TabBus;
    readonly activity: TabActivity;
    readonly lmsHost: LmsHost;
    readonly lmsChannelName: string;
    /** This tab's screen pop, used when the leader asks this tab to pop a caller. */
    readonly screenPopper: CallerScreenPopper;
    readonly normaliseNumber: (number: string) => PhoneNumberResult;
    readonly showPanel: () => void;
    readonly refreshView: () => void;
    readonly saveLogFile: (file: LogFile) => void;
    /** Opens a record in this tab (a recent call's link): a pop belongs where the agent clicked. */
    readonly openRecord?: (recordId: string) => void;
    /** Listens to the local console's simulator controls; the messages go to the leader. */
    readonly listenToConsole?: (forward: (message: unknown) => void) => () => void;
    readonly clock: Clock;
    readonly timers: ViewTimers;
    /** Times the wait for a handover still on its way when this tab gets the lock. */
    readonly scheduler: Scheduler;
    readonly onError: (message: string) => void;
    /** The sign-in the connector needs, asked here when the leader waits for one. */
    readonly signIn?: {
        readonly prompt: CredentialsPrompt;
        readonly ask: (
            root: HTMLElement,
            prompt: CredentialsPrompt
        ) => Promise<Record<string, string>>;
    };
}

/** What only a leader sends. */
const LEADER_KINDS: ReadonlySet<TabMessageKind> = new Set([
    'leader',
    'view',
    'lmsEvent',
    'session',
    'handover',
    'showPanel',
    'refreshView',
    'popRequest',
    'logFile',
    'signingIn'
]);
/**
 * How long a tab that got the leader lock waits for the leader's handover still on its way: the
 * lock and the channel are not ordered with each other, and a message takes milliseconds.
 */
export const HANDOVER_WAIT_MS = 1000;
/** Bounds of a pop result (tab-protocol.ts): longer text is cut so the leader accepts it. */
const MAX_POP_NAME = 1024;
const MAX_POP_MESSAGE = 4096;

/** What a follower shows until the leader answers (built when shown: it is in the user's language). */
function waitingModel(): ReturnType<typeof placeholderViewModel> {
    return placeholderViewModel({
        connection: { status: 'connecting', connectorLabel: label('Softphone_Another_Tab') },
        dialBlockedReason: label('Softphone_Waiting_For_Leader')
    });
}

/**
 * A softphone tab while another tab leads: it shows the leader's softphone and sends what the
 * agent does here (buttons, click-to-dial, the LWCs' messages) to the leader. It pops records
 * when the leader asks, because the agent works in this tab.
 */
export class TabFollower {
    /** Absent while the sign-in form shows instead. */
    private view: SoftphoneView | undefined;
    /** Counts sign-in forms shown, so an abandoned form's answer is not sent. */
    private signInRound = 0;
    private readonly relay: LmsRelay;
    private readonly stops: Array<() => void> = [];
    private session: string | undefined;
    private credentials: Readonly<Record<string, string>> | undefined;
    private heardFromLeader = false;
    /** Set while this tab, holding the lock, waits for the handover (awaitHandover). */
    private handoverArrived: (() => void) | undefined;
    private nextRequest = 1;
    private readonly logRequests = new Set<string>();

    constructor(private readonly options: TabFollowerOptions) {
        options.root.dataset.tabRole = 'follower';
        options.root.dataset.softphone = 'following';
        this.relay = new LmsRelay({
            host: options.lmsHost,
            channelName: options.lmsChannelName,
            forward: (message) => options.bus.post({ kind: 'lmsMessage', message }),
            onError: (error) => options.onError(label('Softphone_App_Lms_Error', error.message))
        });
    }

    async start(): Promise<void> {
        const { bus, activity } = this.options;
        this.show(waitingModel());
        this.stops.push(
            bus.onMessage((message) => this.receive(message)),
            activity.onChange((state) => bus.post({ kind: 'activity', ...state }))
        );
        if (this.options.listenToConsole !== undefined) {
            this.stops.push(
                this.options.listenToConsole((message) => bus.post({ kind: 'simulator', message }))
            );
        }
        await this.relay.start();
        this.hello();
    }

    /** A click on a phone field in this tab: the leader dials (and opens this tab's panel). */
    forwardClickToDial(payload: unknown): void {
        this.options.bus.post({ kind: 'clickToDial', payload });
    }

    /** Tabs of another softphone version cannot follow each other: say what to do. */
    showOtherVersion(): void {
        this.show(
            placeholderViewModel({
                connection: {
                    status: 'disconnected',
                    connectorLabel: label('Softphone_Another_Tab')
                },
                errors: [
                    {
                        id: 'tabs-other-version',
                        message: label('Softphone_Other_Version')
                    }
                ],
                dialBlockedReason: label('Softphone_Reload_Tab')
            })
        );
    }

    /** The page is going away: the leader stops sending this tab screen pops. */
    leave(): void {
        this.options.bus.post({ kind: 'bye' });
    }

    /**
     * This tab got the lock: the leader's tab went. Its `handover`, posted on its pagehide, may
     * still be on its way, since the browser releases the lock and delivers the channel's
     * messages in no set order. Resolves once this tab holds the handover or after
     * {@link HANDOVER_WAIT_MS} (the leader crashed: the agent signs in again); at once when no
     * sign-in is needed or no leader was ever heard.
     */
    awaitHandover(): Promise<void> {
        if (
            this.credentials !== undefined ||
            this.options.signIn === undefined ||
            !this.heardFromLeader
        ) {
            return Promise.resolve();
        }
        const { scheduler } = this.options;
        return new Promise((resolve) => {
            const done = () => {
                scheduler.clearTimeout(timer);
                this.handoverArrived = undefined;
                resolve();
            };
            const timer = scheduler.setTimeout(done, HANDOVER_WAIT_MS);
            this.handoverArrived = done;
        });
    }

    /** Stops following (this tab takes over, or the page goes): what the leader left. */
    async stop(): Promise<Handover> {
        for (const stop of this.stops.splice(0)) {
            stop();
        }
        await this.relay.stop();
        this.signInRound += 1;
        this.view?.destroy();
        this.view = undefined;
        delete this.options.root.dataset.tabRole;
        return {
            heardFromLeader: this.heardFromLeader,
            takenOverAt: this.options.clock.now(),
            ...(this.session === undefined ? {} : { session: this.session }),
            ...(this.credentials === undefined ? {} : { credentials: this.credentials })
        };
    }

    private hello(): void {
        this.options.bus.post({ kind: 'hello', ...this.options.activity.current });
    }

    private receive(message: TabMessage): void {
        if (!LEADER_KINDS.has(message.kind)) {
            // Another follower's message to the leader: not for this tab.
            return;
        }
        this.heardFromLeader = true;
        switch (message.kind) {
            case 'leader':
                // A new leader took over: a handover meant for the tab that did is not this one's.
                this.credentials = undefined;
                this.hello();
                return;
            case 'view':
                this.render(message.model);
                return;
            case 'signingIn':
                this.askForSignIn(message.error);
                return;
            case 'lmsEvent':
                void this.relay.relay(message.message);
                return;
            case 'session':
                this.session = message.json;
                return;
            case 'handover':
                this.credentials = message.values;
                this.handoverArrived?.();
                return;
            case 'showPanel':
                this.options.showPanel();
                return;
            case 'refreshView':
                this.options.refreshView();
                return;
            case 'popRequest':
                void this.pop(message.requestId, message.number, message.moment);
                return;
            case 'logFile':
                if (this.logRequests.delete(message.requestId)) {
                    this.options.saveLogFile(message.file);
                }
                return;
            default:
                return;
        }
    }

    private render(model: SoftphoneViewModel): void {
        const connectorLabel = label(
            'Softphone_Through_Other_Tab',
            model.connection.connectorLabel
        );
        this.show({ ...model, connection: { ...model.connection, connectorLabel } });
    }

    /** Renders a model, building the view again when the sign-in form had replaced it. */
    private show(model: SoftphoneViewModel): void {
        if (this.view === undefined) {
            this.signInRound += 1;
            this.options.root.replaceChildren();
            this.view = new SoftphoneView({
                root: this.options.root,
                actions: this.remoteActions(),
                clock: this.options.clock,
                timers: this.options.timers
            });
        }
        this.view.render(model);
    }

    /** The leader waits for a sign-in: the agent may give it here, in the tab they are in. */
    private askForSignIn(error: string | undefined): void {
        const signIn = this.options.signIn;
        if (signIn === undefined) {
            return;
        }
        this.view?.destroy();
        this.view = undefined;
        const round = ++this.signInRound;
        void signIn
            .ask(this.options.root, { ...signIn.prompt, ...(error === undefined ? {} : { error }) })
            .then((values) => {
                if (round !== this.signInRound) {
                    return;
                }
                this.options.bus.post({ kind: 'signIn', values });
                this.show(waitingModel());
            });
    }

    private async pop(requestId: string, number: string, moment?: PopMoment): Promise<void> {
        let result: PopResult;
        try {
            result = toPopResult(
                await this.options.screenPopper.pop(this.options.normaliseNumber(number), moment)
            );
        } catch (error) {
            result = {
                ok: false,
                step: 'search',
                message: (error instanceof Error ? error.message : String(error)).slice(
                    0,
                    MAX_POP_MESSAGE
                )
            };
        }
        this.options.bus.post({ kind: 'popResult', requestId, result });
    }

    private remoteActions(): SoftphoneActions {
        const send = (action: AgentAction) => this.options.bus.post({ kind: 'action', action });
        return {
            dial: (number) => send({ name: 'dial', number }),
            answer: (callId) => send({ name: 'answer', callId }),
            decline: (callId) => send({ name: 'decline', callId }),
            hangup: (callId) => send({ name: 'hangup', callId }),
            hold: (callId) => send({ name: 'hold', callId }),
            resume: (callId) => send({ name: 'resume', callId }),
            setMuted: (callId, muted) => send({ name: 'setMuted', callId, muted }),
            sendDtmf: (callId, digit) => send({ name: 'sendDtmf', callId, digit }),
            setAgentState: (state) => send({ name: 'setAgentState', state }),
            editWrapUp: (callId, draft) => send({ name: 'editWrapUp', callId, ...draft }),
            saveWrapUp: (callId, wrapUp) => send({ name: 'saveWrapUp', callId, ...wrapUp }),
            completeWrapUp: () => send({ name: 'completeWrapUp' }),
            relateCall: (callId, recordId) => send({ name: 'relateCall', callId, recordId }),
            dismissError: (id) => send({ name: 'dismissError', id }),
            simulateIncoming: (caller) => send({ name: 'simulateIncoming', ...caller }),
            // Transfer, consult and conference: the leader's softphone holds the calls.
            transfer: (callId, target, mode) => send({ name: 'transfer', callId, target, mode }),
            completeConsult: () => send({ name: 'completeConsult' }),
            cancelConsult: () => send({ name: 'cancelConsult' }),
            mergeCalls: () => send({ name: 'mergeCalls' }),
            dropParty: (callId) => send({ name: 'dropParty', callId }),
            swapCalls: () => send({ name: 'swapCalls' }),
            ...(this.options.openRecord === undefined
                ? {}
                : { openRecord: this.options.openRecord }),
            downloadLogs: () => {
                const requestId = `log-${this.nextRequest++}`;
                this.logRequests.add(requestId);
                this.options.bus.post({ kind: 'logFileRequest', requestId });
            }
        };
    }
}

/** Only what the leader uses, within the protocol's bounds. */
function toPopResult(outcome: CallerPopOutcome): PopResult {
    if (!outcome.ok) {
        return {
            ok: false,
            step: outcome.step.slice(0, 64),
            message: outcome.message.slice(0, MAX_POP_MESSAGE)
        };
    }
    const related = outcome.related;
    const recordName = related?.recordName?.slice(0, MAX_POP_NAME);
    return {
        ok: true,
        ...(related === undefined
            ? {}
            : {
                  related: {
                      recordId: related.recordId,
                      objectType: related.objectType,
                      ...(recordName === undefined ? {} : { recordName })
                  }
              }),
        ...(outcome.callerName === undefined
            ? {}
            : { callerName: outcome.callerName.slice(0, MAX_POP_NAME) }),
        ...(outcome.waitsForAnswer === true ? { waitsForAnswer: true } : {})
    };
}
