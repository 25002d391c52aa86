/** @jest-environment jsdom */
import {
    T0,
    choose,
    cleanUp,
    fieldLabelled,
    makeCall,
    makeModel,
    mount,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';
import type { LoggedToView, WrapUpView } from './view-model';

const MARIA = { recordId: '003000000000001AAA', label: 'Maria Lopez (Contact)' };
const ACME = { recordId: '001000000000001AAA', label: '<b>Acme</b> (Account)' };

const wrapUp = (loggedTo: LoggedToView): WrapUpView => ({
    callId: 'call-9',
    remoteLabel: 'Maria Lopez',
    outcome: 'Connected',
    durationSeconds: 10,
    disposition: '',
    notes: '',
    dispositionOptions: ['Resolved'],
    dispositionRequired: false,
    saving: false,
    draftSaved: false,
    loggedTo
});

describe('which record the call is logged to', () => {
    let mounted: Mounted | undefined;
    beforeEach(() => jest.useFakeTimers({ now: T0 }));
    afterEach(() => {
        cleanUp(mounted);
        jest.useRealTimers();
    });

    const callPanel = (root: HTMLElement) =>
        root.querySelector('.softphone-call:not([hidden])') as HTMLElement;

    it('says an unrelated call is not related, with no choice when nothing was seen', () => {
        mounted = mount(makeModel({ calls: [makeCall({ loggedTo: { options: [] } })] }));
        const panel = callPanel(mounted.root);
        expect(visibleText(panel)).toContain('Logged to: Not related to a record');
        expect(visibleText(panel)).not.toContain('Log this call to');
    });

    it('offers the records seen in a labelled select and logs the call to the one chosen', () => {
        mounted = mount(
            makeModel({
                calls: [makeCall({ loggedTo: { options: [MARIA, ACME] } })]
            })
        );
        const panel = callPanel(mounted.root);
        const select = fieldLabelled<HTMLSelectElement>(panel, 'Log this call to');
        expect([...select.options].map((option) => option.textContent)).toEqual([
            'Not related to a record',
            'Maria Lopez (Contact)',
            '<b>Acme</b> (Account)'
        ]);
        // Record names are text, never markup.
        expect(panel.querySelector('b')).toBeNull();
        choose(select, ACME.recordId);
        expect(mounted.actions.relateCall).toHaveBeenCalledWith('call-1', ACME.recordId);
        choose(select, '');
        expect(mounted.actions.relateCall).toHaveBeenCalledTimes(1);
    });

    it('shows the current record, and hides the choice when it is the only one', () => {
        mounted = mount(
            makeModel({ calls: [makeCall({ loggedTo: { current: MARIA, options: [MARIA] } })] })
        );
        const panel = callPanel(mounted.root);
        expect(visibleText(panel)).toContain('Logged to: Maria Lopez (Contact)');
        expect(visibleText(panel)).not.toContain('Log this call to');
        mounted.view.render(
            makeModel({
                calls: [makeCall({ loggedTo: { current: ACME, options: [MARIA, ACME] } })]
            })
        );
        const select = fieldLabelled<HTMLSelectElement>(panel, 'Log this call to');
        expect(select.value).toBe(ACME.recordId);
        expect(select.options).toHaveLength(2);
    });

    it('shows and changes the record in wrap-up too', () => {
        mounted = mount(
            makeModel({
                agentState: 'AfterCallWork',
                canDial: false,
                wrapUp: wrapUp({ current: MARIA, options: [MARIA, ACME] })
            })
        );
        const section = mounted.root.querySelector('.softphone-wrapup') as HTMLElement;
        expect(visibleText(section)).toContain('Logged to: Maria Lopez (Contact)');
        choose(fieldLabelled<HTMLSelectElement>(section, 'Log this call to'), ACME.recordId);
        expect(mounted.actions.relateCall).toHaveBeenCalledWith('call-9', ACME.recordId);
    });

    it('shows nothing where the records are not known', () => {
        mounted = mount(makeModel({ calls: [makeCall()] }));
        expect(visibleText(callPanel(mounted.root))).not.toContain('Logged to');
    });
});
