/** @jest-environment jsdom */
import {
    buttonNamed,
    cleanUp,
    makeModel,
    mount,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';

describe('alerts', () => {
    let mounted: Mounted | undefined;
    afterEach(() => cleanUp(mounted));

    const alerts = (root: HTMLElement) => root.querySelector('.softphone-alerts') as HTMLElement;

    it('shows nothing when all is well', () => {
        mounted = mount();
        expect(alerts(mounted.root).hidden).toBe(true);
    });

    it('shows an error naming the setting at fault, as an alert', () => {
        mounted = mount(
            makeModel({
                errors: [
                    {
                        id: 'e1',
                        message: 'must be a host name',
                        settingKey: '/connector/sipDomain'
                    }
                ]
            })
        );
        const alert = mounted.root.querySelector('.softphone-alerts [role="alert"]') as HTMLElement;
        expect(alert.classList).toContain('slds-theme_error');
        expect(visibleText(alert)).toContain('Setting /connector/sipDomain : must be a host name');
        expect(alert.textContent).toContain('Setting /connector/sipDomain: must be a host name');
        // Left to right even in a right-to-left language (Arabic): the key is its own isolate.
        expect(alert.querySelector('.softphone-alert__key')?.getAttribute('dir')).toBe('ltr');
    });

    it('shows an error without a setting key as just its message', () => {
        mounted = mount(makeModel({ errors: [{ id: 'e1', message: 'Microphone denied' }] }));
        const alert = mounted.root.querySelector('.softphone-alerts [role="alert"]') as HTMLElement;
        expect(visibleText(alert)).toBe('Microphone denied Dismiss');
    });

    it('dismisses the error by id', () => {
        mounted = mount(
            makeModel({
                errors: [
                    { id: 'e1', message: 'first' },
                    { id: 'e2', message: 'second' }
                ]
            })
        );
        const dismissButtons = [
            ...mounted.root.querySelectorAll('.softphone-alerts [role="alert"] button')
        ];
        (dismissButtons[1] as HTMLButtonElement).click();
        expect(mounted.actions.dismissError).toHaveBeenCalledWith('e2');
    });

    it('describes each Dismiss button by its message', () => {
        mounted = mount(makeModel({ errors: [{ id: 'e1', message: 'Bad URL' }] }));
        const dismiss = buttonNamed(mounted.root, 'Dismiss');
        const describedBy = dismiss.getAttribute('aria-describedby') ?? '';
        expect(visibleText(document.getElementById(describedBy) as Element)).toBe('Bad URL');
    });

    it('re-keys errors by id: a kept error keeps its element, a gone one is removed', () => {
        mounted = mount(
            makeModel({
                errors: [
                    { id: 'e1', message: 'first' },
                    { id: 'e2', message: 'second' }
                ]
            })
        );
        const second = [...mounted.root.querySelectorAll('.softphone-alerts [role="alert"]')][1];
        mounted.view.render(makeModel({ errors: [{ id: 'e2', message: 'second, updated' }] }));
        const remaining = [...mounted.root.querySelectorAll('.softphone-alerts [role="alert"]')];
        expect(remaining).toEqual([second]);
        expect(second?.textContent).toContain('second, updated');
    });

    it('moves focus to the next Dismiss button after a dismissal', () => {
        const errors = [
            { id: 'e1', message: 'first' },
            { id: 'e2', message: 'second' }
        ];
        mounted = mount(makeModel({ errors }));
        const [first, second] = [
            ...mounted.root.querySelectorAll<HTMLButtonElement>(
                '.softphone-alerts [role="alert"] button'
            )
        ];
        first?.focus();
        mounted.view.render(makeModel({ errors: errors.slice(1) }));
        expect(document.activeElement).toBe(second);
    });

    it('shows warning and info notices with their themes, each dismissible', () => {
        mounted = mount(
            makeModel({
                notices: [
                    { id: 'n1', kind: 'warning', message: 'Pop-ups blocked' },
                    { id: 'n2', kind: 'info', message: 'Reconnected' }
                ]
            })
        );
        const notices = [
            ...mounted.root.querySelectorAll('.softphone-alerts__list [role="status"]')
        ];
        expect(notices.map((notice) => visibleText(notice))).toEqual([
            'Pop-ups blocked Dismiss',
            'Reconnected Dismiss'
        ]);
        expect(notices[0]?.classList).toContain('slds-theme_warning');
        expect(notices[1]?.classList).toContain('slds-theme_info');
        expect(notices[0]?.querySelector('.slds-assistive-text')?.textContent).toBe('Warning:');
        (notices[1]?.querySelector('button:not([hidden])') as HTMLButtonElement).click();
        expect(mounted.actions.dismissError).toHaveBeenCalledWith('n2');
    });

    it("offers Call back on a missed call's notice, with the number it carries", () => {
        mounted = mount(
            makeModel({
                notices: [
                    {
                        id: 'missed-call-c1',
                        kind: 'warning',
                        message: 'Missed call from Maria Lopez.',
                        callBack: '+14155550101'
                    }
                ]
            })
        );
        const notice = mounted.root.querySelector('.softphone-alerts__list [role="status"]');
        expect(visibleText(notice as Element)).toBe(
            'Missed call from Maria Lopez. Call back Dismiss'
        );
        const callBack = [...(notice as Element).querySelectorAll('button')].find(
            (candidate) => candidate.textContent === 'Call back'
        ) as HTMLButtonElement;
        callBack.click();
        expect(mounted.actions.callBack).toHaveBeenCalledWith('missed-call-c1', '+14155550101');
    });

    it('calls back through dismiss and dial where the host has no callBack (a follower tab)', () => {
        mounted = mount(
            makeModel({
                notices: [
                    {
                        id: 'missed-call-c2',
                        kind: 'warning',
                        message: 'Missed call from Maria Lopez.',
                        callBack: '+14155550101'
                    }
                ]
            })
        );
        delete (mounted.actions as { callBack?: unknown }).callBack;
        const callBack = [...mounted.root.querySelectorAll('button')].find(
            (candidate) => candidate.textContent === 'Call back'
        ) as HTMLButtonElement;
        callBack.click();
        expect(mounted.actions.dismissError).toHaveBeenCalledWith('missed-call-c2');
        expect(mounted.actions.dial).toHaveBeenCalledWith('+14155550101');
    });

    it('leaves logs kept in memory only to the dismissible notice: never told twice', () => {
        const notice = {
            id: 'log-not-durable',
            kind: 'warning' as const,
            message: 'Call logs are kept in memory only.'
        };
        mounted = mount(
            makeModel({ logStatus: { pending: 0, durable: false }, notices: [notice] })
        );
        expect(visibleText(alerts(mounted.root))).toBe(
            'Call logs are kept in memory only. Dismiss'
        );
        mounted.view.render(makeModel({ logStatus: { pending: 0, durable: false } }));
        expect(alerts(mounted.root).hidden).toBe(true);
    });

    it('counts call logs waiting to be saved', () => {
        mounted = mount(makeModel({ logStatus: { pending: 3, durable: true } }));
        expect(visibleText(alerts(mounted.root))).toBe('3 call logs waiting to be saved');
        mounted.view.render(makeModel({ logStatus: { pending: 1, durable: true } }));
        expect(visibleText(alerts(mounted.root))).toBe('1 call log waiting to be saved');
    });
});
