import { dateTimeFormat, label } from '../i18n';
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
import { directionArrows, directionLabel, outcomeLabel, remoteLabel } from './labels';
import type { RecentCallView, SoftphoneViewModel } from './view-model';

export const maxRecentCalls = 10;

interface RecentRow {
    readonly call: RecentCallView;
    readonly canDial: boolean;
    readonly now: number;
}

/**
 * When a call ended, as the agent reads a call list (in the agent's locale): "Today, 10:42 AM",
 * "Yesterday, 4:05 PM", "Mar 3, 10:42 AM", and the year for calls of another year.
 */
const timeOfDay: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const dayAndTime: Intl.DateTimeFormatOptions = { ...timeOfDay, month: 'short', day: 'numeric' };
const dateAndTime: Intl.DateTimeFormatOptions = { ...dayAndTime, year: 'numeric' };

export function formatCallTime(endedAt: number, now: number): string {
    const ended = new Date(endedAt);
    const today = new Date(now);
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    if (ended.toDateString() === today.toDateString()) {
        return label('Softphone_Today_At', dateTimeFormat(timeOfDay).format(endedAt));
    }
    if (ended.toDateString() === yesterday.toDateString()) {
        return label('Softphone_Yesterday_At', dateTimeFormat(timeOfDay).format(endedAt));
    }
    return dateTimeFormat(
        ended.getFullYear() === today.getFullYear() ? dayAndTime : dateAndTime
    ).format(endedAt);
}

class RecentCallItem implements ItemView<RecentRow> {
    readonly element: HTMLElement;
    private readonly arrow = el('span', {
        className: 'softphone-recent__arrow',
        attrs: { role: 'img' }
    });
    private readonly label = untrusted('slds-truncate softphone-recent__label');
    /** The name as a link to the call's record, when it had one. */
    private readonly recordLink: HTMLButtonElement;
    private readonly recordLabel = untrusted('slds-truncate');
    private readonly plainLine: HTMLElement;
    private readonly meta = el('p', {
        className: 'slds-text-body_small slds-text-color_weak softphone-recent__meta'
    });
    private readonly redial: HTMLButtonElement;

    constructor(
        call: RecentCallView,
        onDial: (number: string) => void,
        openRecord: ((recordId: string) => void) | undefined
    ) {
        const number = call.number;
        const recordId = call.record?.recordId;
        this.redial = button(label('Softphone_Redial'), 'slds-button slds-button_neutral', () =>
            onDial(number)
        );
        this.recordLink = button(
            '',
            'slds-button softphone-recent__record',
            () => recordId !== undefined && openRecord?.(recordId)
        );
        this.recordLink.append(this.recordLabel);
        this.plainLine = el('p', { className: 'slds-truncate' }, [this.label]);
        const linked = recordId !== undefined && openRecord !== undefined;
        setHidden(this.recordLink, !linked);
        setHidden(this.plainLine, linked);
        this.element = el('li', { className: 'softphone-recent__item' }, [
            this.arrow,
            el('div', { className: 'softphone-recent__main' }, [
                this.plainLine,
                this.recordLink,
                this.meta
            ]),
            this.redial
        ]);
    }

    update({ call, canDial, now }: RecentRow): void {
        setText(this.arrow, directionArrows[call.direction]);
        setAttr(this.arrow, 'aria-label', directionLabel(call.direction));
        const text = remoteLabel(call);
        setText(this.label, text);
        setAttr(this.label, 'title', text);
        setText(this.recordLabel, text);
        setAttr(
            this.recordLink,
            'title',
            label(
                'Softphone_Open_Record',
                call.record?.objectType ?? label('Softphone_Record'),
                clip(text, 80)
            )
        );
        setText(
            this.meta,
            [
                formatCallTime(call.endedAt, now),
                formatDuration(call.durationSeconds),
                outcomeLabel(call.outcome)
            ].join(' · ')
        );
        // A withheld caller cannot be called back.
        setHidden(this.redial, call.number === '');
        setDisabled(this.redial, !canDial);
        setAttr(this.redial, 'aria-label', label('Softphone_Redial_Name', clip(text, 80)));
    }
}

/** The last calls, newest first, each with Redial. */
export class RecentCallsView {
    readonly element: HTMLElement;
    private readonly empty = el('p', {
        className: 'slds-text-body_small slds-text-color_weak',
        text: label('Softphone_No_Recent_Calls')
    });
    private readonly listElement = el('ul', { className: 'softphone-recent__list' });
    private readonly list: KeyedList<RecentRow, RecentCallItem>;

    constructor(
        ids: IdFactory,
        onDial: (number: string) => void,
        openRecord?: (recordId: string) => void
    ) {
        const headingId = ids('recent');
        // Keyed by call id, number and record: Redial and the link are bound when the row is made.
        this.list = new KeyedList(
            this.listElement,
            ({ call }) => `${call.callId}\u0000${call.number}\u0000${call.record?.recordId ?? ''}`,
            ({ call }) => new RecentCallItem(call, onDial, openRecord)
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
                    text: label('Softphone_Recent_Calls')
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
