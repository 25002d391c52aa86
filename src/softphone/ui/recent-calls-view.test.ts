/** @jest-environment jsdom */
import { formatCallTime } from './recent-calls-view';
import {
    T0,
    buttonNamed,
    cleanUp,
    makeModel,
    mount,
    queryButton,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';
import type { RecentCallView } from './view-model';

function recent(overrides: Partial<RecentCallView> = {}): RecentCallView {
    return {
        callId: 'r1',
        direction: 'Inbound',
        number: '+44 20 7946 0018',
        name: 'Ada Lovelace',
        endedAt: T0 - 60_000,
        outcome: 'Connected',
        durationSeconds: 135,
        ...overrides
    };
}

describe('recent calls', () => {
    let mounted: Mounted | undefined;
    beforeEach(() => jest.useFakeTimers({ now: T0 }));
    afterEach(() => {
        cleanUp(mounted);
        jest.useRealTimers();
    });

    const items = (root: HTMLElement) => [...root.querySelectorAll('.softphone-recent__item')];
    /** Recent calls share a tab set with the keypad: the agent opens their tab. */
    const openTab = (root: HTMLElement) => buttonNamed(root, 'Recent calls').click();

    it('says so when there are none', () => {
        mounted = mount();
        expect(visibleText(mounted.root.querySelector('.softphone-recent') as Element)).toBe(
            'Recent calls No recent calls'
        );
    });

    it('shows direction, name, time, duration and outcome', () => {
        mounted = mount(
            makeModel({
                recentCalls: [
                    recent(),
                    recent({
                        callId: 'r2',
                        direction: 'Outbound',
                        name: undefined,
                        number: '+1 415-555-0132',
                        outcome: 'No Answer',
                        durationSeconds: 0
                    })
                ]
            })
        );
        const [first, second] = items(mounted.root);
        const time = formatCallTime(T0 - 60_000, T0);
        expect(visibleText(first as Element)).toBe(
            `↙ Ada Lovelace ${time} · 2:15 · Connected Redial`
        );
        expect(visibleText(second as Element)).toBe(
            `↗ +1 415-555-0132 ${time} · 0:00 · No Answer Redial`
        );
        const arrows = [...mounted.root.querySelectorAll('.softphone-recent__arrow')];
        expect(arrows.map((a) => [a.getAttribute('role'), a.getAttribute('aria-label')])).toEqual([
            ['img', 'Inbound call'],
            ['img', 'Outbound call']
        ]);
    });

    it('dates each call: today, yesterday, the day, and the year for another year', () => {
        const at = (text: string) => new Date(text).getTime();
        const now = at('2025-03-10T15:00:00');
        const time = (value: number) =>
            new Date(value).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
        expect(formatCallTime(at('2025-03-10T09:30:00'), now)).toBe(
            `Today, ${time(at('2025-03-10T09:30:00'))}`
        );
        expect(formatCallTime(at('2025-03-09T23:10:00'), now)).toBe(
            `Yesterday, ${time(at('2025-03-09T23:10:00'))}`
        );
        const older = at('2025-03-03T10:42:00');
        expect(formatCallTime(older, now)).toContain(
            new Date(older).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
        );
        expect(formatCallTime(older, now)).not.toContain('2025');
        expect(formatCallTime(at('2024-12-30T10:42:00'), now)).toContain('2024');
    });

    it('Redial dials the number', () => {
        mounted = mount(makeModel({ recentCalls: [recent()] }));
        openTab(mounted.root);
        buttonNamed(mounted.root, 'Redial Ada Lovelace').click();
        expect(mounted.actions.dial).toHaveBeenCalledWith('+44 20 7946 0018');
    });

    it("links a call's record: its name opens it", () => {
        mounted = mount(
            makeModel({
                recentCalls: [
                    recent({ record: { recordId: '003000000000001AAA', objectType: 'Contact' } }),
                    recent({ callId: 'r2', name: 'No record' })
                ]
            })
        );
        openTab(mounted.root);
        const link = buttonNamed(mounted.root, 'Ada Lovelace');
        expect(link.title).toBe('Open the Contact Ada Lovelace');
        link.click();
        expect(mounted.actions.openRecord).toHaveBeenCalledWith('003000000000001AAA');
        expect(queryButton(mounted.root, 'No record')).toBeUndefined();
    });

    it('has no Redial for a withheld number', () => {
        mounted = mount(makeModel({ recentCalls: [recent({ number: '', name: undefined })] }));
        expect(visibleText(items(mounted.root)[0] as Element)).toContain('Withheld number');
        expect(queryButton(mounted.root, 'Redial Withheld number')).toBeUndefined();
    });

    it('disables Redial when dialing is not allowed', () => {
        mounted = mount(makeModel({ canDial: false, recentCalls: [recent()] }));
        openTab(mounted.root);
        expect(buttonNamed(mounted.root, 'Redial Ada Lovelace').disabled).toBe(true);
    });

    it('shows at most ten, newest first as given', () => {
        const calls = Array.from({ length: 12 }, (_, i) =>
            recent({ callId: `r${i}`, name: `Caller ${i}` })
        );
        mounted = mount(makeModel({ recentCalls: calls }));
        const shown = items(mounted.root);
        expect(shown).toHaveLength(10);
        expect(shown[0]?.textContent).toContain('Caller 0');
        expect(shown[9]?.textContent).toContain('Caller 9');
    });

    it('re-keys by call id: a new call on top leaves the other rows in place', () => {
        mounted = mount(makeModel({ recentCalls: [recent()] }));
        const [row] = items(mounted.root);
        mounted.view.render(
            makeModel({ recentCalls: [recent({ callId: 'r0', name: 'Newest' }), recent()] })
        );
        const rows = items(mounted.root);
        expect(rows).toHaveLength(2);
        expect(rows[1]).toBe(row);
        expect(rows[0]?.textContent).toContain('Newest');
    });
});
