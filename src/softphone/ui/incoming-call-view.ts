import { label } from '../i18n';
import { CallDetailsView } from './call-details-view';
import { isLive, isRingingInbound } from './call-groups';
import { button, el, setAttr, setHidden, setText, untrusted, type IdFactory } from './dom';
import { KeyedList, type ItemView } from './keyed-list';
import { withheldNumberLabel } from './labels';
import type { CallView, SoftphoneActions } from './view-model';

interface RingingCall {
    readonly call: CallView;
    /** Another call is live: this one is a call waiting. */
    readonly waiting: boolean;
}

class IncomingCallItem implements ItemView<RingingCall> {
    readonly element: HTMLElement;
    private readonly title: HTMLElement;
    private readonly waitingHint = el('p', {
        className: 'slds-text-body_small slds-text-color_weak',
        text: label('Softphone_Answer_Holds')
    });
    private readonly name = untrusted('softphone-party__name slds-truncate');
    private readonly number = untrusted('softphone-party__number slds-truncate');
    private readonly details = new CallDetailsView();

    constructor(ids: IdFactory, callId: string, actions: SoftphoneActions) {
        const titleId = ids('incoming');
        const partyId = ids('incoming-party');
        this.title = el('h2', {
            className: 'slds-text-heading_small softphone-incoming__title',
            attrs: { id: titleId }
        });
        this.element = el(
            'div',
            {
                className: 'slds-card softphone-card softphone-incoming',
                attrs: { role: 'group', 'aria-labelledby': titleId }
            },
            [
                this.title,
                el('div', { className: 'softphone-party', attrs: { id: partyId } }, [
                    this.name,
                    this.number
                ]),
                this.details.element,
                this.waitingHint,
                el('div', { className: 'softphone-actions' }, [
                    button(
                        label('Softphone_Answer'),
                        'slds-button slds-button_brand',
                        () => actions.answer(callId),
                        {
                            'aria-describedby': partyId
                        }
                    ),
                    button(
                        label('Softphone_Decline'),
                        'slds-button slds-button_destructive',
                        () => actions.decline(callId),
                        { 'aria-describedby': partyId }
                    )
                ])
            ]
        );
    }

    update({ call, waiting }: RingingCall): void {
        setText(
            this.title,
            waiting ? label('Softphone_Call_Waiting') : label('Softphone_Incoming_Call')
        );
        setHidden(this.waitingHint, !waiting);
        const name = call.name?.trim() ?? '';
        setText(this.name, name);
        setHidden(this.name, name === '');
        const number = call.number === '' ? withheldNumberLabel() : call.number;
        setText(this.number, number);
        setAttr(this.name, 'title', name);
        setAttr(this.number, 'title', number);
        this.details.update(call);
    }
}

/** One banner per ringing inbound call; the view only reports Answer / Decline. */
export class IncomingCallsView {
    readonly element = el('div', { className: 'softphone-incoming-list' });
    private readonly list: KeyedList<RingingCall, IncomingCallItem>;

    constructor(ids: IdFactory, actions: SoftphoneActions) {
        this.list = new KeyedList(
            this.element,
            ({ call }) => call.callId,
            ({ call }) => new IncomingCallItem(ids, call.callId, actions)
        );
    }

    update(calls: readonly CallView[]): void {
        const waiting = calls.some(isLive);
        this.list.update(calls.filter(isRingingInbound).map((call) => ({ call, waiting })));
        setHidden(this.element, this.list.size === 0);
    }
}
