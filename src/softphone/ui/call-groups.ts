import type { CallView } from './view-model';

/** A call offered to the agent: it gets an Answer / Decline banner. */
export function isRingingInbound(call: CallView): boolean {
    return call.state === 'ringing' && call.direction === 'Inbound';
}

/** A call the agent is on (or placing): it gets a call panel and hides the dial keypad. */
export function isLive(call: CallView): boolean {
    return (
        call.state === 'connected' ||
        call.state === 'held' ||
        call.state === 'dialing' ||
        (call.state === 'ringing' && call.direction === 'Outbound')
    );
}
