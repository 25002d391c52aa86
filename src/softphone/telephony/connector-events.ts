import type { TypedEmitterOptions } from '../shared/typed-emitter';
import { TypedEmitter } from '../shared/typed-emitter';
import { label } from '../i18n';
import type { ConnectionStatus, ConnectorEvent, ConnectorListener } from './connector';
import { callStateWord, eitherWords } from './connector-words';

/**
 * The plumbing every connector shares: its listeners, the events it sends them and the
 * connection status it last reported. A listener that throws is reported by the emitter (see
 * TypedEmitterOptions) and cannot stop the connector half-way through an update.
 */
export class ConnectorEvents {
    private readonly emitter: TypedEmitter<{ event: ConnectorEvent }>;
    private current: ConnectionStatus = 'disconnected';

    constructor(options: TypedEmitterOptions = {}) {
        this.emitter = new TypedEmitter<{ event: ConnectorEvent }>(options);
    }

    /** The status last reported ('disconnected' until then). */
    get status(): ConnectionStatus {
        return this.current;
    }

    /** Connector.onEvent: subscribes; returns the unsubscribe function. */
    on(listener: ConnectorListener): () => void {
        return this.emitter.on('event', listener);
    }

    emit(event: ConnectorEvent): void {
        this.emitter.emit('event', event);
    }

    /** Records the status and reports it, with the message saying why where there is one. */
    setStatus(status: ConnectionStatus, message?: string): void {
        this.current = status;
        this.emit({ type: 'connection', status, ...(message === undefined ? {} : { message }) });
    }

    /**
     * What connect() answers without a new attempt: at once when connected, the attempt in
     * flight, or a rejection saying `whileReconnecting` while the connector reconnects by itself.
     * Undefined when connect() has to start an attempt.
     */
    connectWithoutAttempt(
        inFlight: Promise<void> | undefined,
        whileReconnecting: string
    ): Promise<void> | undefined {
        if (this.current === 'connected') {
            return Promise.resolve();
        }
        if (inFlight) {
            return inFlight;
        }
        if (this.current === 'reconnecting') {
            return Promise.reject(new Error(whileReconnecting));
        }
        return undefined;
    }
}

/**
 * A connector's refusal of an action on a call whose state does not allow it, e.g.
 * `Cannot hold call "c1": it is ringing (needs connected).`; undefined when it does. `action`
 * is already worded in the agent's language (see connector-words.ts).
 */
export function callStateRefusal<State extends string>(
    action: string,
    callId: string,
    state: State,
    allowed: readonly State[]
): Error | undefined {
    return allowed.includes(state)
        ? undefined
        : new Error(
              label(
                  'Softphone_Connector_Wrong_State',
                  action,
                  callId,
                  callStateWord(state),
                  eitherWords(allowed.map(callStateWord))
              )
          );
}
