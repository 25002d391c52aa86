import type { ConnectorEvent } from '../../telephony/connector';
import { CallEngine } from '../call-engine';
import type { CallEngineEvents } from '../engine-events';
import type { EndedCall } from '../ended-call';
import { FakeConnector } from './fake-connector';
import { ManualClock } from './manual-clock';

export type RecordedEvent = {
    [K in keyof CallEngineEvents]: { readonly type: K; readonly payload: CallEngineEvents[K] };
}[keyof CallEngineEvents];

export interface EngineHarness {
    readonly engine: CallEngine;
    readonly connector: FakeConnector;
    readonly clock: ManualClock;
    /** Every engine event, in order. */
    readonly events: RecordedEvent[];
    /** The event types since the last call, then forgets them. */
    takeTypes(): string[];
    /** The events since the last call, then forgets them. */
    take(): RecordedEvent[];
    emit(event: ConnectorEvent): void;
}

export const lineNumber = '+14155550100';

/** A started engine on a fake connector; connected and Available unless told otherwise. */
export function createHarness(
    options: { connected?: boolean; agentState?: 'Offline' | 'Available' | 'Break' } = {}
): EngineHarness {
    const connector = new FakeConnector();
    const clock = new ManualClock();
    const engine = new CallEngine({ connector, clock, lineNumber });
    const events: RecordedEvent[] = [];
    const record =
        <K extends keyof CallEngineEvents>(type: K) =>
        (payload: CallEngineEvents[K]) =>
            events.push({ type, payload } as RecordedEvent);
    engine.on('stateChanged', record('stateChanged'));
    engine.on('callStarted', record('callStarted'));
    engine.on('callAnswered', record('callAnswered'));
    engine.on('callEnded', record('callEnded'));
    engine.on('error', record('error'));
    engine.start();
    if (options.connected ?? true) {
        connector.emit({ type: 'connection', status: 'connected' });
        const state = options.agentState ?? 'Available';
        if (state !== 'Offline') {
            engine.setAgentState(state);
        }
    }
    events.length = 0;
    return {
        engine,
        connector,
        clock,
        events,
        takeTypes: () => events.splice(0).map((event) => event.type),
        take: () => events.splice(0),
        emit: (event) => connector.emit(event)
    };
}

/** An inbound call rings (the connector's 'incoming'). */
export function ring(harness: EngineHarness, callId: string, from = '+14155550199'): void {
    harness.emit({ type: 'incoming', callId, from, fromName: 'Ada Lovelace', to: lineNumber });
}

/** An inbound call rings and the agent answers it. */
export async function answeredInbound(harness: EngineHarness, callId: string): Promise<void> {
    ring(harness, callId);
    const result = await harness.engine.answer(callId);
    if (!result.ok) {
        throw new Error(`answer failed: ${JSON.stringify(result.error)}`);
    }
}

/** The agent dials and the remote answers. */
export async function answeredOutbound(
    harness: EngineHarness,
    callId: string,
    number = '+14155551234'
): Promise<void> {
    harness.connector.nextIds.push(callId);
    const result = await harness.engine.dial(number);
    if (!result.ok) {
        throw new Error(`dial failed: ${JSON.stringify(result.error)}`);
    }
    harness.emit({ type: 'answered', callId });
}

/** The payload of the last event of a type among `events`. */
export function lastOf<K extends keyof CallEngineEvents>(
    events: readonly RecordedEvent[],
    type: K
): CallEngineEvents[K] | undefined {
    for (let index = events.length - 1; index >= 0; index--) {
        const event = events[index];
        if (event?.type === type) {
            return event.payload as CallEngineEvents[K];
        }
    }
    return undefined;
}

/** The number the handover tests consult and transfer to. */
export const consultTarget = '+14155550123';

/** The calls ended so far, in order. */
export function endedCalls(harness: EngineHarness): EndedCall[] {
    return harness.events.flatMap((event) => (event.type === 'callEnded' ? [event.payload] : []));
}

/** An answered inbound call in1, held, with a consult call c2 to consultTarget that answered. */
export async function answeredConsult(harness: EngineHarness): Promise<void> {
    await answeredInbound(harness, 'in1');
    harness.connector.nextIds.push('c2');
    const result = await harness.engine.startConsult('in1', consultTarget);
    expect(result).toEqual({ ok: true, callId: 'c2' });
    harness.emit({ type: 'answered', callId: 'c2' });
}
