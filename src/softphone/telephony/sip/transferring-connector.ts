import type { Connector } from '../connector';

/**
 * A connector that can also transfer a call (blind transfer). Proposed as an optional part of
 * Connector; until then the SIP connector implements it and callers check with
 * isTransferringConnector().
 */
export interface TransferringConnector extends Connector {
    /**
     * Hands the call to `target` (a number, dialled like dial() does) and drops the agent's
     * leg: resolves once the phone system accepted the transfer, after the call's 'ended'
     * event; rejects with the phone system's refusal, the call staying up.
     */
    transfer(callId: string, target: string): Promise<void>;
}

export function isTransferringConnector(connector: Connector): connector is TransferringConnector {
    return typeof (connector as Partial<TransferringConnector>).transfer === 'function';
}
