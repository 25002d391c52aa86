import { label } from '../i18n';
import type { CallState } from '../calls/call-model';
import type { ConnectionStatus } from '../telephony/connector';
import { isLive, isRingingInbound } from './call-groups';
import { clip, el } from './dom';
import { agentStateLabels, connectionLabels, remoteLabel } from './labels';
import type { SoftphoneViewModel } from './view-model';

/** Longest caller label read out: a 10 KB display name must not hold the screen reader hostage. */
const maxSpokenLabel = 80;

function liveRegion(politeness: 'assertive' | 'polite'): HTMLElement {
    return el('div', {
        className: 'slds-assistive-text',
        attrs: { role: 'status', 'aria-live': politeness, 'aria-atomic': 'true' }
    });
}

function stateChange(previous: CallState, next: CallState): string | undefined {
    if (next === 'held') {
        return label('Softphone_Say_Call_Held');
    }
    if (next === 'connected') {
        return previous === 'held'
            ? label('Softphone_Say_Call_Resumed')
            : label('Softphone_Say_Call_Connected');
    }
    return undefined;
}

/**
 * Says what changed through two live regions: an assertive one for a new ringing call (exactly
 * once per call), a polite one for the rest (connection, call connected / held / ended, wrap-up
 * saved).
 */
export class Announcer {
    readonly ring = liveRegion('assertive');
    readonly status = liveRegion('polite');
    readonly element = el('div', { className: 'softphone-announcer' }, [this.ring, this.status]);
    private ringing = new Set<string>();
    private states = new Map<string, CallState>();
    private connection: ConnectionStatus | undefined;
    private refusal: number | undefined;
    private wrapUpConfirmedAt: number | undefined;

    update(model: SoftphoneViewModel): void {
        this.announceRings(model);
        this.announceRefusal(model);
        const messages: string[] = [];
        if (this.connection !== undefined && this.connection !== model.connection.status) {
            // The agent's own Offline is a status, not a fault (as the header shows it).
            const status =
                model.connection.status === 'disconnected' && model.connection.offlineByChoice
                    ? agentStateLabels.Offline
                    : connectionLabels[model.connection.status].replace(/…$/, '');
            messages.push(label('Softphone_Say_Connection', status));
        }
        this.connection = model.connection.status;
        const states = new Map<string, CallState>();
        for (const call of model.calls) {
            states.set(call.callId, call.state);
            const previous = this.states.get(call.callId);
            const message =
                previous === undefined
                    ? call.state === 'dialing'
                        ? label('Softphone_Say_Calling', clip(remoteLabel(call), maxSpokenLabel))
                        : undefined
                    : previous === call.state
                      ? undefined
                      : stateChange(previous, call.state);
            if (message) {
                messages.push(message);
            }
        }
        for (const id of this.states.keys()) {
            if (!states.has(id)) {
                messages.push(label('Softphone_Say_Call_Ended'));
            }
        }
        this.states = states;
        const confirmedAt = model.wrapUp?.confirmedAt;
        if (confirmedAt !== undefined && confirmedAt !== this.wrapUpConfirmedAt) {
            messages.push(label('Softphone_Say_Wrap_Up_Saved'));
        }
        this.wrapUpConfirmedAt = confirmedAt;
        if (messages.length > 0) {
            // Assigned even when equal: a fresh text node is what makes a screen reader speak.
            this.status.textContent = messages.join('. ');
        }
    }

    /** A Call the softphone refused is said at once (the reason also shows by the field). */
    private announceRefusal(model: SoftphoneViewModel): void {
        const attempt = model.dialAttempt;
        if (attempt?.status !== 'refused' || attempt.id === this.refusal) {
            return;
        }
        this.refusal = attempt.id;
        this.ring.textContent = label('Softphone_Say_Not_Placed', clip(attempt.message ?? '', 200));
    }

    private announceRings(model: SoftphoneViewModel): void {
        const ringing = model.calls.filter(isRingingInbound);
        const fresh = ringing.filter((call) => !this.ringing.has(call.callId));
        this.ringing = new Set(ringing.map((call) => call.callId));
        if (fresh.length === 0) {
            return;
        }
        const waiting = model.calls.some(isLive);
        this.ring.textContent = fresh
            .map((call) =>
                label(
                    waiting ? 'Softphone_Say_Call_Waiting' : 'Softphone_Say_Incoming',
                    clip(remoteLabel(call), maxSpokenLabel)
                )
            )
            .join('. ');
    }
}
