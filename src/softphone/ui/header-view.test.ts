/** @jest-environment jsdom */
import {
    choose,
    cleanUp,
    fieldLabelled,
    makeModel,
    mount,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';

describe('header', () => {
    let mounted: Mounted | undefined;
    afterEach(() => cleanUp(mounted));

    const header = (root: HTMLElement) => root.querySelector('header') as HTMLElement;

    it.each([
        ['connected', 'Connected'],
        ['connecting', 'Connecting…'],
        ['reconnecting', 'Reconnecting…'],
        ['disconnected', 'Disconnected']
    ] as const)('shows the %s connection with the connector label', (status, label) => {
        mounted = mount(
            makeModel({ connection: { status, connectorLabel: 'SIP (pbx.example.com)' } })
        );
        expect(visibleText(header(mounted.root))).toContain(`${label} SIP (pbx.example.com)`);
    });

    it('shows the connection message only when there is one', () => {
        mounted = mount();
        const message = mounted.root.querySelector('.softphone-header__message') as HTMLElement;
        expect(message.hidden).toBe(true);
        mounted.view.render(
            makeModel({
                connection: {
                    status: 'reconnecting',
                    connectorLabel: 'SIP',
                    message: 'Retrying in 8 s'
                }
            })
        );
        expect(message.hidden).toBe(false);
        expect(message.textContent).toBe('Retrying in 8 s');
    });

    it('lists the agent states with their labels and selects the current one', () => {
        mounted = mount(
            makeModel({
                agentState: 'AfterCallWork',
                agentStateOptions: ['Offline', 'Available', 'AfterCallWork', 'Break']
            })
        );
        const select = fieldLabelled<HTMLSelectElement>(mounted.root, 'Status');
        expect([...select.options].map((option) => option.text)).toEqual([
            'Offline',
            'Available',
            'After Call Work',
            'Break'
        ]);
        expect(select.value).toBe('AfterCallWork');
    });

    it('always lists the current state even when it is not among the options', () => {
        mounted = mount(makeModel({ agentState: 'Busy', agentStateOptions: ['Offline'] }));
        const select = fieldLabelled<HTMLSelectElement>(mounted.root, 'Status');
        expect([...select.options].map((option) => option.value)).toEqual(['Busy', 'Offline']);
        expect(select.value).toBe('Busy');
    });

    it('asks for the picked agent state', () => {
        mounted = mount();
        choose(fieldLabelled<HTMLSelectElement>(mounted.root, 'Status'), 'Break');
        expect(mounted.actions.setAgentState).toHaveBeenCalledWith('Break');
    });

    it('keeps the same select element (and its focus) when the options change', () => {
        mounted = mount();
        const select = fieldLabelled<HTMLSelectElement>(mounted.root, 'Status');
        select.focus();
        mounted.view.render(
            makeModel({ agentState: 'Busy', agentStateOptions: ['Busy', 'Offline'] })
        );
        expect(fieldLabelled(mounted.root, 'Status')).toBe(select);
        expect(document.activeElement).toBe(select);
        expect(select.value).toBe('Busy');
    });
});
