import { label } from '../i18n';
import { remoteLabel } from '../ui/labels';
import type { CallView, SoftphoneViewModel } from '../ui/view-model';
import { unseenMissedCalls } from './missed-calls';

/** The utility bar item: its label and SLDS utility icon name (setSoftphoneItemLabel/Icon). */
export interface UtilityItem {
    readonly label: string;
    readonly icon: string;
}

/** Salesforce's label limit for a utility item (the local console refuses longer ones too). */
const MAX_LABEL_LENGTH = 80;

export function idleUtilityItem(): UtilityItem {
    return { label: label('Softphone_Utility_Phone'), icon: 'call' };
}

/**
 * What the utility item says, from what the softphone shows: a ringing call names its caller,
 * a live call says so, unseen missed calls are counted, else "Phone". Icons are names of the
 * SLDS utility sprite (incoming_call, phone_portrait, missed_call, call).
 */
export function utilityItemFor(model: SoftphoneViewModel): UtilityItem {
    const ringing = model.calls.find(
        (call) => call.direction === 'Inbound' && call.state === 'ringing'
    );
    if (ringing !== undefined) {
        return {
            label: clipLabel(label('Softphone_Utility_Incoming', remoteLabel(ringing))),
            icon: 'incoming_call'
        };
    }
    if (model.calls.some((call) => call.state !== 'ended')) {
        return { label: label('Softphone_Utility_On_Call'), icon: 'phone_portrait' };
    }
    const missed = unseenMissedCalls(model.notices);
    if (missed > 0) {
        return { label: label('Softphone_Utility_Missed', missed), icon: 'missed_call' };
    }
    return idleUtilityItem();
}

function clipLabel(label: string): string {
    return label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1)}…` : label;
}

/** Plays the ringtone while a call rings (see ui/ringtone-player.ts). */
export interface Ringer {
    start(): void;
    stop(): void;
}

/** A desktop notification of a ringing call (see ui/desktop-notifier.ts). */
export interface CallNotifier {
    notify(notification: {
        readonly tag: string;
        readonly title: string;
        readonly body: string;
    }): void;
}

export interface CallAlertsOptions {
    readonly ringer: Ringer;
    readonly notifier: CallNotifier;
    readonly setUtilityItem: (item: UtilityItem) => void;
    /** Whether the browser tab is in the background (document.visibilityState). */
    readonly pageHidden: () => boolean;
    /** Whether the softphone panel is open (isSoftphonePanelVisible). */
    readonly panelVisible: () => Promise<boolean>;
    /** Opens the softphone panel (setSoftphonePanelVisibility true, in every tab). */
    readonly showPanel: () => void;
}

/**
 * Makes sure a ringing call is noticed: the ringtone plays while a call rings, a desktop
 * notification is shown when the agent could not see the softphone when it started ringing
 * (tab hidden or panel minimised), and the utility item names the state.
 */
export class CallAlerts {
    private readonly notified = new Set<string>();
    /** What the utility item shows; unknown at start (a reload may leave an old label there). */
    private item: UtilityItem | undefined;
    /** Whether the panel was open just before a ringing call opened it (see revealPanel). */
    private panelCheck: Promise<boolean> | undefined;

    constructor(private readonly options: CallAlertsOptions) {}

    /**
     * The app's "show the panel" on ring: first asks whether the panel was open, so a call that
     * rang into a minimised panel is still notified, then opens it.
     */
    revealPanel(): void {
        const check = this.options
            .panelVisible()
            .catch(() => true)
            .then((visible) => {
                this.options.showPanel();
                return visible;
            });
        this.panelCheck = check;
    }

    /** Follows every view the softphone renders. */
    update(model: SoftphoneViewModel): void {
        const ringing = model.calls.filter(
            (call) => call.direction === 'Inbound' && call.state === 'ringing'
        );
        if (ringing.length > 0) {
            this.options.ringer.start();
        } else {
            this.options.ringer.stop();
        }
        for (const call of ringing) {
            if (!this.notified.has(call.callId)) {
                this.notified.add(call.callId);
                this.notifyIfUnseen(call);
            }
        }
        const live = new Set(model.calls.map((call) => call.callId));
        for (const callId of this.notified) {
            if (!live.has(callId)) {
                this.notified.delete(callId);
            }
        }
        const item = utilityItemFor(model);
        if (item.label !== this.item?.label || item.icon !== this.item.icon) {
            this.item = item;
            this.options.setUtilityItem(item);
        }
    }

    private notifyIfUnseen(call: CallView): void {
        const hidden = this.options.pageHidden();
        const panelCheck = this.panelCheck ?? this.options.panelVisible().catch(() => true);
        this.panelCheck = undefined;
        void panelCheck.then((panelVisible) => {
            if (hidden || !panelVisible) {
                this.options.notifier.notify({
                    tag: call.callId,
                    title: label('Softphone_Incoming_Call'),
                    body: remoteLabel(call)
                });
            }
        });
    }
}
