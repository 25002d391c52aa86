import { parseSessionSnapshot, type SessionSnapshot } from '../app/session-snapshot';
import type { RestoreCause } from '../app/softphone-app';

/** What a follower hands to the softphone it starts when it takes over. */
export interface Handover {
    /** The leader's last session snapshot (JSON), for the calls it had live. */
    readonly session?: string;
    /**
     * The sign-in the leader used, so the takeover needs no new sign-in: it came in the one
     * `handover` message the leader posts when its tab goes (pagehide). Absent when the leader's
     * tab crashed, or another leader spoke since: the agent then signs in again.
     */
    readonly credentials?: Readonly<Record<string, string>>;
    /** Whether a leader was ever heard: if not, this tab's own stored session is the one. */
    readonly heardFromLeader: boolean;
    /** When this tab got the lock: the moment the leader's tab went. */
    readonly takenOverAt: number;
}

/**
 * The session a softphone starts from. After a takeover it is the leader's: the lock passed the
 * moment the leader's tab went, so that moment is when its calls stopped. This tab's own
 * stored session (from before a reload, say) was already handled by that leader.
 */
export function sessionToRestore(
    handover: Handover | undefined,
    ownSession: SessionSnapshot | undefined
): { readonly session?: SessionSnapshot; readonly cause: RestoreCause } {
    if (handover === undefined || !handover.heardFromLeader) {
        return { ...(ownSession === undefined ? {} : { session: ownSession }), cause: 'reload' };
    }
    const leaders = parseSessionSnapshot(handover.session ?? null);
    if (leaders === undefined) {
        return { cause: 'takeover' };
    }
    return {
        session: { ...leaders, lastAliveAt: Math.max(leaders.lastAliveAt, handover.takenOverAt) },
        cause: 'takeover'
    };
}
