import type { CallerPopOutcome, CallerScreenPopper } from '../app/inbound-screen-pop';
import type { KeyValueStorage } from '../app/session-store';
import { LmsBridge, type LmsHost, type SoftphoneCommands } from '../channel/lms-bridge';
import type { LogFile } from '../diagnostics/log-download';
import { maskNumbersInText } from '../diagnostics/mask-phone-number';
import type { PhoneNumberResult } from '../screenpop/phone-number';
import type { PopMoment } from '../screenpop/screen-pop-executor';
import type { Scheduler } from '../telephony/scheduler';
import type { SoftphoneActions, SoftphoneViewModel } from '../ui/view-model';
import { chooseScreenPopTab, type TabActivity, type TabActivityState } from './tab-activity';
import type { TabBus } from './tab-bus';
import type { AgentAction, PopResult, TabMessage } from './tab-protocol';

/** What the leading softphone does for the other tabs, once it runs. */
export interface LeaderServices {
    /** The softphone view's own actions: a click in any tab does what it does here. */
    readonly actions: SoftphoneActions;
    /** The LWCs' commands, answered by a bridge per tab. */
    readonly lmsCommands: SoftphoneCommands;
    readonly lmsChannelName: string;
    /** A click-to-dial in another tab; `showPanelThere` opens that tab's softphone. */
    clickToDial(payload: unknown, showPanelThere: () => void): void;
    /** The local console's "simulate a call" from another tab (simulator connector only). */
    readonly simulatorMessage?: (data: unknown) => void;
    logFile(): LogFile;
    onLmsError(message: string): void;
}

/** How long a screen pop waits for the chosen tab before popping in the leader's own tab. */
const POP_TIMEOUT_MS = 5000;

interface PendingPop {
    readonly target: string;
    readonly resolve: (result: PopResult | undefined) => void;
    readonly timer: unknown;
}

/**
 * The softphone tab that owns the connector and the call log (it holds the leader lock). The
 * other tabs see its view, and what the agent does there comes here: buttons, click-to-dial,
 * the LWCs' commands. Inbound screen pops go to the tab the agent works in.
 */
export class TabLeader {
    private readonly followers = new Map<string, TabActivityState>();
    private readonly followerBridges = new Map<string, LmsBridge>();
    private readonly pendingPops = new Map<string, PendingPop>();
    private services: LeaderServices | undefined;
    private lastView: SoftphoneViewModel | undefined;
    private lastSession: string | undefined;
    private credentials: Readonly<Record<string, string>> | undefined;
    private nextRequest = 1;
    /** Set while the leader asks for the connector's sign-in. */
    private signIn:
        { error?: string; resolve: (values: Record<string, string>) => void } | undefined;
    private readonly unsubscribe: () => void;

    constructor(
        private readonly bus: TabBus,
        private readonly activity: TabActivity,
        private readonly scheduler: Scheduler
    ) {
        this.unsubscribe = bus.onMessage((message) => this.receive(message));
        // Tabs that followed the previous leader say hello again.
        bus.post({ kind: 'leader' });
    }

    get tabId(): string {
        return this.bus.tabId;
    }

    /** The other softphone tabs known now. */
    get followerIds(): readonly string[] {
        return [...this.followers.keys()];
    }

    /** Starts serving the other tabs; the returned function stops it (the softphone stopped). */
    attach(services: LeaderServices): () => void {
        this.services = services;
        return () => {
            if (this.services === services) {
                this.services = undefined;
                this.followerBridges.clear();
            }
        };
    }

    publishView(model: SoftphoneViewModel): void {
        this.lastView = model;
        this.bus.post({ kind: 'view', model });
    }

    /**
     * The sign-in the connector runs with, kept in this tab's memory for the tab that takes over.
     * Nothing is posted now: any same-origin script can read the channel, so the credentials
     * cross it only in {@link handOver}, never in answer to a message.
     */
    keepCredentialsForHandover(values: Readonly<Record<string, string>>): void {
        this.credentials = values;
    }

    /**
     * This tab is going (pagehide): the leader lock passes to the follower that queued first for
     * it, which the page cannot name, so the credentials are posted once to the followers, each
     * of which keeps them only until a new leader speaks (TabFollower). Nothing is posted when no
     * follower is known or there is no sign-in to pass on.
     */
    handOver(): void {
        const values = this.credentials;
        if (values === undefined || Object.keys(values).length === 0 || this.followers.size === 0) {
            return;
        }
        this.bus.post({ kind: 'handover', values });
    }

    /**
     * The leader asks for the sign-in: every tab shows the form, and the first tab to answer
     * signs in (the agent need not find the tab that opened first). Resolves with the values
     * another tab sent; endSignIn() when this tab's own form answered first.
     */
    signInFromAnyTab(error?: string): Promise<Record<string, string>> {
        return new Promise((resolve) => {
            this.signIn = { ...(error === undefined ? {} : { error }), resolve };
            this.bus.post({ kind: 'signingIn', ...(error === undefined ? {} : { error }) });
        });
    }

    endSignIn(): void {
        this.signIn = undefined;
    }

    showPanelEverywhere(): void {
        this.bus.post({ kind: 'showPanel' });
    }

    refreshViewEverywhere(): void {
        this.bus.post({ kind: 'refreshView' });
    }

    /** The LMS host of the leader's bridge: its unsolicited events reach every tab's LWCs. */
    relayingLmsHost(host: LmsHost): LmsHost {
        const unsubscribe = host.unsubscribe;
        return {
            publish: (args) => {
                // Errors answer one component's command, even one without a readable requestId.
                if (args.message.requestId === undefined && args.message.type !== 'error') {
                    this.bus.post({ kind: 'lmsEvent', message: args.message });
                }
                return host.publish(args);
            },
            subscribe: (args) => host.subscribe(args),
            ...(unsubscribe === undefined
                ? {}
                : {
                      unsubscribe: (args: { subscription: unknown }) => unsubscribe.call(host, args)
                  })
        };
    }

    /** Session storage whose every write also reaches the other tabs, for a takeover. */
    mirroredSessionStorage(storage: KeyValueStorage | undefined): KeyValueStorage {
        return {
            getItem: (key) => storage?.getItem(key) ?? null,
            setItem: (key, value) => {
                this.lastSession = value;
                this.bus.post({ kind: 'session', json: value });
                storage?.setItem(key, value);
            },
            removeItem: (key) => storage?.removeItem(key)
        };
    }

    /** Pops in the tab the agent works in; in this tab when that tab does not answer. */
    routeScreenPops(local: CallerScreenPopper): CallerScreenPopper {
        return {
            pop: async (callerId, moment, data) => {
                const tabs = new Map(this.followers);
                tabs.set(this.tabId, this.activity.current);
                const target = chooseScreenPopTab(tabs, this.tabId);
                if (target === this.tabId) {
                    return local.pop(callerId, moment, data);
                }
                // Another tab pops by the caller's number: the tab protocol carries no call data.
                const result = await this.requestPop(target, numberToSearch(callerId), moment);
                return result === undefined ? local.pop(callerId, moment, data) : toOutcome(result);
            }
        };
    }

    stop(): void {
        this.unsubscribe();
        for (const [requestId, pending] of this.pendingPops) {
            this.settlePop(requestId, pending, undefined);
        }
        this.services = undefined;
    }

    private requestPop(
        target: string,
        number: string,
        moment: PopMoment | undefined
    ): Promise<PopResult | undefined> {
        const requestId = `pop-${this.nextRequest++}`;
        return new Promise((resolve) => {
            const timer = this.scheduler.setTimeout(() => {
                const pending = this.pendingPops.get(requestId);
                if (pending !== undefined) {
                    this.settlePop(requestId, pending, undefined);
                }
            }, POP_TIMEOUT_MS);
            this.pendingPops.set(requestId, { target, resolve, timer });
            this.bus.post(
                {
                    kind: 'popRequest',
                    requestId,
                    number,
                    ...(moment === undefined ? {} : { moment })
                },
                target
            );
        });
    }

    private settlePop(requestId: string, pending: PendingPop, result: PopResult | undefined): void {
        this.pendingPops.delete(requestId);
        this.scheduler.clearTimeout(pending.timer);
        pending.resolve(result);
    }

    private receive(message: TabMessage): void {
        const services = this.services;
        switch (message.kind) {
            case 'hello':
                this.followers.set(message.from, {
                    visible: message.visible,
                    activeAt: message.activeAt
                });
                this.welcome(message.from);
                return;
            case 'activity':
                this.followers.set(message.from, {
                    visible: message.visible,
                    activeAt: message.activeAt
                });
                return;
            case 'bye':
                this.forget(message.from);
                return;
            case 'signIn': {
                // Only while this leader asks for a sign-in (signInFromAnyTab): a sign-in posted
                // at any other time never replaces the session the softphone runs.
                const signIn = this.signIn;
                this.signIn = undefined;
                signIn?.resolve({ ...message.values });
                return;
            }
            case 'popResult': {
                const pending = this.pendingPops.get(message.requestId);
                if (pending !== undefined && pending.target === message.from) {
                    this.settlePop(message.requestId, pending, message.result);
                }
                return;
            }
            case 'action':
                if (services !== undefined) {
                    runAction(services.actions, message.action);
                }
                return;
            case 'lmsMessage':
                if (services !== undefined) {
                    void this.bridgeFor(message.from, services).handleMessage(message.message);
                }
                return;
            case 'clickToDial':
                services?.clickToDial(message.payload, () =>
                    this.bus.post({ kind: 'showPanel' }, message.from)
                );
                return;
            case 'simulator':
                services?.simulatorMessage?.(message.message);
                return;
            case 'logFileRequest':
                if (services !== undefined) {
                    this.bus.post(
                        {
                            kind: 'logFile',
                            requestId: message.requestId,
                            file: maskedForTabs(services.logFile())
                        },
                        message.from
                    );
                }
                return;
            default:
                // Messages a leader sends: another leader cannot exist while this one holds the lock.
                return;
        }
    }

    private welcome(tabId: string): void {
        if (this.signIn !== undefined) {
            const error = this.signIn.error;
            this.bus.post({ kind: 'signingIn', ...(error === undefined ? {} : { error }) }, tabId);
        }
        if (this.lastView !== undefined) {
            this.bus.post({ kind: 'view', model: this.lastView }, tabId);
        }
        if (this.lastSession !== undefined) {
            this.bus.post({ kind: 'session', json: this.lastSession }, tabId);
        }
        // Never the credentials: a hello is a request, and any same-origin script can send one.
    }

    private forget(tabId: string): void {
        this.followers.delete(tabId);
        this.followerBridges.delete(tabId);
        for (const [requestId, pending] of this.pendingPops) {
            if (pending.target === tabId) {
                this.settlePop(requestId, pending, undefined);
            }
        }
    }

    /** Each tab's LWCs get their answers (errors, pong) in their own tab. */
    private bridgeFor(tabId: string, services: LeaderServices): LmsBridge {
        let bridge = this.followerBridges.get(tabId);
        if (bridge === undefined) {
            bridge = new LmsBridge({
                host: {
                    publish: async ({ message }) => {
                        this.bus.post({ kind: 'lmsEvent', message }, tabId);
                    },
                    subscribe: async () => undefined
                },
                channelName: services.lmsChannelName,
                commands: services.lmsCommands,
                onError: (error) => services.onLmsError(error.message)
            });
            this.followerBridges.set(tabId, bridge);
        }
        return bridge;
    }
}

function runAction(actions: SoftphoneActions, action: AgentAction): void {
    switch (action.name) {
        case 'dial':
            return actions.dial(action.number);
        case 'answer':
        case 'decline':
        case 'hangup':
        case 'hold':
        case 'resume':
            return actions[action.name](action.callId);
        case 'setMuted':
            return actions.setMuted(action.callId, action.muted);
        case 'sendDtmf':
            return actions.sendDtmf(action.callId, action.digit);
        case 'setAgentState':
            return actions.setAgentState(action.state);
        case 'saveWrapUp':
            return actions.saveWrapUp(action.callId, {
                disposition: action.disposition,
                notes: action.notes
            });
        case 'editWrapUp':
            return actions.editWrapUp(action.callId, {
                disposition: action.disposition,
                notes: action.notes
            });
        case 'completeWrapUp':
            return actions.completeWrapUp();
        case 'relateCall':
            return actions.relateCall(action.callId, action.recordId);
        case 'dismissError':
            return actions.dismissError(action.id);
        case 'transfer':
            return actions.transfer?.(action.callId, action.target, action.mode);
        case 'completeConsult':
        case 'cancelConsult':
        case 'mergeCalls':
        case 'swapCalls':
            return actions[action.name]?.();
        case 'dropParty':
            return actions.dropParty?.(action.callId);
        case 'simulateIncoming':
            return actions.simulateIncoming({
                from: action.from,
                ...(action.fromName === undefined ? {} : { fromName: action.fromName })
            });
    }
}

/**
 * The log as it crosses the channel: credentials were redacted when it was recorded, and phone
 * numbers are masked here even when the admin lets them into the log, since any same-origin
 * script can ask for it (the agent downloads the unmasked log in the leader's tab).
 */
function maskedForTabs(file: LogFile): LogFile {
    return { ...file, text: maskNumbersInText(file.text) };
}

/** What the other tab searches: the number as normalised here, so both tabs agree. */
export function numberToSearch(callerId: PhoneNumberResult): string {
    switch (callerId.kind) {
        case 'number':
            return callerId.e164;
        case 'invalid':
            return callerId.digits;
        case 'anonymous':
            return '';
    }
}

function toOutcome(result: PopResult): CallerPopOutcome {
    if (!result.ok) {
        return { ok: false, step: result.step, message: result.message };
    }
    return {
        ok: true,
        ...(result.related === undefined ? {} : { related: result.related }),
        ...(result.callerName === undefined ? {} : { callerName: result.callerName }),
        ...(result.waitsForAnswer === true ? { waitsForAnswer: true } : {})
    };
}
