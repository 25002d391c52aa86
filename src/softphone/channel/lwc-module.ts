/**
 * The LWC side of the softphone's LMS message contract: scripts/build.mjs bundles this file (and
 * what it imports, valibot included) into force-app/main/default/lwc/softphoneChannel/
 * softphoneChannel.js, the module components import as c/softphoneChannel. That file is
 * generated and committed (force-app deploys as it is); the metadata checks fail when it is not
 * what the build makes. Change the contract here, in message-contract.ts and parse-message.ts,
 * then run `node scripts/build.mjs contract`.
 *
 *   component ──command (requestId required)──▶ softphone
 *   component ◀──event (requestId echoed when it answers a command)── softphone
 *
 * Every message is `{ version: 1, type, requestId?, payload }` on the channel Softphone_Message__c.
 * The module holds the message types, the builders (what the components publish), the validators
 * (what they accept, the adapter's own parsers) and a small client with `ping`. It imports no
 * platform module: components wire it to Lightning Message Service themselves (they own the
 * MessageContext):
 *
 *   const client = createSoftphoneClient({
 *       publish: (message) => publish(this.messageContext, SOFTPHONE_CHANNEL, message),
 *       subscribe: (listener) => {
 *           const subscription = subscribe(this.messageContext, SOFTPHONE_CHANNEL, listener, {
 *               scope: APPLICATION_SCOPE
 *           });
 *           return () => unsubscribe(subscription);
 *       }
 *   });
 */
import type { ContractErrorCode } from './parse-message';

export {
    AGENT_STATES,
    CALL_DIRECTIONS,
    CALL_OUTCOMES,
    CALL_STATES,
    CHOOSABLE_AGENT_STATES,
    COMMAND_TYPES,
    CONNECTION_STATUSES,
    CONTRACT_LIMITS,
    CONTRACT_VERSION,
    EVENT_TYPES,
    isCommandType,
    isEventType,
    SOFTPHONE_CHANNEL_NAME,
    TRANSFER_FAILURE_REASONS,
    TRANSFER_MODES,
    TRANSFER_PROGRESSES
} from './message-contract';
export { readRequestId } from './parse-message';
export {
    buildAnswer,
    buildCancelConsult,
    buildCompleteConsult,
    buildCompleteWrapUp,
    buildConference,
    buildDecline,
    buildDial,
    buildDropParty,
    buildGetState,
    buildHangup,
    buildHold,
    buildMute,
    buildPing,
    buildResume,
    buildSendDtmf,
    buildSetAgentState,
    buildSetDisposition,
    buildSwap,
    buildTransfer,
    COMMAND_BUILDERS,
    newRequestId
} from './lwc-command-builders';
export {
    clipText,
    formatDuration,
    formatLabel,
    isSalesforceId,
    remotePartyName,
    sameRecordId,
    toDialableNumber
} from './lwc-helpers';
export { watchSoftphonePresence } from './softphone-presence';
export {
    createSoftphoneClient,
    DEFAULT_PING_TIMEOUT_MS,
    validateCommand,
    validateEvent
} from './softphone-client';

/** The codes a rejected message's error carries. */
export const CONTRACT_ERROR_CODES: Readonly<Record<ContractErrorCode, ContractErrorCode>> =
    Object.freeze({
        INVALID_MESSAGE: 'INVALID_MESSAGE',
        UNSUPPORTED_VERSION: 'UNSUPPORTED_VERSION',
        UNKNOWN_TYPE: 'UNKNOWN_TYPE',
        MISSING_FIELD: 'MISSING_FIELD',
        INVALID_FIELD: 'INVALID_FIELD'
    });
