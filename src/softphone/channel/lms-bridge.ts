/**
 * The adapter's end of the LMS channel: validates every received message, turns commands into
 * calls on SoftphoneCommands and answers failures with `error` events; publishes the engine's
 * events. Nothing that arrives on the channel can make it throw.
 */
import type { Call, CallOutcome, RelatedRecord } from '../calls/call-model';
import {
    buildCallEndedEvent,
    buildCallLoggedEvent,
    buildCallStartedEvent,
    buildErrorEvent,
    buildPongEvent,
    buildStateEvent,
    toCallSnapshot
} from './event-builders';
import { isCommandType, isEventType } from './message-contract';
import type {
    CallLoggedPayload,
    CommandType,
    SoftphoneCommandMessage,
    SoftphoneEventMessage,
    StatePayload
} from './message-contract';
import { parseCommand, parseEvent } from './parse-message';

/** The part of the Open CTI wrapper the bridge needs (sforce.opencti publish/subscribe). */
export interface LmsHost {
    publish(args: { channelName: string; message: SoftphoneEventMessage }): Promise<unknown>;
    subscribe(args: {
        channelName: string;
        listener: (message: unknown) => void;
    }): Promise<unknown>;
    unsubscribe?(args: { subscription: unknown }): Promise<unknown>;
}

export type CommandResult =
    { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

/** What the bridge asks of the call engine; each method reports failure as a result. */
export interface SoftphoneCommands {
    dial(number: string, related?: RelatedRecord): Promise<CommandResult>;
    answer(callId?: string): Promise<CommandResult>;
    hangup(callId?: string): Promise<CommandResult>;
    hold(callId?: string): Promise<CommandResult>;
    resume(callId?: string): Promise<CommandResult>;
    mute(muted: boolean, callId?: string): Promise<CommandResult>;
    setDisposition(callId: string, disposition: string, notes?: string): Promise<CommandResult>;
    snapshot(): StatePayload;
}

export type LmsBridgeErrorKind = 'publish' | 'subscribe' | 'unsubscribe' | 'invalid-event';

export interface LmsBridgeError {
    readonly kind: LmsBridgeErrorKind;
    readonly message: string;
    readonly eventType?: string;
}

export interface LmsBridgeOptions {
    readonly host: LmsHost;
    readonly channelName: string;
    readonly commands: SoftphoneCommands;
    /** Publish/subscribe failures land here; the bridge never throws them. */
    readonly onError?: (error: LmsBridgeError) => void;
}

/** Error code of an event answering a command whose handler threw or rejected. */
export const COMMAND_FAILED_CODE = 'COMMAND_FAILED';

export class LmsBridge {
    private readonly host: LmsHost;
    private readonly channelName: string;
    private readonly commands: SoftphoneCommands;
    private readonly onError: ((error: LmsBridgeError) => void) | undefined;
    private subscription: unknown;
    private started = false;

    constructor(options: LmsBridgeOptions) {
        this.host = options.host;
        this.channelName = options.channelName;
        this.commands = options.commands;
        this.onError = options.onError;
    }

    /** Subscribes to the channel; resolves false (and reports) when the host refused. */
    async start(): Promise<boolean> {
        if (this.started) {
            return true;
        }
        try {
            this.subscription = await this.host.subscribe({
                channelName: this.channelName,
                listener: (message: unknown) => {
                    void this.handleMessage(message);
                }
            });
            this.started = true;
            return true;
        } catch (error) {
            this.report({ kind: 'subscribe', message: errorMessage(error) });
            return false;
        }
    }

    async stop(): Promise<void> {
        if (!this.started) {
            return;
        }
        this.started = false;
        const subscription = this.subscription;
        this.subscription = undefined;
        if (this.host.unsubscribe === undefined) {
            return;
        }
        try {
            await this.host.unsubscribe({ subscription });
        } catch (error) {
            this.report({ kind: 'unsubscribe', message: errorMessage(error) });
        }
    }

    /**
     * Handles one received message. Resolves when every answer has been published; never
     * rejects (the LMS listener calls it without awaiting).
     */
    async handleMessage(message: unknown): Promise<void> {
        let requestId: string | undefined;
        let type: CommandType | undefined;
        try {
            // Our own events come back on the same channel: not for us, and not an error.
            if (isOwnEvent(message)) {
                return;
            }
            const parsed = parseCommand(message);
            if (!parsed.ok) {
                const inResponseTo = isCommandType(parsed.error.type)
                    ? parsed.error.type
                    : undefined;
                await this.publishError(
                    parsed.error.code,
                    parsed.error.message,
                    inResponseTo,
                    parsed.error.requestId
                );
                return;
            }
            const command = parsed.command;
            requestId = command.requestId;
            type = command.type;
            if (command.type === 'ping') {
                await this.publish(buildPongEvent(requestId));
                await this.publish(buildStateEvent(this.commands.snapshot(), requestId));
                return;
            }
            const result = await this.dispatch(command);
            if (!result.ok) {
                await this.publishError(result.code, result.message, command.type, requestId);
            }
        } catch (error) {
            // A throwing handler (or snapshot) still gets an answer, never an exception.
            await this.publishError(COMMAND_FAILED_CODE, errorMessage(error), type, requestId);
        }
    }

    async publishState(snapshot: StatePayload, requestId?: string): Promise<void> {
        await this.publish(buildStateEvent(snapshot, requestId));
    }

    async publishCallStarted(call: Call, requestId?: string): Promise<void> {
        await this.publish(buildCallStartedEvent({ call: toCallSnapshot(call) }, requestId));
    }

    async publishCallEnded(
        call: Call,
        outcome: CallOutcome,
        durationSeconds: number,
        requestId?: string
    ): Promise<void> {
        await this.publish(
            buildCallEndedEvent({ call: toCallSnapshot(call), outcome, durationSeconds }, requestId)
        );
    }

    async publishCallLogged(payload: CallLoggedPayload): Promise<void> {
        await this.publish(buildCallLoggedEvent(payload));
    }

    private dispatch(command: Exclude<SoftphoneCommandMessage, { type: 'ping' }>) {
        const commands = this.commands;
        switch (command.type) {
            case 'dial': {
                const { number, recordId, objectType, recordName } = command.payload;
                if (recordId === undefined || objectType === undefined) {
                    return commands.dial(number);
                }
                const related: RelatedRecord =
                    recordName === undefined
                        ? { recordId, objectType }
                        : { recordId, objectType, recordName };
                return commands.dial(number, related);
            }
            case 'answer':
                return commands.answer(command.payload.callId);
            case 'hangup':
                return commands.hangup(command.payload.callId);
            case 'hold':
                return commands.hold(command.payload.callId);
            case 'resume':
                return commands.resume(command.payload.callId);
            case 'mute':
                return commands.mute(command.payload.muted, command.payload.callId);
            case 'setDisposition':
                return commands.setDisposition(
                    command.payload.callId,
                    command.payload.disposition,
                    command.payload.notes
                );
        }
    }

    private async publishError(
        code: string,
        message: string,
        inResponseTo: CommandType | undefined,
        requestId: string | undefined
    ): Promise<void> {
        const input =
            inResponseTo === undefined ? { code, message } : { code, message, inResponseTo };
        await this.publish(buildErrorEvent(input, requestId));
    }

    /** Publishes one event; an event that breaks the contract is reported, not sent. */
    private async publish(event: SoftphoneEventMessage): Promise<void> {
        try {
            const checked = parseEvent(event);
            if (!checked.ok) {
                this.report({
                    kind: 'invalid-event',
                    message: checked.error.message,
                    eventType: event.type
                });
                return;
            }
            await this.host.publish({ channelName: this.channelName, message: checked.event });
        } catch (error) {
            this.report({ kind: 'publish', message: errorMessage(error), eventType: event.type });
        }
    }

    private report(error: LmsBridgeError): void {
        try {
            this.onError?.(error);
        } catch {
            // The error sink failing must not turn into a failure of the bridge.
        }
    }
}

function isOwnEvent(message: unknown): boolean {
    return (
        typeof message === 'object' &&
        message !== null &&
        isEventType((message as { type?: unknown }).type)
    );
}

function errorMessage(error: unknown): string {
    if (error instanceof Error && error.message !== '') {
        return error.message;
    }
    if (typeof error === 'string' && error !== '') {
        return error;
    }
    return 'Unexpected error';
}
