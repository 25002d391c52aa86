import { $, $$, cleanUpComponents, flush, text } from '../../../../../test/lwc-test-utils';
import {
    CONFERENCE,
    CONNECTED,
    CONSULT,
    CONSULTING,
    IDLE,
    button,
    click,
    fakeSoftphone,
    render
} from '../../../../../test/call-bar-test-support';

// Two calls in the call bar: a consult (Complete, Cancel, Conference, Swap), a conference with
// Drop, two separate calls (Merge calls, Swap), and how a transfer goes.
describe('c-softphone-call-bar: two calls', () => {
    afterEach(() => {
        cleanUpComponents();
        jest.useRealTimers();
    });

    const lines = (element) =>
        $$(element, '.call-line').map((line) => ({
            name: line.querySelector('.line-name').textContent.trim(),
            badge: line.querySelector('.line-badge').textContent.trim(),
            note: line.querySelector('.line-note')
                ? line.querySelector('.line-note').textContent.trim()
                : ''
        }));

    it('offers Consult first beside Transfer now, and consults the number typed', async () => {
        const softphone = fakeSoftphone({
            state: { ...IDLE, agentState: 'Busy', activeCall: CONNECTED }
        });
        const element = await render();
        await click(element, 'transfer-toggle');
        $(element, 'lightning-input.transfer-target').dispatchEvent(
            new CustomEvent('change', { detail: { value: '+14155551234' } })
        );
        await click(element, 'consult-first');
        expect(softphone.commandsOf('transfer')[0].payload).toEqual({
            target: '+14155551234',
            mode: 'consult',
            callId: 'call-1'
        });
        expect($(element, '.transfer')).toBeNull();
    });

    it('during a consult shows the consult call live and the caller on hold, with Complete, Cancel, Conference and Swap', async () => {
        const softphone = fakeSoftphone({ state: CONSULTING });
        const element = await render();
        expect(lines(element)).toEqual([
            {
                name: '+14155551234',
                badge: 'Live',
                note: 'Consult call about Jane Doe'
            },
            { name: 'Jane Doe', badge: 'On hold', note: '' }
        ]);
        expect($(element, '.active-line .line-badge').classList).toContain('slds-theme_success');
        expect(button(element, 'hold')).toBeNull();
        expect(button(element, 'transfer-toggle')).toBeNull();
        expect(button(element, 'merge')).toBeNull();
        await click(element, 'complete-consult');
        await click(element, 'cancel-consult');
        await click(element, 'conference');
        await click(element, 'swap');
        expect(softphone.commands.map((command) => command.type)).toEqual(
            expect.arrayContaining(['completeConsult', 'cancelConsult', 'conference', 'swap'])
        );
    });

    it('after a swap back to the caller, still names the consult call and marks the caller live', async () => {
        fakeSoftphone({
            state: {
                ...CONSULTING,
                activeCall: CONNECTED,
                otherCall: { ...CONSULT, state: 'held' }
            }
        });
        const element = await render();
        expect(lines(element)).toEqual([
            { name: 'Jane Doe', badge: 'Live', note: '' },
            { name: '+14155551234', badge: 'On hold', note: 'Consult call about Jane Doe' }
        ]);
    });

    it('shows a conference of three with each party and Drop, and no Swap', async () => {
        const softphone = fakeSoftphone({ state: CONFERENCE });
        const element = await render();
        expect(text(element, '.conference-heading')).toBe('Conference (3)');
        expect(lines(element)).toEqual([
            { name: '+14155551234', badge: 'In conference', note: '' },
            { name: 'Jane Doe', badge: 'In conference', note: '' }
        ]);
        expect(button(element, 'swap')).toBeNull();
        const drops = $$(element, 'lightning-button.drop');
        expect(drops.map((drop) => drop.label)).toEqual(['Drop', 'Drop']);
        drops[1].click();
        await flush();
        expect(softphone.commandsOf('dropParty')[0].payload).toEqual({ callId: 'call-1' });
    });

    it('with two separate calls offers Merge calls and Swap, and shows a dialing consult as Calling', async () => {
        const softphone = fakeSoftphone({
            state: {
                ...CONSULTING,
                activeCall: { ...CONSULT, state: 'dialing', answeredAt: undefined },
                callsLink: undefined,
                consultCallId: undefined
            }
        });
        const element = await render();
        expect(lines(element).map((line) => line.badge)).toEqual(['Calling…', 'On hold']);
        await click(element, 'merge');
        expect(softphone.commandsOf('conference')).toHaveLength(1);
        expect(button(element, 'complete-consult')).toBeNull();
    });

    it('shows a refused consult command with its reason', async () => {
        fakeSoftphone({
            state: CONSULTING,
            refuse: { completeConsult: 'The colleague has not answered yet.' }
        });
        const element = await render();
        await click(element, 'complete-consult');
        expect(text(element, '.command-error')).toContain('The colleague has not answered yet.');
    });

    it("tells how a transfer goes from the softphone's transferUpdate events", async () => {
        const softphone = fakeSoftphone({ state: CONSULTING });
        const element = await render();
        const update = (payload) => softphone.emit({ version: 1, type: 'transferUpdate', payload });
        update({ callId: 'call-1', target: '+14155551234', progress: 'trying' });
        await flush();
        expect(text(element, '.transfer-progress')).toBe('Transferring to +14155551234');
        update({
            callId: 'call-1',
            target: '+14155551234',
            progress: 'failed',
            reason: 'busy'
        });
        await flush();
        expect(text(element, '.transfer-progress')).toBe('Transfer failed to +14155551234 · busy');
        update({ callId: 'call-1', target: '+14155551234', progress: 'failed' });
        await flush();
        expect(text(element, '.transfer-progress')).toBe('Transfer failed to +14155551234');
        update({ callId: 'call-1', target: '+14155551234', progress: 'accepted' });
        await flush();
        expect(text(element, '.transfer-progress')).toBe('Transferred to +14155551234');
    });
});
