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

    it('shows Offline the agent chose as a neutral status, and a lost line as a red fault', () => {
        mounted = mount(
            makeModel({
                agentState: 'Offline',
                connection: {
                    status: 'disconnected',
                    connectorLabel: 'Simulator',
                    offlineByChoice: true
                }
            })
        );
        const badge = mounted.root.querySelector('header .slds-badge') as HTMLElement;
        expect(badge.textContent).toBe('Offline');
        expect(badge.className).toBe('slds-badge');
        mounted.view.render(
            makeModel({
                agentState: 'Offline',
                connection: { status: 'disconnected', connectorLabel: 'Simulator' }
            })
        );
        expect(badge.textContent).toBe('Disconnected');
        expect(badge.className).toBe('slds-badge slds-theme_error');
    });

    it("offers Break with each of the admin's reasons, shows the chosen one and reports it", () => {
        mounted = mount(
            makeModel({
                agentState: 'Break',
                breakReasons: ['Lunch', 'Training'],
                breakReason: 'Training',
                agentStateOptions: ['Offline', 'Available', 'Break']
            })
        );
        const select = fieldLabelled<HTMLSelectElement>(mounted.root, 'Status');
        expect([...select.options].map((option) => option.text)).toEqual([
            'Offline',
            'Available',
            'Break: Lunch',
            'Break: Training'
        ]);
        expect(select.selectedOptions[0]?.text).toBe('Break: Training');
        choose(select, 'Break:Lunch');
        expect(mounted.actions.setAgentState).toHaveBeenLastCalledWith('Break', 'Lunch');
        choose(select, 'Available');
        expect(mounted.actions.setAgentState).toHaveBeenLastCalledWith('Available');
    });

    it('keeps a Break without a reason listed while it is the current state', () => {
        mounted = mount(
            makeModel({
                agentState: 'Break',
                breakReasons: ['Lunch'],
                agentStateOptions: ['Offline', 'Available', 'Break']
            })
        );
        const select = fieldLabelled<HTMLSelectElement>(mounted.root, 'Status');
        expect([...select.options].map((option) => option.text)).toEqual([
            'Offline',
            'Available',
            'Break',
            'Break: Lunch'
        ]);
        expect(select.value).toBe('Break');
    });
});
