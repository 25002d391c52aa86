/**
 * The message the local console posts into the softphone iframe to drive the adapter's simulator
 * connector (the console cannot reach the simulator directly). The adapter's simulator-mode UI
 * listens for it; it checks `event.origin` against its own origin (the console serves both).
 *
 *   { source: 'local-console', kind: 'simulator', action: 'incoming', from, fromName?, data? }
 *
 * `data`: the call data a phone system would send (IVR input, queue…), key → text; the
 * softphone validates and bounds it like any connector's (src/softphone/telephony/call-data.ts).
 *   { source: 'local-console', kind: 'simulator', action: 'remoteHangup' }
 */

export type SimulatorMessage =
    | {
          readonly source: 'local-console';
          readonly kind: 'simulator';
          readonly action: 'incoming';
          /** The caller id as the phone system gives it, e.g. `+14155550101`, or `anonymous`. */
          readonly from: string;
          /** The caller name from the network, when there is one. */
          readonly fromName?: string;
          /** Call data, e.g. { AccountNumber: '10442', Queue: 'Billing' }. */
          readonly data?: Readonly<Record<string, string>>;
      }
    | {
          readonly source: 'local-console';
          readonly kind: 'simulator';
          readonly action: 'remoteHangup';
      };

export function incomingCallMessage(
    from: string,
    fromName?: string,
    data?: Readonly<Record<string, string>>
): SimulatorMessage {
    const name = fromName?.trim();
    return {
        source: 'local-console',
        kind: 'simulator',
        action: 'incoming',
        from: from.trim(),
        ...(name ? { fromName: name } : {}),
        ...(data === undefined ? {} : { data })
    };
}

export function remoteHangupMessage(): SimulatorMessage {
    return { source: 'local-console', kind: 'simulator', action: 'remoteHangup' };
}
