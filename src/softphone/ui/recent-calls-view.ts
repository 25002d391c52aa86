import {
    button,
    clip,
    el,
    setAttr,
    setDisabled,
    setHidden,
    setText,
    untrusted,
    type IdFactory
} from './dom';
import { formatDuration } from './format-duration';
import { KeyedList, type ItemView } from './keyed-list';
import { directionArrows, remoteLabel } from './labels';
import type { RecentCallView, SoftphoneViewModel } from './view-model';

export const maxRecentCalls = 10;

interface RecentRow {
    readonly call: RecentCallView;
    readonly canDial: boolean;
    readonly now: number;
}

/** "10:42 AM" for today's calls, "Mar 3, 10:42 AM" for older ones (in the agent's locale). */
// Built once: an Intl.DateTimeFormat is costly and this runs per row on every render.
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit'
});

export function formatCallTime(endedAt: number, now: number): string {
    const sameDay = new Date(endedAt).toDateString() === new Date(now).toDateString();
    return (sameDay ? timeOfDay : dayAndTime).format(endedAt);
}

class RecentCallItem implements ItemView<RecentRow> {
    readonly element: HTMLElement;
    private readonly arrow = el('span', {
        className: 'softphone-recent__arrow',
        attrs: { role: 'img' }
    });
    private readonly label = untrusted('slds-truncate softphone-recent__label');
    private readonly meta = el('p', {
        className: 'slds-text-body_small slds-text-color_weak softphone-recent__meta'
    });
    private readonly redial: HTMLButtonElement;

    constructor(number: string, onDial: (number: string) => void) {
        this.redial = button('Redial', 'slds-button slds-button_neutral', () => onDial(number));
        this.element = el('li', { className: 'softphone-recent__item' }, [
            this.arrow,
            el('div', { className: 'softphone-recent__main' }, [
                el('p', { className: 'slds-truncate' }, [this.label]),
                this.meta
            ]),
            this.redial
        ]);
    }

    update({ call, canDial, now }: RecentRow): void {
        setText(this.arrow, directionArrows[call.direction]);
        setAttr(this.arrow, 'aria-label', call.direction);
        const label = remoteLabel(call);
        setText(this.label, label);
        setAttr(this.label, 'title', label);
        setText(
            this.meta,
            [
                formatCallTime(call.endedAt, now),
                formatDuration(call.durationSeconds),
                call.outcome
            ].join(' · ')
        );
        // A withheld caller cannot be called back.
        setHidden(this.redial, call.number === '');
        setDisabled(this.redial, !canDial);
        setAttr(this.redial, 'aria-label', `Redial ${clip(label, 80)}`);
    }
}

/** The last calls, newest first, each with Redial. */
export class RecentCallsView {
    readonly element: HTMLElement;
    private readonly empty = el('p', {
        className: 'slds-text-body_small slds-text-color_weak',
        text: 'No recent calls'
    });
    private readonly listElement = el('ul', { className: 'softphone-recent__list' });
    private readonly list: KeyedList<RecentRow, RecentCallItem>;

    constructor(ids: IdFactory, onDial: (number: string) => void) {
        const headingId = ids('recent');
        // Keyed by call id and number: Redial is bound to the number the row was created with.
        this.list = new KeyedList(
            this.listElement,
            ({ call }) => `${call.callId}\u0000${call.number}`,
            ({ call }) => new RecentCallItem(call.number, onDial)
        );
        this.element = el(
            'section',
            {
                className: 'slds-card softphone-card softphone-recent',
                attrs: { 'aria-labelledby': headingId }
            },
            [
                el('h2', {
                    className: 'slds-text-heading_small',
                    attrs: { id: headingId },
                    text: 'Recent calls'
                }),
                this.empty,
                this.listElement
            ]
        );
    }

    update(model: SoftphoneViewModel, now: number): void {
        const rows = model.recentCalls
            .slice(0, maxRecentCalls)
            .map((call) => ({ call, canDial: model.canDial, now }));
        this.list.update(rows);
        setHidden(this.empty, rows.length > 0);
        setHidden(this.listElement, rows.length === 0);
    }
}
