import { label } from '../i18n';
import { CallDetailsView } from './call-details-view';
import type { CallState } from '../calls/call-model';
import { isLive } from './call-groups';
import { createDigitPad, isPadDigit } from './digit-pad';
import {
    button,
    el,
    setAttr,
    setClass,
    setDisabled,
    setHidden,
    setText,
    untrusted,
    type IdFactory
} from './dom';
import { formatTimer, secondsSince } from './format-duration';
import { KeyedList, type ItemView } from './keyed-list';
import { LoggedToView } from './logged-to-view';
import { HandoverControls } from './handover-controls';
import {
    callStateLabels,
    directionArrows,
    directionLabel,
    handoverLabels,
    remoteLabel,
    withheldNumberLabel
} from './labels';
import type { CallView, SoftphoneActions, TransferSuggestionView } from './view-model';

function stateText(state: CallState): string {
    // An outbound call the far end is ringing is still "Calling…" for the agent.
    return state === 'ringing' ? callStateLabels.dialing : callStateLabels[state];
}

class ActiveCallItem implements ItemView<CallView> {
    readonly element: HTMLElement;
    /** Focus lands here when the control the agent was on goes away (e.g. Call, Answer). */
    readonly heading: HTMLElement;
    private readonly headingText = untrusted();
    private readonly arrow = el('span', { attrs: { 'aria-hidden': 'true' } });
    private readonly direction = el('span');
    private readonly number = untrusted('softphone-party__number slds-truncate');
    private readonly details = new CallDetailsView();
    private readonly loggedTo: LoggedToView;
    private readonly state = el('span', { className: 'softphone-call__state' });
    private readonly timer = el('span', { className: 'softphone-call__timer' });
    private readonly mutedBadge = el('span', {
        className: 'slds-badge slds-badge_inverse',
        text: label('Softphone_Muted')
    });
    /** Time on hold, shown after "On hold" while the call is held; the total time stays. */
    private readonly holdTimer = el('span', { className: 'softphone-call__hold-timer' });
    private readonly holdPart: HTMLElement;
    private readonly totalLabel = el('span');
    private readonly holdButton: HTMLButtonElement;
    private readonly muteButton: HTMLButtonElement;
    private readonly padToggle: HTMLButtonElement;
    private readonly pad: HTMLElement;
    private readonly sentDigits = el('span', { className: 'softphone-call__tones' });
    private readonly sentLine: HTMLElement;
    private readonly handover: HandoverControls;
    /** Hidden on a conference party: Remove from call and End conference say what they end. */
    private readonly hangupButton: HTMLButtonElement;
    private call: CallView;
    private padOpen = false;

    constructor(
        ids: IdFactory,
        call: CallView,
        private readonly actions: SoftphoneActions,
        private readonly suggestions: () => readonly TransferSuggestionView[]
    ) {
        this.call = call;
        this.handover = new HandoverControls(ids, call, actions);
        const callId = call.callId;
        this.loggedTo = new LoggedToView(ids, actions);
        const headingId = ids('call');
        const padId = ids('dtmf');
        this.heading = el(
            'h2',
            {
                className: 'slds-text-heading_small slds-truncate softphone-call__name',
                attrs: { id: headingId, tabindex: '-1' }
            },
            [this.headingText]
        );
        this.holdButton = button(label('Softphone_Hold'), 'slds-button slds-button_neutral', () => {
            if (this.swaps()) {
                actions.swapCalls?.();
            } else if (this.call.state === 'held') {
                actions.resume(callId);
            } else {
                actions.hold(callId);
            }
        });
        this.muteButton = button(label('Softphone_Mute'), 'slds-button slds-button_neutral', () =>
            actions.setMuted(callId, !this.call.muted)
        );
        this.padToggle = button(
            label('Softphone_Keypad'),
            'slds-button slds-button_neutral',
            () => {
                this.padOpen = !this.padOpen;
                this.updatePad();
            },
            { 'aria-controls': padId }
        );
        const digits = createDigitPad(label('Softphone_Keypad_Tones'), (digit) =>
            this.sendTone(actions, digit)
        );
        this.sentLine = el('p', { className: 'slds-text-body_small softphone-call__sent' }, [
            el('span', { text: `${label('Softphone_Tones_Sent')} ` }),
            this.sentDigits
        ]);
        setHidden(this.sentLine, true);
        this.pad = el('div', { className: 'softphone-call__pad', attrs: { id: padId } }, [
            digits,
            this.sentLine
        ]);
        // Typing a digit while the tone pad has focus sends it; Escape closes the pad.
        this.pad.addEventListener('keydown', (event) => {
            if (isPadDigit(event.key)) {
                event.preventDefault();
                this.sendTone(actions, event.key);
            } else if (event.key === 'Escape') {
                this.padOpen = false;
                this.updatePad();
                this.padToggle.focus();
            }
        });
        this.hangupButton = button(
            label('Softphone_End_Call'),
            'slds-button slds-button_destructive',
            () => actions.hangup(callId)
        );
        this.holdPart = el('span', {}, [
            el('span', { attrs: { 'aria-hidden': 'true' }, text: ' · ' }),
            // Not "on hold" again: the words would also sit (hidden) in every connected call.
            el('span', {
                className: 'slds-assistive-text',
                text: `${label('Softphone_Held_For')} `
            }),
            this.holdTimer
        ]);
        this.element = el(
            'div',
            {
                className: 'slds-card softphone-card softphone-call',
                attrs: { role: 'group', 'aria-labelledby': headingId }
            },
            [
                el('p', { className: 'slds-text-body_small softphone-call__direction' }, [
                    this.arrow,
                    el('span', { text: ' ' }),
                    this.direction
                ]),
                this.heading,
                this.number,
                this.details.element,
                this.loggedTo.element,
                el('p', { className: 'softphone-call__status' }, [
                    this.state,
                    this.holdPart,
                    el('span', { attrs: { 'aria-hidden': 'true' }, text: ' · ' }),
                    this.totalLabel,
                    this.timer,
                    el('span', { text: ' ' }),
                    this.mutedBadge,
                    el('span', { text: ' ' }),
                    this.handover.liveBadge,
                    this.handover.conferenceBadge
                ]),
                el('div', { className: 'softphone-actions softphone-call__actions' }, [
                    this.holdButton,
                    this.muteButton,
                    this.padToggle,
                    this.hangupButton
                ]),
                this.handover.element,
                this.pad
            ]
        );
    }

    update(call: CallView): void {
        this.call = call;
        this.details.update(call);
        this.loggedTo.update(call.callId, call.loggedTo);
        setText(this.arrow, directionArrows[call.direction]);
        setText(this.direction, directionLabel(call.direction));
        const party = remoteLabel(call);
        setText(this.headingText, party);
        setAttr(this.heading, 'title', party);
        // The number goes on its own line only when the heading shows a name.
        const number = call.number === '' ? withheldNumberLabel() : call.number;
        setText(this.number, number);
        setHidden(this.number, party === number);
        setText(this.state, stateText(call.state));
        setHidden(this.mutedBadge, !call.muted);
        const held = call.state === 'held';
        // A held call stands apart from the one the agent talks on: a badge, a hold timer, a tint.
        setHidden(this.holdPart, !held);
        setAttr(
            this.state,
            'class',
            held ? 'softphone-call__state slds-badge slds-theme_warning' : 'softphone-call__state'
        );
        setText(
            this.totalLabel,
            `${label(held ? 'Softphone_Total_Time' : 'Softphone_Call_Time')} `
        );
        setAttr(this.totalLabel, 'class', held ? '' : 'slds-assistive-text');
        setClass(this.element, 'softphone-call_held', held);
        const connected = call.state === 'connected';
        setText(
            this.holdButton,
            this.swaps()
                ? handoverLabels.swap
                : label(call.state === 'held' ? 'Softphone_Resume' : 'Softphone_Hold')
        );
        // A conference is not held: its parties are dropped one by one.
        setDisabled(
            this.holdButton,
            !(connected || call.state === 'held') || call.handover?.inConference === true
        );
        this.handover.update(call, this.suggestions());
        setHidden(this.hangupButton, call.handover?.inConference === true);
        setDisabled(this.muteButton, !connected);
        // The label says what the button does now; aria-pressed says that muting is on.
        setText(this.muteButton, label(call.muted ? 'Softphone_Unmute' : 'Softphone_Mute'));
        setAttr(this.muteButton, 'aria-pressed', call.muted ? 'true' : 'false');
        setClass(this.muteButton, 'slds-button_brand', call.muted);
        setClass(this.muteButton, 'slds-button_neutral', !call.muted);
        setDisabled(this.padToggle, !connected);
        this.updatePad();
    }

    /** The held call's Resume swaps it with the connected one. */
    private swaps(): boolean {
        return this.call.handover?.canSwap === true && this.actions.swapCalls !== undefined;
    }

    tick(now: number): void {
        const since = this.call.answeredAt ?? this.call.startedAt;
        setText(this.timer, formatTimer(secondsSince(since, now)));
        if (this.call.state === 'held') {
            setText(this.holdTimer, formatTimer(secondsSince(this.call.heldAt ?? now, now)));
        }
    }

    private updatePad(): void {
        const open = this.padOpen && this.call.state === 'connected';
        setHidden(this.pad, !open);
        setAttr(this.padToggle, 'aria-expanded', open ? 'true' : 'false');
        setText(this.padToggle, open ? label('Softphone_Hide_Keypad') : label('Softphone_Keypad'));
    }

    private sendTone(actions: SoftphoneActions, digit: string): void {
        actions.sendDtmf(this.call.callId, digit);
        setText(this.sentDigits, `${this.sentDigits.textContent ?? ''}${digit}`.slice(-32));
        setHidden(this.sentLine, false);
    }
}

/** One panel per live call (dialing, connected, held). */
export class ActiveCallsView {
    readonly element = el('div', { className: 'softphone-call-list' });
    private readonly cards = el('div');
    /** "Conference (3)" above the calls while the agent is in a conference. */
    private readonly conferenceHeading = el('h2', {
        className: 'slds-text-heading_small softphone-conference__heading'
    });
    /** The agent leaves the conference: every party is hung up (a party's card removes one). */
    private readonly endConference: HTMLButtonElement;
    private readonly conferenceBar: HTMLElement;
    private readonly list: KeyedList<CallView, ActiveCallItem>;
    private suggestions: readonly TransferSuggestionView[] = [];
    private parties: readonly string[] = [];

    constructor(ids: IdFactory, actions: SoftphoneActions) {
        this.endConference = button(
            handoverLabels.endConference,
            'slds-button slds-button_destructive',
            () => {
                // Newest first: the first caller's call ends last, so wrap-up is about that caller.
                for (const callId of [...this.parties].reverse()) {
                    actions.hangup(callId);
                }
            }
        );
        this.conferenceBar = el('div', { className: 'softphone-conference' }, [
            this.conferenceHeading,
            this.endConference
        ]);
        this.element.append(this.conferenceBar, this.cards);
        setHidden(this.conferenceBar, true);
        this.list = new KeyedList(
            this.cards,
            (call) => call.callId,
            (call) => new ActiveCallItem(ids, call, actions, () => this.suggestions)
        );
    }

    update(
        calls: readonly CallView[],
        suggestions: readonly TransferSuggestionView[] = [],
        conference?: { readonly parties: number }
    ): void {
        this.suggestions = suggestions;
        this.list.update(calls.filter(isLive));
        setHidden(this.element, this.list.size === 0);
        setText(
            this.conferenceHeading,
            conference === undefined ? '' : handoverLabels.conferenceHeading(conference.parties)
        );
        this.parties = calls
            .filter((call) => call.handover?.inConference === true)
            .map((call) => call.callId);
        setHidden(this.conferenceBar, conference === undefined);
        setHidden(this.endConference, this.parties.length === 0);
    }

    tick(now: number): void {
        for (const item of this.list.items()) {
            item.tick(now);
        }
    }

    /** The heading of the newest live call, the natural place for focus after a call starts. */
    focusTarget(): HTMLElement | undefined {
        return this.list.items().at(-1)?.heading;
    }
}
