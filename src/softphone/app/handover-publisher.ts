import type { EngineSnapshot } from '../calls/engine-events';
import type { LmsBridge } from '../channel/lms-bridge';

/** What the LWCs were last told of transfers and the conference, so each change goes once. */
export class HandoverPublisher {
    /** Per call: the transfer target and progress last published. */
    private readonly publishedTransfers = new Map<string, string>();
    private publishedConference = 0;

    /** Transfer progress and the conference's size, to the LWCs, each time they change. */
    publish(snapshot: EngineSnapshot, bridge: LmsBridge | undefined): void {
        for (const call of snapshot.calls) {
            const transfer = call.transfer;
            const key = transfer ? `${transfer.target}|${transfer.progress}` : undefined;
            if (key === this.publishedTransfers.get(call.id)) {
                continue;
            }
            if (key === undefined) {
                this.publishedTransfers.delete(call.id);
                continue;
            }
            this.publishedTransfers.set(call.id, key);
            void bridge?.publishTransfer({
                callId: call.id,
                target: transfer?.target ?? '',
                progress: transfer?.progress ?? 'requested',
                ...(transfer?.reason === undefined ? {} : { reason: transfer.reason })
            });
        }
        for (const callId of [...this.publishedTransfers.keys()]) {
            if (!snapshot.calls.some((call) => call.id === callId)) {
                this.publishedTransfers.delete(callId);
            }
        }
        const parties =
            snapshot.conferenceCallIds === undefined ? 0 : snapshot.conferenceCallIds.length + 1;
        if (parties !== this.publishedConference) {
            this.publishedConference = parties;
            void bridge?.publishConference(parties);
        }
    }
}
