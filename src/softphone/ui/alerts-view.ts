import { label } from '../i18n';
import { button, el, setAttr, setHidden, setText, untrusted, type IdFactory } from './dom';
import { KeyedList, type ItemView } from './keyed-list';
import type { ErrorView, NoticeView, SoftphoneViewModel } from './view-model';

export function pendingLogText(pending: number): string {
    return pending === 1
        ? '1 call log waiting to be saved'
        : `${pending} call logs waiting to be saved`;
}

function alertBox(theme: string, role: string, kind: string, body: HTMLElement): HTMLElement {
    return el(
        'div',
        {
            className: `slds-notify slds-notify_alert ${theme} softphone-alert`,
            attrs: { role }
        },
        [el('span', { className: 'slds-assistive-text', text: `${kind}:` }), body]
    );
}

class ErrorItem implements ItemView<ErrorView> {
    readonly element: HTMLElement;
    private readonly setting: HTMLElement;
    private readonly settingKey: HTMLElement;
    private readonly message = untrusted();

    constructor(ids: IdFactory, error: ErrorView, onDismiss: (id: string) => void) {
        const messageId = ids('error');
        // A /section/item key reads left to right inside a right-to-left sentence too (an
        // element with dir is a bidi isolate).
        this.settingKey = el('code', { className: 'softphone-alert__key', attrs: { dir: 'ltr' } });
        this.setting = el('span', {}, [
            el('span', { text: `${label('Softphone_Setting')} ` }),
            this.settingKey,
            el('span', { text: ': ' })
        ]);
        const body = el('p', { className: 'softphone-alert__message', attrs: { id: messageId } }, [
            this.setting,
            this.message
        ]);
        const dismiss = button(
            label('Softphone_Dismiss'),
            'slds-button slds-button_inverse softphone-alert__action',
            () => onDismiss(error.id),
            { 'aria-describedby': messageId }
        );
        this.element = alertBox('slds-theme_error', 'alert', 'Error', body);
        this.element.append(dismiss);
    }

    update(error: ErrorView): void {
        setText(this.message, error.message);
        setText(this.settingKey, error.settingKey ?? '');
        setHidden(this.setting, !error.settingKey);
    }
}

class NoticeItem implements ItemView<NoticeView> {
    readonly element: HTMLElement;
    private readonly message = untrusted();
    private readonly kindText: HTMLElement;
    private readonly callBack: HTMLButtonElement;
    private callBackNumber = '';

    constructor(
        ids: IdFactory,
        notice: NoticeView,
        onDismiss: (id: string) => void,
        onCallBack: (id: string, number: string) => void
    ) {
        const messageId = ids('notice');
        this.element = alertBox(
            'slds-theme_info',
            'status',
            'Information',
            el('p', { className: 'softphone-alert__message', attrs: { id: messageId } }, [
                this.message
            ])
        );
        this.kindText = this.element.firstElementChild as HTMLElement;
        // A missed call's notice offers to call the number back.
        this.callBack = button(
            label('Softphone_Call_Back'),
            'slds-button slds-button_inverse softphone-alert__action',
            () => onCallBack(notice.id, this.callBackNumber),
            { 'aria-describedby': messageId }
        );
        // Notices stay until read: the agent dismisses them, like errors.
        this.element.append(
            this.callBack,
            button(
                label('Softphone_Dismiss'),
                'slds-button slds-button_inverse softphone-alert__action',
                () => onDismiss(notice.id),
                { 'aria-describedby': messageId }
            )
        );
    }

    update(notice: NoticeView): void {
        const warning = notice.kind === 'warning';
        setAttr(
            this.element,
            'class',
            `slds-notify slds-notify_alert ${warning ? 'slds-theme_warning' : 'slds-theme_info'} softphone-alert`
        );
        setText(this.kindText, label(warning ? 'Softphone_Warning' : 'Softphone_Information'));
        setText(this.message, notice.message);
        this.callBackNumber = notice.callBack ?? '';
        setHidden(this.callBack, notice.callBack === undefined);
    }
}

/** Errors (dismissible, a bad setting names its key), notices and the call-log status. */
export class AlertsView {
    readonly element: HTMLElement;
    private readonly errorList = el('div', { className: 'softphone-alerts__list' });
    private readonly noticeList = el('div', { className: 'softphone-alerts__list' });
    private readonly errors: KeyedList<ErrorView, ErrorItem>;
    private readonly notices: KeyedList<NoticeView, NoticeItem>;
    private readonly pending: HTMLElement;
    private readonly pendingText = el('p', { className: 'softphone-alert__message' });

    constructor(
        ids: IdFactory,
        onDismiss: (id: string) => void,
        onCallBack: (id: string, number: string) => void = () => undefined
    ) {
        this.errors = new KeyedList(
            this.errorList,
            (error) => error.id,
            (error) => new ErrorItem(ids, error, onDismiss)
        );
        this.notices = new KeyedList(
            this.noticeList,
            (notice) => notice.id,
            (notice) => new NoticeItem(ids, notice, onDismiss, onCallBack)
        );
        this.pending = alertBox('slds-theme_info', 'status', 'Information', this.pendingText);
        this.element = el(
            'section',
            { className: 'softphone-alerts', attrs: { 'aria-label': label('Softphone_Alerts') } },
            // Logs kept in memory only are told once, by the app's dismissible notice.
            [this.errorList, this.noticeList, this.pending]
        );
    }

    /** After a Dismiss, focus moves to the next error's Dismiss button, if one is left. */
    focusTarget(): HTMLElement | undefined {
        return (
            this.element.querySelector<HTMLButtonElement>(
                '.softphone-alert__action:not([hidden])'
            ) ?? undefined
        );
    }

    update(model: SoftphoneViewModel): void {
        this.errors.update(model.errors);
        this.notices.update(model.notices);
        // Empty lists are hidden so they add no gap to the column.
        setHidden(this.errorList, model.errors.length === 0);
        setHidden(this.noticeList, model.notices.length === 0);
        setText(this.pendingText, pendingLogText(model.logStatus.pending));
        setHidden(this.pending, model.logStatus.pending <= 0);
        setHidden(
            this.element,
            model.errors.length === 0 && model.notices.length === 0 && model.logStatus.pending <= 0
        );
    }
}
