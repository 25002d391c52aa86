/** @jest-environment jsdom */
import {
    cleanUp,
    makeCall,
    makeModel,
    mount,
    type Mounted
} from './test-support/softphone-fixtures';

describe('live announcements', () => {
    let mounted: Mounted | undefined;
    afterEach(() => cleanUp(mounted));

    const ringRegion = (root: HTMLElement) =>
        root.querySelector('[aria-live="assertive"]') as HTMLElement;
    const statusRegion = (root: HTMLElement) =>
        root.querySelector('[aria-live="polite"]') as HTMLElement;

    /** Counts the changes a screen reader would hear in a live region. */
    function watch(region: HTMLElement): { texts: string[] } {
        const seen = { texts: [] as string[] };
        new MutationObserver(() => seen.texts.push(region.textContent ?? '')).observe(region, {
            childList: true,
            characterData: true,
            subtree: true
        });
        return seen;
    }
    const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

    const ringing = makeCall({ callId: 'ring-1', state: 'ringing', answeredAt: undefined });

    it('says each successful Save of the wrap-up once', async () => {
        const wrapUp = {
            callId: 'call-1',
            remoteLabel: 'Ada',
            outcome: 'Connected' as const,
            durationSeconds: 3,
            disposition: 'Resolved',
            notes: '',
            dispositionOptions: ['Resolved'],
            dispositionRequired: false,
            saving: false,
            draftSaved: true
        };
        mounted = mount(makeModel({ wrapUp }));
        const seen = watch(statusRegion(mounted.root));
        mounted.view.render(makeModel({ wrapUp: { ...wrapUp, confirmedAt: 1 } }));
        mounted.view.render(makeModel({ wrapUp: { ...wrapUp, confirmedAt: 1 } }));
        await flush();
        expect(seen.texts).toEqual(['Wrap-up saved to the call log']);
        mounted.view.render(makeModel({ wrapUp: { ...wrapUp, confirmedAt: 2 } }));
        await flush();
        expect(seen.texts).toEqual([
            'Wrap-up saved to the call log',
            'Wrap-up saved to the call log'
        ]);
    });

    it('has an assertive region for rings and a polite one for the rest', () => {
        mounted = mount();
        expect(ringRegion(mounted.root).getAttribute('role')).toBe('status');
        expect(ringRegion(mounted.root).getAttribute('aria-atomic')).toBe('true');
        expect(statusRegion(mounted.root).getAttribute('role')).toBe('status');
    });

    it('announces a new ringing call exactly once, however often it re-renders', async () => {
        mounted = mount();
        const seen = watch(ringRegion(mounted.root));
        for (let i = 0; i < 4; i += 1) {
            mounted.view.render(
                makeModel({ calls: [ringing], agentState: i % 2 ? 'Busy' : 'Available' })
            );
            await flush();
        }
        expect(seen.texts).toEqual(['Incoming call from Ada Lovelace']);
    });

    it('announces each further ringing call once, as a call waiting while on a call', async () => {
        mounted = mount(makeModel({ calls: [makeCall({ callId: 'live' })] }));
        const seen = watch(ringRegion(mounted.root));
        mounted.view.render(makeModel({ calls: [makeCall({ callId: 'live' }), ringing] }));
        await flush();
        mounted.view.render(
            makeModel({
                calls: [
                    makeCall({ callId: 'live' }),
                    ringing,
                    { ...ringing, callId: 'ring-2', name: undefined, number: '' }
                ]
            })
        );
        await flush();
        expect(seen.texts).toEqual([
            'Call waiting from Ada Lovelace',
            'Call waiting from Withheld number'
        ]);
    });

    it('reads out a short form of a very long caller name', () => {
        mounted = mount(makeModel({ calls: [{ ...ringing, name: 'N'.repeat(10_000) }] }));
        expect((ringRegion(mounted.root).textContent ?? '').length).toBeLessThan(120);
    });

    it('announces connected, held, resumed and ended politely', () => {
        mounted = mount(makeModel({ calls: [ringing] }));
        const region = statusRegion(mounted.root);
        mounted.view.render(makeModel({ calls: [{ ...ringing, state: 'connected' }] }));
        expect(region.textContent).toBe('Call connected');
        mounted.view.render(makeModel({ calls: [{ ...ringing, state: 'held' }] }));
        expect(region.textContent).toBe('Call on hold');
        mounted.view.render(makeModel({ calls: [{ ...ringing, state: 'connected' }] }));
        expect(region.textContent).toBe('Call resumed');
        mounted.view.render(makeModel());
        expect(region.textContent).toBe('Call ended');
    });

    it('announces an outbound call being placed and connection changes', () => {
        mounted = mount();
        const region = statusRegion(mounted.root);
        mounted.view.render(
            makeModel({
                calls: [makeCall({ direction: 'Outbound', state: 'dialing', name: 'Grace' })]
            })
        );
        expect(region.textContent).toBe('Calling Grace');
        mounted.view.render(
            makeModel({ connection: { status: 'reconnecting', connectorLabel: 'SIP' } })
        );
        expect(region.textContent).toBe('Phone system status: Reconnecting. Call ended');
    });

    it("announces the agent's own Offline as Offline, and a lost line as Disconnected", () => {
        mounted = mount();
        const region = statusRegion(mounted.root);
        mounted.view.render(
            makeModel({
                agentState: 'Offline',
                connection: { status: 'disconnected', connectorLabel: 'SIP', offlineByChoice: true }
            })
        );
        expect(region.textContent).toBe('Phone system status: Offline');
        mounted.view.render(makeModel());
        mounted.view.render(
            makeModel({ connection: { status: 'disconnected', connectorLabel: 'SIP' } })
        );
        expect(region.textContent).toBe('Phone system status: Disconnected');
    });

    it('says at once why a Call was refused, once per refusal', async () => {
        mounted = mount();
        const seen = watch(ringRegion(mounted.root));
        const refused = makeModel({
            dialAttempt: {
                id: 4,
                number: '650.555.0131',
                status: 'refused',
                message: 'Robert Hayes has asked not to be called (Do Not Call)'
            }
        });

        mounted.view.render(refused);
        mounted.view.render(refused);
        await flush();

        expect(seen.texts).toEqual([
            'Call not placed: Robert Hayes has asked not to be called (Do Not Call)'
        ]);
    });
});
