/**
 * Softphone tabs of one browser, for tests run in jsdom: a TabLeader with fake services and
 * TabFollowers rendering into the jsdom document, all on one fake BroadcastChannel network,
 * with one manual clock and scheduler for every tab.
 */
import type { CallerPopOutcome } from '../../app/inbound-screen-pop';
import { AppStore } from '../../app/app-state';
import type { CallControls, ControlResult } from '../../app/call-controls';
import { createLmsCommands } from '../../app/lms-commands';
import type { SoftphoneApp } from '../../app/softphone-app';
import { ManualScheduler } from '../../calllog/test-support/manual-scheduler';
import type { LmsHost } from '../../channel/channel-endpoint';
import { LmsBridge } from '../../channel/lms-bridge';
import { SOFTPHONE_CHANNEL_NAME, type StatePayload } from '../../channel/message-contract';
import { RecordingLmsHost } from '../../channel/test-support/recording-lms-host';
import { LOG_FILE_TYPE, type LogFile } from '../../diagnostics/log-download';
import { normalisePhoneNumber, type PhoneNumberResult } from '../../screenpop/phone-number';
import type { PopMoment } from '../../screenpop/screen-pop-executor';
import { makeActions } from '../../ui/test-support/softphone-fixtures';
import type { SoftphoneActions } from '../../ui/view-model';
import { TabActivity } from '../tab-activity';
import { TabBus, type TabBusProblem } from '../tab-bus';
import { TabFollower, type TabFollowerOptions } from '../tab-follower';
import { TabLeader, type LeaderServices } from '../tab-leader';
import { TAB_CHANNEL_NAME } from '../tab-protocol';
import { FakeBroadcastNetwork, type FakeBroadcastChannel } from './fake-broadcast-channel';
import { FakePage } from './fake-page';

export const T0 = 1_767_225_600_000;
export const DEFAULT_COUNTRY = 'US';

export const STATE: StatePayload = {
    agentState: 'Available',
    connectionStatus: 'connected',
    softphoneVersion: '0.1.0'
};

export const LOG_FILE: LogFile = {
    filename: 'softphone-log-2026-01-01T00-00-00.000Z.txt',
    text: 'the leader log',
    type: LOG_FILE_TYPE
};

/** An LMS host (as lmsHostOf builds it) that records what is published and unsubscribed. */
export class TabLmsHost extends RecordingLmsHost {
    readonly unsubscribed: unknown[] = [];

    unsubscribe(args: { subscription: unknown }): Promise<unknown> {
        this.unsubscribed.push(args.subscription);
        this.listener = undefined;
        return Promise.resolve(undefined);
    }

    /** What the tab's LWCs send on the channel. */
    send(message: unknown): void {
        if (this.listener === undefined) {
            throw new Error('nobody subscribed to the LMS channel in this tab');
        }
        this.listener(message);
    }
}

/** A plain-object view of a host, as lmsHostOf returns one (spreadable). */
export function plainHost(host: TabLmsHost): LmsHost {
    return {
        publish: (args) => host.publish(args),
        subscribe: (args) => host.subscribe(args),
        unsubscribe: (args) => host.unsubscribe(args)
    };
}

type ControlName = 'dial' | 'answer' | 'hangup' | 'hold' | 'resume' | 'mute' | 'setDisposition';
export type FakeControls = Record<ControlName, jest.Mock<Promise<ControlResult>, unknown[]>>;

function fakeControls(): FakeControls {
    const ok = () =>
        jest.fn<Promise<ControlResult>, unknown[]>(() => Promise.resolve({ ok: true }));
    return {
        dial: ok(),
        answer: ok(),
        hangup: ok(),
        hold: ok(),
        resume: ok(),
        mute: ok(),
        setDisposition: ok()
    };
}

export function fakeActions(): jest.Mocked<Required<SoftphoneActions>> {
    return {
        ...makeActions(),
        downloadLogs: jest.fn(),
        callBack: jest.fn(),
        openRecord: jest.fn(),
        checkSetup: jest.fn(),
        transfer: jest.fn(),
        completeConsult: jest.fn(),
        cancelConsult: jest.fn(),
        mergeCalls: jest.fn(),
        dropParty: jest.fn(),
        swapCalls: jest.fn()
    };
}

export interface LeaderTab {
    readonly tabId: string;
    readonly page: FakePage;
    readonly activity: TabActivity;
    readonly bus: TabBus;
    readonly leader: TabLeader;
    readonly problems: TabBusProblem[];
    readonly actions: jest.Mocked<Required<SoftphoneActions>>;
    readonly controls: FakeControls;
    /** What the leader's softphone reports to the LWCs (createLmsCommands' snapshot). */
    state: StatePayload;
    readonly services: LeaderServices & {
        readonly clickToDial: jest.Mock<void, [unknown, () => void]>;
        readonly simulatorMessage: jest.Mock<void, [unknown]>;
        readonly logFile: jest.Mock<LogFile, []>;
        readonly onLmsError: jest.Mock<void, [string]>;
    };
    /** The leader tab's own LMS host and bridge (its LWCs), publishing through relayingLmsHost. */
    readonly lms: TabLmsHost;
    readonly bridge: LmsBridge;
    detach(): void;
}

export interface FollowerTab {
    readonly tabId: string;
    readonly page: FakePage;
    readonly activity: TabActivity;
    readonly bus: TabBus;
    readonly follower: TabFollower;
    readonly root: HTMLElement;
    readonly problems: TabBusProblem[];
    readonly lms: TabLmsHost;
    readonly popper: {
        pop: jest.Mock<Promise<CallerPopOutcome>, [PhoneNumberResult, PopMoment?]>;
    };
    readonly showPanel: jest.Mock<void, []>;
    readonly refreshView: jest.Mock<void, []>;
    readonly saveLogFile: jest.Mock<void, [LogFile]>;
    readonly errors: string[];
    /** The local console's simulator messages, as the follower listens to them. */
    readonly console: { forward?: (message: unknown) => void; unlisten: jest.Mock<void, []> };
}

export class TabWorld {
    readonly network = new FakeBroadcastNetwork();
    /** The clock of every tab and the leader's timers (the screen pop's 5 s wait). */
    readonly scheduler = new ManualScheduler(T0);

    settle(): Promise<void> {
        return this.network.settle();
    }

    /** A script on the channel that is no softphone tab (or a hostile one). */
    rawChannel(): FakeBroadcastChannel {
        return this.network.open(TAB_CHANNEL_NAME);
    }

    /** Opens the leading tab; `attach` false leaves it before its softphone runs. */
    openLeader(
        options: { tabId?: string; visibility?: DocumentVisibilityState; attach?: boolean } = {}
    ): LeaderTab {
        const tabId = options.tabId ?? 'leader';
        const page = new FakePage(options.visibility ?? 'visible');
        const activity = new TabActivity(page, this.scheduler);
        const problems: TabBusProblem[] = [];
        const bus = new TabBus(this.network.open(TAB_CHANNEL_NAME), tabId, (problem) =>
            problems.push(problem)
        );
        const leader = new TabLeader(bus, activity, this.scheduler);
        const actions = fakeActions();
        const controls = fakeControls();
        // The commands show a dial as placing in the app's store, as the real app does.
        const app = { statePayload: () => tab.state, store: new AppStore() };
        const services = {
            actions,
            lmsCommands: createLmsCommands(
                app as unknown as SoftphoneApp,
                controls as unknown as CallControls
            ),
            lmsChannelName: SOFTPHONE_CHANNEL_NAME,
            clickToDial: jest.fn<void, [unknown, () => void]>(),
            simulatorMessage: jest.fn<void, [unknown]>(),
            logFile: jest.fn<LogFile, []>(() => LOG_FILE),
            onLmsError: jest.fn<void, [string]>()
        };
        const lms = new TabLmsHost();
        const bridge = new LmsBridge({
            host: leader.relayingLmsHost(plainHost(lms)),
            channelName: SOFTPHONE_CHANNEL_NAME,
            commands: services.lmsCommands
        });
        let detach = () => undefined as void;
        const tab: LeaderTab = {
            tabId,
            page,
            activity,
            bus,
            leader,
            problems,
            actions,
            controls,
            state: STATE,
            services,
            lms,
            bridge,
            detach: () => detach()
        };
        if (options.attach !== false) {
            detach = leader.attach(services);
        }
        return tab;
    }

    /** Opens a following tab, starts it and lets the tabs greet each other. */
    async openFollower(
        tabId: string,
        options: {
            visibility?: DocumentVisibilityState;
            listenToConsole?: boolean;
            signIn?: TabFollowerOptions['signIn'];
            openRecord?: TabFollowerOptions['openRecord'];
        } = {}
    ): Promise<FollowerTab> {
        const page = new FakePage(options.visibility ?? 'visible');
        const activity = new TabActivity(page, this.scheduler);
        const problems: TabBusProblem[] = [];
        const bus = new TabBus(this.network.open(TAB_CHANNEL_NAME), tabId, (problem) =>
            problems.push(problem)
        );
        const root = document.createElement('main');
        root.id = `softphone-${tabId}`;
        document.body.append(root);
        const lms = new TabLmsHost();
        const popper = {
            pop: jest.fn<Promise<CallerPopOutcome>, [PhoneNumberResult, PopMoment?]>(() =>
                Promise.resolve({ ok: true })
            )
        };
        const errors: string[] = [];
        const consoleLink: FollowerTab['console'] = { unlisten: jest.fn<void, []>() };
        const showPanel = jest.fn<void, []>();
        const refreshView = jest.fn<void, []>();
        const saveLogFile = jest.fn<void, [LogFile]>();
        const follower = new TabFollower({
            root,
            bus,
            activity,
            lmsHost: plainHost(lms),
            lmsChannelName: SOFTPHONE_CHANNEL_NAME,
            screenPopper: popper,
            normaliseNumber: (number) => normalisePhoneNumber(number, DEFAULT_COUNTRY),
            showPanel,
            refreshView,
            saveLogFile,
            ...(options.listenToConsole === false
                ? {}
                : {
                      listenToConsole: (forward: (message: unknown) => void) => {
                          consoleLink.forward = forward;
                          return consoleLink.unlisten;
                      }
                  }),
            clock: this.scheduler,
            // The view's one-second ticker: never fired here (no call timers are asserted).
            timers: { setInterval: () => 0, clearInterval: () => undefined },
            scheduler: this.scheduler,
            onError: (message) => errors.push(message),
            ...(options.signIn === undefined ? {} : { signIn: options.signIn }),
            ...(options.openRecord === undefined ? {} : { openRecord: options.openRecord })
        });
        await follower.start();
        await this.settle();
        return {
            tabId,
            page,
            activity,
            bus,
            follower,
            root,
            problems,
            lms,
            popper,
            showPanel,
            refreshView,
            saveLogFile,
            errors,
            console: consoleLink
        };
    }
}

/** The messages that went onto the network, as the tabs read them, of some kinds. */
export function postedOf(world: TabWorld, ...kinds: string[]): Record<string, unknown>[] {
    return world.network.posted
        .map((posted) => posted.data as Record<string, unknown>)
        .filter((data) => kinds.includes(String(data.kind)));
}

/** A sessionStorage in memory, its values readable by the test. */
export function memoryStorage() {
    const values = new Map<string, string>();
    return {
        values,
        getItem: (key: string) => values.get(key) ?? null,
        setItem: (key: string, value: string) => void values.set(key, value),
        removeItem: (key: string) => void values.delete(key)
    };
}
