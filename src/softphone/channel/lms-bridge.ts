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
    buildConferenceEvent,
    buildErrorEvent,
    buildPongEvent,
    buildStateEvent,
    buildTransferEvent,
    toCallSnapshot
} from './event-builders';
import {
    ChannelEndpoint,
    errorMessage,
    isSoftphoneEvent,
    type LmsBridgeError,
    type LmsHost
} from './channel-endpoint';
import { isCommandType } from './message-contract';
import type {
    CallLoggedPayload,
    ChoosableAgentState,
    CommandType,
    SoftphoneCommandMessage,
    StatePayload,
    TransferPayload
} from './message-contract';
import { parseCommand } from './parse-message';
import { label } from '../i18n';

export type { LmsBridgeError, LmsBridgeErrorKind, LmsHost } from './channel-endpoint';

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
    transfer(target: string, mode: 'blind' | 'consult', callId?: string): Promise<CommandResult>;
    completeConsult(): Promise<CommandResult>;
    cancelConsult(): Promise<CommandResult>;
    conference(): Promise<CommandResult>;
    dropParty(callId: string): Promise<CommandResult>;
    swap(): Promise<CommandResult>;
    snapshot(): StatePayload;
    // The call bar's commands:
    decline(callId?: string): Promise<CommandResult>;
    setAgentState(state: ChoosableAgentState, reason?: string): Promise<CommandResult>;
    sendDtmf(digits: string, callId?: string): Promise<CommandResult>;
    completeWrapUp(callId: string): Promise<CommandResult>;
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

export class LmsBridge extends ChannelEndpoint {
    private readonly commands: SoftphoneCommands;

    constructor(options: LmsBridgeOptions) {
        super(options.host, options.channelName, options.onError);
        this.commands = options.commands;
    }

    protected receive(message: unknown): void {
        void this.handleMessage(message);
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
            if (isSoftphoneEvent(message)) {
                return;
            }
            // The answer reaches the component's agent: in their language.
            const parsed = parseCommand(message, label);
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
            if (command.type === 'getState') {
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

    async publishTransfer(payload: TransferPayload): Promise<void> {
        await this.publish(buildTransferEvent(payload));
    }

    /** The conference's size, the agent included (0: it is over). */
    async publishConference(parties: number): Promise<void> {
        await this.publish(buildConferenceEvent({ parties }));
    }

    private dispatch(command: Exclude<SoftphoneCommandMessage, { type: 'ping' | 'getState' }>) {
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
            case 'transfer':
                return commands.transfer(
                    command.payload.target,
                    command.payload.mode,
                    command.payload.callId
                );
            case 'completeConsult':
                return commands.completeConsult();
            case 'cancelConsult':
                return commands.cancelConsult();
            case 'conference':
                return commands.conference();
            case 'dropParty':
                return commands.dropParty(command.payload.callId);
            case 'swap':
                return commands.swap();
            case 'decline':
                return commands.decline(command.payload.callId);
            case 'setAgentState':
                return commands.setAgentState(command.payload.state, command.payload.reason);
            case 'sendDtmf':
                return commands.sendDtmf(command.payload.digits, command.payload.callId);
            case 'completeWrapUp':
                return commands.completeWrapUp(command.payload.callId);
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
}
