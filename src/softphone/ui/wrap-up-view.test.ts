/** @jest-environment jsdom */
import {
    T0,
    buttonNamed,
    choose,
    cleanUp,
    fieldLabelled,
    makeModel,
    mount,
    typeInto,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';
import type { WrapUpView } from './view-model';

function makeWrapUp(overrides: Partial<WrapUpView> = {}): WrapUpView {
    return {
        callId: 'call-1',
        remoteLabel: 'Ada Lovelace',
        outcome: 'Connected',
        durationSeconds: 185,
        disposition: '',
        notes: '',
        dispositionOptions: ['Resolved', 'Callback requested'],
        dispositionRequired: false,
        saving: false,
        draftSaved: false,
        ...overrides
    };
}

const withWrapUp = (overrides: Partial<WrapUpView> = {}) =>
    makeModel({ agentState: 'AfterCallWork', canDial: false, wrapUp: makeWrapUp(overrides) });

describe('wrap-up form', () => {
    let mounted: Mounted | undefined;
    beforeEach(() => jest.useFakeTimers({ now: T0 }));
    afterEach(() => {
        cleanUp(mounted);
        jest.useRealTimers();
    });

    const form = (root: HTMLElement) => root.querySelector('.softphone-wrapup') as HTMLElement;
    const disposition = (root: HTMLElement) =>
        fieldLabelled<HTMLSelectElement>(root, 'Disposition');
    const notes = (root: HTMLElement) => fieldLabelled<HTMLTextAreaElement>(root, 'Notes');

    it('is hidden without a wrap-up', () => {
        mounted = mount();
        expect(form(mounted.root).hidden).toBe(true);
    });

    it('shows the other party, outcome and duration', () => {
        mounted = mount(withWrapUp());
        expect(visibleText(form(mounted.root))).toContain(
            'Wrap up Ada Lovelace Outcome: Connected · Duration: 3:05'
        );
    });

    it('offers "-- None --" then the dispositions, and notes up to 32768 characters', () => {
        mounted = mount(withWrapUp());
        expect([...disposition(mounted.root).options].map((o) => [o.value, o.text])).toEqual([
            ['', '-- None --'],
            ['Resolved', 'Resolved'],
            ['Callback requested', 'Callback requested']
        ]);
        expect(notes(mounted.root).maxLength).toBe(32768);
    });

    it('starts from the wrap-up values', () => {
        mounted = mount(withWrapUp({ disposition: 'Resolved', notes: 'Called back' }));
        expect(disposition(mounted.root).value).toBe('Resolved');
        expect(notes(mounted.root).value).toBe('Called back');
    });

    it('Save sends the chosen disposition and notes for the call', () => {
        mounted = mount(withWrapUp());
        choose(disposition(mounted.root), 'Callback requested');
        typeInto(notes(mounted.root), 'Wants a quote');
        buttonNamed(mounted.root, 'Save').click();
        expect(mounted.actions.saveWrapUp).toHaveBeenCalledWith('call-1', {
            disposition: 'Callback requested',
            notes: 'Wants a quote'
        });
    });

    it('marks a required disposition and refuses to save without one', () => {
        mounted = mount(withWrapUp({ dispositionRequired: true }));
        const select = disposition(mounted.root);
        const marker = form(mounted.root).querySelector('abbr.slds-required') as HTMLElement;
        expect(marker.hidden).toBe(false);
        expect(select.required).toBe(true);
        buttonNamed(mounted.root, 'Save').click();
        expect(mounted.actions.saveWrapUp).not.toHaveBeenCalled();
        expect(select.getAttribute('aria-invalid')).toBe('true');
        const help = document.getElementById(select.getAttribute('aria-describedby') ?? '');
        expect(help?.textContent).toBe('Choose a disposition');
        expect(help?.hidden).toBe(false);
        expect(document.activeElement).toBe(select);
        choose(select, 'Resolved');
        expect(help?.hidden).toBe(true);
        buttonNamed(mounted.root, 'Save').click();
        expect(mounted.actions.saveWrapUp).toHaveBeenCalledWith('call-1', {
            disposition: 'Resolved',
            notes: ''
        });
    });

    it('without a required disposition, saves with none', () => {
        mounted = mount(withWrapUp());
        expect((form(mounted.root).querySelector('abbr') as HTMLElement).hidden).toBe(true);
        buttonNamed(mounted.root, 'Save').click();
        expect(mounted.actions.saveWrapUp).toHaveBeenCalledWith('call-1', {
            disposition: '',
            notes: ''
        });
    });

    it('Done stays enabled with a required disposition missing: pressing it shows why, on the field', () => {
        mounted = mount(withWrapUp({ dispositionRequired: true }));
        const done = buttonNamed(mounted.root, 'Done');
        const select = disposition(mounted.root);
        expect(done.disabled).toBe(false);
        expect(visibleText(form(mounted.root))).toContain(
            'Choose a disposition to finish wrap-up.'
        );
        done.click();
        // The app refuses it too (and says so); the form shows where and moves there.
        expect(mounted.actions.completeWrapUp).toHaveBeenCalledTimes(1);
        expect(select.getAttribute('aria-invalid')).toBe('true');
        expect(document.activeElement).toBe(select);
        mounted.view.render(withWrapUp({ dispositionRequired: true, disposition: 'Resolved' }));
        done.click();
        expect(mounted.actions.completeWrapUp).toHaveBeenCalledTimes(2);
    });

    it('marks the disposition when the app refuses a way out for want of one (status menu, countdown)', () => {
        mounted = mount(withWrapUp({ dispositionRequired: true }));
        const select = disposition(mounted.root);
        expect(select.getAttribute('aria-invalid')).toBeNull();
        mounted.view.render(
            withWrapUp({
                dispositionRequired: true,
                error: 'Choose a disposition before you go Available.'
            })
        );
        expect(select.getAttribute('aria-invalid')).toBe('true');
        const alert = form(mounted.root).querySelector('[role="alert"]') as HTMLElement;
        expect(alert.textContent).toBe('Choose a disposition before you go Available.');
    });

    it('sends every pick and keystroke as the draft, before any Save', () => {
        mounted = mount(withWrapUp());
        choose(disposition(mounted.root), 'Resolved');
        typeInto(notes(mounted.root), 'Wants a quote');
        expect(mounted.actions.editWrapUp.mock.calls).toEqual([
            ['call-1', { disposition: 'Resolved', notes: '' }],
            ['call-1', { disposition: 'Resolved', notes: 'Wants a quote' }]
        ]);
        expect(mounted.actions.saveWrapUp).not.toHaveBeenCalled();
    });

    it('says a draft is kept, then that a Save saved it', () => {
        mounted = mount(withWrapUp({ disposition: 'Resolved', notes: 'n' }));
        const status = form(mounted.root).querySelector('.softphone-wrapup__status') as HTMLElement;
        expect(status.textContent).toBe(
            'Not saved yet: kept as a draft and saved to the call log when you finish.'
        );
        mounted.view.render(withWrapUp({ disposition: 'Resolved', notes: 'n', saving: true }));
        expect(status.textContent).toBe('Saving…');
        mounted.view.render(
            withWrapUp({ disposition: 'Resolved', notes: 'n', draftSaved: true, confirmedAt: T0 })
        );
        expect(status.textContent).toBe('Saved to the call log.');
        expect(status.classList.contains('slds-text-color_success')).toBe(true);
        // Saved on the way out (a ringing call), not by Save: no confirmation to show.
        mounted.view.render(withWrapUp({ disposition: 'Resolved', notes: 'n', draftSaved: true }));
        expect(status.hidden).toBe(true);
    });

    it('shows that the countdown is paused while the agent types, with the time left', () => {
        mounted = mount(withWrapUp({ pausedMsLeft: 41_200 }));
        const countdown = form(mounted.root).querySelector(
            '.softphone-wrapup__countdown'
        ) as HTMLElement;
        expect(countdown.hidden).toBe(false);
        expect(countdown.textContent).toBe('Countdown paused while you type (0:42 left)');
        jest.advanceTimersByTime(5000);
        expect(countdown.textContent).toBe('Countdown paused while you type (0:42 left)');
    });

    it('Done is enabled at once when no disposition is required', () => {
        mounted = mount(withWrapUp());
        buttonNamed(mounted.root, 'Done').click();
        expect(mounted.actions.completeWrapUp).toHaveBeenCalledTimes(1);
    });

    it('while saving, Save says so, keeps focus and does not save twice; Done waits', () => {
        mounted = mount(withWrapUp());
        const save = buttonNamed(mounted.root, 'Save');
        save.focus();
        mounted.view.render(withWrapUp({ saving: true }));
        expect(save.textContent).toBe('Saving…');
        expect(save.getAttribute('aria-disabled')).toBe('true');
        expect(document.activeElement).toBe(save);
        save.click();
        expect(mounted.actions.saveWrapUp).not.toHaveBeenCalled();
        expect(buttonNamed(mounted.root, 'Done').disabled).toBe(true);
    });

    it('shows a save error as an alert', () => {
        mounted = mount(withWrapUp({ error: 'Could not save: UNABLE_TO_LOCK_ROW' }));
        const alert = form(mounted.root).querySelector('[role="alert"]') as HTMLElement;
        expect(alert.hidden).toBe(false);
        expect(alert.textContent).toBe('Could not save: UNABLE_TO_LOCK_ROW');
        mounted.view.render(withWrapUp());
        expect(alert.hidden).toBe(true);
    });

    it('does not overwrite what the agent is typing when the model re-renders', () => {
        mounted = mount(withWrapUp({ notes: 'from engine' }));
        const field = notes(mounted.root);
        typeInto(field, 'agent typing…');
        choose(disposition(mounted.root), 'Resolved');
        field.focus();
        mounted.view.render(withWrapUp({ notes: 'engine changed', endsAt: T0 + 30_000 }));
        mounted.view.render(
            withWrapUp({ notes: 'engine changed', dispositionOptions: ['Resolved', 'Other'] })
        );
        expect(field.value).toBe('agent typing…');
        expect(disposition(mounted.root).value).toBe('Resolved');
        expect(document.activeElement).toBe(field);
    });

    it('starts afresh for the next call', () => {
        mounted = mount(withWrapUp());
        typeInto(notes(mounted.root), 'old notes');
        mounted.view.render(makeModel());
        mounted.view.render(withWrapUp({ callId: 'call-2', notes: 'new call' }));
        expect(notes(mounted.root).value).toBe('new call');
    });

    it('counts down after-call work every second', () => {
        mounted = mount(withWrapUp({ endsAt: T0 + 42_000 }));
        const countdown = form(mounted.root).querySelector(
            '.softphone-wrapup__countdown'
        ) as HTMLElement;
        expect(countdown.textContent).toBe('Available in 0:42');
        jest.advanceTimersByTime(1000);
        expect(countdown.textContent).toBe('Available in 0:41');
        jest.advanceTimersByTime(60_000);
        expect(countdown.textContent).toBe('Available in 0:00');
    });

    it('shows no countdown when wrap-up waits for the agent', () => {
        mounted = mount(withWrapUp());
        const countdown = form(mounted.root).querySelector(
            '.softphone-wrapup__countdown'
        ) as HTMLElement;
        expect(countdown.hidden).toBe(true);
        expect(mounted.timers.setInterval).not.toHaveBeenCalled();
    });
});
