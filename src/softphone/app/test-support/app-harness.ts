import { LogOutbox } from '../../calllog/log-outbox';
import { MemoryOutboxStore } from '../../calllog/memory-outbox-store';
import type { OutboxStore } from '../../calllog/outbox-store';
import { CallEngine } from '../../calls/call-engine';
import type { Clock } from '../../calls/call-model';
import { LmsBridge, type LmsBridgeError } from '../../channel/lms-bridge';
import { SOFTPHONE_CHANNEL_NAME } from '../../channel/message-contract';
import { ScreenPopper } from '../../screenpop/screen-pop-executor';
import {
    defaultSoftphoneSettings,
    type ScreenPopSettings
} from '../../settings/softphone-settings';
import { systemScheduler } from '../../telephony/scheduler';
import { SimulatorConnector } from '../../telephony/simulator/simulator-connector';
import type { SoftphoneViewModel } from '../../ui/view-model';
import { CallControls } from '../call-controls';
import { createLmsCommands } from '../lms-commands';
import { createNumberFormatter, createNumberNormaliser } from '../number-formatter';
import { AgentStatusMemory, type StatusStorage } from '../agent-status-memory';
import { defaultDialPolicy, OutboundDialer, type DialPolicy } from '../outbound-dialer';
import { parseDialPlan } from '../../screenpop/dial-plan';
import type { SessionStore } from '../session-store';
import { SoftphoneApp } from '../softphone-app';
import type { WrapUpSettings } from '../wrap-up-controller';
import { DurableMemoryStore } from './durable-memory-store';
import { FakeSalesforceHost, type PersonRecord } from './fake-salesforce-host';
import { RecordingLmsHost } from '../../channel/test-support/recording-lms-host';
import { engineErrorText } from '../../ui/engine-words';

export const LINE_NUMBER = '+14155550100';
export const DISPOSITIONS = ['Resolved', 'Follow-up Required', 'Callback Requested'];

/** Contacts and a lead the fake search finds, by the numbers the tests ring from. */
export const MARIA: PersonRecord = {
    Id: '003000000000000001',
    Name: 'Maria Lopez',
    RecordType: 'Contact',
    Phone: '+14155550101',
    DoNotCall: false
};
export const DANIEL: PersonRecord = {
    Id: '003000000000000002',
    Name: 'Daniel Kim',
    RecordType: 'Contact',
    Phone: '(415) 555-0105',
    DoNotCall: false
};
export const OLIVIA: PersonRecord = {
    Id: '00Q000000000000003',
    Name: 'Olivia Grant',
    RecordType: 'Lead',
    Phone: '(510) 555-0121',
    DoNotCall: true
};

export interface AppHarnessOptions {
    readonly people?: readonly PersonRecord[];
    readonly wrapUp?: Partial<WrapUpSettings>;
    /** A store that says it survives reloads (default: the memory store, which does not). */
    readonly durable?: boolean;
    /** Overrides the outbox store altogether (e.g. one that fails). */
    readonly store?: OutboxStore;
    readonly screenPop?: Partial<ScreenPopSettings>;
    readonly breakReasons?: readonly string[];
    /** Where the agent's chosen status is remembered (none by default). */
    readonly statusStorage?: StatusStorage;
    /** The dial plan and Do Not Call failure rule (default: the shipped settings'). */
    readonly dialPolicy?: Partial<DialPolicy>;
    /** Salesforce as another page left it (a reload); a fresh fake by default. */
    readonly host?: FakeSalesforceHost;
    /** Where the app keeps its session snapshot (none by default). */
    readonly session?: SessionStore;
    /** When the app draws (at once by default; the softphone draws in a later task). */
    readonly scheduleRender?: (draw: () => void) => void;
}

export interface AppHarness {
    readonly app: SoftphoneApp;
    readonly engine: CallEngine;
    readonly simulator: SimulatorConnector;
    readonly outbox: LogOutbox;
    readonly host: FakeSalesforceHost;
    readonly dialer: OutboundDialer;
    readonly controls: CallControls;
    readonly clock: Clock;
    /** Every view model rendered, oldest first. */
    readonly rendered: SoftphoneViewModel[];
    readonly showPanel: jest.Mock<void, []>;
    readonly refreshView: jest.Mock<void, []>;
    /** The latest view model. */
    view(): SoftphoneViewModel;
    /** Starts the app, connects the simulator and makes the agent Available. */
    start(): Promise<void>;
    /** Lets pending promise chains (screen pops, saveLog, store writes) run to their end. */
    settle(): Promise<void>;
    /** Moves jest's fake time on, settling between timers and after. */
    advance(ms: number): Promise<void>;
    /** Rings the simulator and settles: returns the new call id. */
    ring(from: string, fromName?: string): Promise<string>;
    /** Subscribes an LMS bridge on a recording host and attaches it to the app. */
    attachLms(): Promise<{ lms: RecordingLmsHost; errors: LmsBridgeError[] }>;
}

/**
 * The softphone as main.ts wires it, minus the browser: the real engine on the real simulator,
 * the real outbox over the memory store, the real screen popper and dialer; only Salesforce is
 * fake. Time is jest's fake time (install it before calling this).
 */
export function createAppHarness(options: AppHarnessOptions = {}): AppHarness {
    const defaultCountry = 'US';
    const clock: Clock = { now: () => Date.now() };
    let nextId = 0;
    const simulator = new SimulatorConnector({
        idGenerator: () => `sim-${++nextId}`,
        lineNumber: LINE_NUMBER
    });
    const engine = new CallEngine({
        connector: simulator,
        clock,
        lineNumber: LINE_NUMBER,
        normaliseNumber: createNumberNormaliser(defaultCountry)
    });
    const host = options.host ?? new FakeSalesforceHost(options.people ?? [MARIA, DANIEL, OLIVIA]);
    const outbox = new LogOutbox({
        store:
            options.store ??
            (options.durable === true ? new DurableMemoryStore() : new MemoryOutboxStore()),
        writer: host,
        scheduler: systemScheduler,
        clock,
        random: () => 0
    });
    const shippedPlan = parseDialPlan(defaultSoftphoneSettings.internalNumberPattern);
    const dialer = new OutboundDialer(engine, host, defaultCountry, {
        ...defaultDialPolicy,
        dialPlan: shippedPlan.ok ? shippedPlan.plan : defaultDialPolicy.dialPlan,
        onCheckFailure: defaultSoftphoneSettings.doNotCallCheckFailure,
        ...options.dialPolicy
    });
    const rendered: SoftphoneViewModel[] = [];
    const showPanel = jest.fn<void, []>();
    const refreshView = jest.fn<void, []>();
    const wrapUp: WrapUpSettings = {
        afterCallWorkSeconds: 0,
        dispositionRequired: false,
        ...options.wrapUp
    };
    const app = new SoftphoneApp({
        engine,
        outbox,
        screenPopper: new ScreenPopper(host, {
            settings: { ...defaultSoftphoneSettings.screenPop, ...options.screenPop },
            defaultCountry
        }),
        dialer,
        scheduler: systemScheduler,
        clock,
        formatNumber: createNumberFormatter(defaultCountry),
        defaultCountry,
        wrapUp,
        dispositionOptions: DISPOSITIONS,
        connectorLabel: 'Simulator',
        simulator: true,
        softphoneVersion: '0.1.0-test',
        showPanel,
        refreshView,
        render: (model) => rendered.push(model),
        ...(options.breakReasons === undefined ? {} : { breakReasons: options.breakReasons }),
        ...(options.statusStorage === undefined
            ? {}
            : {
                  statusMemory: new AgentStatusMemory(
                      options.statusStorage,
                      options.breakReasons ?? []
                  )
              }),
        ...(options.session === undefined ? {} : { session: options.session }),
        ...(options.scheduleRender === undefined ? {} : { scheduleRender: options.scheduleRender })
    });
    const controls = new CallControls({ engine, dialer, wrapUp: app.wrapUp, outbox });

    const settle = async () => {
        for (let round = 0; round < 5; round++) {
            for (let tick = 0; tick < 50; tick++) {
                await Promise.resolve();
            }
            await outbox.whenIdle();
        }
    };
    const advance = async (ms: number) => {
        await jest.advanceTimersByTimeAsync(ms);
        await settle();
    };

    return {
        app,
        engine,
        simulator,
        outbox,
        host,
        dialer,
        controls,
        clock,
        rendered,
        showPanel,
        refreshView,
        view: () => {
            const latest = rendered[rendered.length - 1];
            if (latest === undefined) {
                throw new Error('Nothing was rendered yet.');
            }
            return latest;
        },
        start: async () => {
            app.start();
            const connecting = engine.connect();
            await advance(300);
            const connected = await connecting;
            if (!connected.ok) {
                throw new Error(engineErrorText(connected.error));
            }
            app.setAgentState('Available');
        },
        settle,
        advance,
        ring: async (from, fromName) => {
            const callId = simulator.simulateIncoming({
                from,
                ...(fromName === undefined ? {} : { fromName })
            });
            await settle();
            return callId;
        },
        attachLms: async () => {
            const lms = new RecordingLmsHost();
            const errors: LmsBridgeError[] = [];
            const bridge = new LmsBridge({
                host: lms,
                channelName: SOFTPHONE_CHANNEL_NAME,
                commands: createLmsCommands(app, controls),
                onError: (error) => errors.push(error)
            });
            if (!(await bridge.start())) {
                throw new Error('The LMS bridge did not start.');
            }
            app.attachBridge(bridge);
            await settle();
            return { lms, errors };
        }
    };
}

/** Answers the ringing call and lets the connector confirm it (the request resolves ok). */
export async function answerCall(harness: AppHarness, callId: string): Promise<void> {
    const answering = harness.controls.answer(callId);
    await harness.advance(200);
    await expect(answering).resolves.toEqual({ ok: true });
}

/** When the app tests' clock starts (jest's fake timers, see useAppTestClock). */
export const APP_TEST_T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

/** Fake timers from APP_TEST_T0 around each test of the file that calls it. */
export function useAppTestClock(): void {
    beforeEach(() => {
        jest.useFakeTimers({ now: APP_TEST_T0 });
    });
    afterEach(() => {
        jest.useRealTimers();
    });
}

/** Maria rings, the agent answers, they talk for `talkMs`, and Maria hangs up. */
export async function talkToMaria(harness: AppHarness, talkMs = 42_000): Promise<string> {
    const callId = await harness.ring('+1 415 555 0101', 'MARIA L');
    const answering = harness.controls.answer(callId);
    await harness.advance(100);
    await expect(answering).resolves.toEqual({ ok: true });
    await harness.advance(talkMs);
    harness.simulator.simulateRemoteHangup(callId);
    await harness.settle();
    return callId;
}
