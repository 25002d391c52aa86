import type { HandoverSupport } from '../../telephony/call-handover';
import type { Connector, ConnectorEvent, ConnectorListener } from '../../telephony/connector';

type Method =
    | 'connect'
    | 'disconnect'
    | 'dial'
    | 'answer'
    | 'decline'
    | 'hangup'
    | 'hold'
    | 'resume'
    | 'setMuted'
    | 'sendDtmf'
    | 'blindTransfer'
    | 'startConsult'
    | 'completeConsult'
    | 'cancelConsult'
    | 'mergeCalls'
    | 'dropParty'
    | 'swap';

export interface FakeRequest {
    readonly method: Method;
    readonly args: readonly unknown[];
    resolve(value?: string): void;
    reject(error: Error): void;
}

/**
 * A connector whose every request waits until the test settles it (or, in auto mode, succeeds
 * at once), and whose events the test emits by hand. It records every request it receives.
 */
export class FakeConnector implements Connector {
    readonly kind = 'fake';
    /** Every handover family by default; a test may take some away. */
    handoverSupport: HandoverSupport = {
        blindTransfer: true,
        consultTransfer: true,
        conference: true
    };
    readonly requests: FakeRequest[] = [];
    /** When true, every request resolves at once (dial with the next id from `nextIds`). */
    autoResolve = true;
    nextIds: string[] = [];
    /** Requests to reject at once, by method (consumed once each). */
    readonly failNext = new Map<Method, Error>();
    private readonly listeners = new Set<ConnectorListener>();
    private readonly unsettled: FakeRequest[] = [];

    onEvent(listener: ConnectorListener): () => void {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    get listenerCount(): number {
        return this.listeners.size;
    }

    emit(event: ConnectorEvent): void {
        for (const listener of [...this.listeners]) {
            listener(event);
        }
    }

    /** The requests received so far, as 'method(arg, …)' strings. */
    calls(): string[] {
        return this.requests.map(
            (request) => `${request.method}(${request.args.map(String).join(', ')})`
        );
    }

    /** The oldest unsettled request of a method. */
    pendingRequest(method: Method): FakeRequest {
        const request = this.unsettled.find((candidate) => candidate.method === method);
        if (!request) {
            throw new Error(`No pending ${method} request.`);
        }
        return request;
    }

    connect(): Promise<void> {
        return this.request('connect', []).then(() => undefined);
    }

    disconnect(): Promise<void> {
        return this.request('disconnect', []).then(() => undefined);
    }

    dial(number: string): Promise<string> {
        return this.request('dial', [number]).then((id) => id ?? '');
    }

    answer(callId: string): Promise<void> {
        return this.request('answer', [callId]).then(() => undefined);
    }

    decline(callId: string): Promise<void> {
        return this.request('decline', [callId]).then(() => undefined);
    }

    hangup(callId: string): Promise<void> {
        return this.request('hangup', [callId]).then(() => undefined);
    }

    hold(callId: string): Promise<void> {
        return this.request('hold', [callId]).then(() => undefined);
    }

    resume(callId: string): Promise<void> {
        return this.request('resume', [callId]).then(() => undefined);
    }

    setMuted(callId: string, muted: boolean): Promise<void> {
        return this.request('setMuted', [callId, muted]).then(() => undefined);
    }

    sendDtmf(callId: string, digits: string): Promise<void> {
        return this.request('sendDtmf', [callId, digits]).then(() => undefined);
    }

    blindTransfer(callId: string, target: string): Promise<void> {
        return this.request('blindTransfer', [callId, target]).then(() => undefined);
    }

    startConsult(callId: string, target: string): Promise<string> {
        return this.request('startConsult', [callId, target]).then((id) => id ?? '');
    }

    completeConsult(callId: string, consultCallId: string): Promise<void> {
        return this.request('completeConsult', [callId, consultCallId]).then(() => undefined);
    }

    cancelConsult(callId: string, consultCallId: string): Promise<void> {
        return this.request('cancelConsult', [callId, consultCallId]).then(() => undefined);
    }

    mergeCalls(heldCallId: string, activeCallId: string): Promise<void> {
        return this.request('mergeCalls', [heldCallId, activeCallId]).then(() => undefined);
    }

    dropParty(callId: string): Promise<void> {
        return this.request('dropParty', [callId]).then(() => undefined);
    }

    swap(activeCallId: string, heldCallId: string): Promise<void> {
        return this.request('swap', [activeCallId, heldCallId]).then(() => undefined);
    }

    private request(method: Method, args: readonly unknown[]): Promise<string | undefined> {
        return new Promise<string | undefined>((resolve, reject) => {
            const request: FakeRequest = {
                method,
                args,
                resolve: (value) => {
                    this.settle(request);
                    resolve(value);
                },
                reject: (error) => {
                    this.settle(request);
                    reject(error);
                }
            };
            this.requests.push(request);
            this.unsettled.push(request);
            const failure = this.failNext.get(method);
            if (failure) {
                this.failNext.delete(method);
                request.reject(failure);
            } else if (this.autoResolve) {
                request.resolve(
                    method === 'dial' || method === 'startConsult'
                        ? (this.nextIds.shift() ?? 'call-1')
                        : undefined
                );
            }
        });
    }

    private settle(request: FakeRequest): void {
        const index = this.unsettled.indexOf(request);
        if (index >= 0) {
            this.unsettled.splice(index, 1);
        }
    }
}
