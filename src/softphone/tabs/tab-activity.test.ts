import { chooseScreenPopTab, TabActivity, type TabActivityState } from './tab-activity';
import { FakePage, ManualClock } from './test-support/fake-page';

const T0 = 1_767_225_600_000;

const tabs = (entries: Array<[string, boolean, number]>) =>
    new Map<string, TabActivityState>(
        entries.map(([id, visible, activeAt]) => [id, { visible, activeAt }])
    );

describe('chooseScreenPopTab', () => {
    it('pops in the leader when no tab is known', () => {
        expect(chooseScreenPopTab(new Map(), 'leader')).toBe('leader');
    });

    it('a visible tab beats a hidden one used more recently', () => {
        const known = tabs([
            ['leader', false, T0 + 9000],
            ['tab-b', true, T0],
            ['tab-c', false, T0 + 5000]
        ]);
        expect(chooseScreenPopTab(known, 'leader')).toBe('tab-b');
    });

    it('a visible tab beats a hidden one whichever comes first', () => {
        expect(
            chooseScreenPopTab(
                tabs([
                    ['tab-b', true, T0],
                    ['leader', false, T0 + 9000]
                ]),
                'leader'
            )
        ).toBe('tab-b');
    });

    it('among visible tabs, the one used last wins', () => {
        const known = tabs([
            ['leader', true, T0 + 1000],
            ['tab-b', true, T0 + 3000],
            ['tab-c', true, T0 + 2000]
        ]);
        expect(chooseScreenPopTab(known, 'leader')).toBe('tab-b');
    });

    it('among hidden tabs only, the one used last wins', () => {
        const known = tabs([
            ['tab-b', false, T0 + 1000],
            ['leader', false, T0],
            ['tab-c', false, T0 + 2000]
        ]);
        expect(chooseScreenPopTab(known, 'leader')).toBe('tab-c');
    });

    it.each<[string, Array<[string, boolean, number]>]>([
        [
            'listed last',
            [
                ['tab-b', true, T0],
                ['leader', true, T0]
            ]
        ],
        [
            'listed first',
            [
                ['leader', true, T0],
                ['tab-b', true, T0]
            ]
        ],
        [
            'listed between',
            [
                ['tab-b', false, T0],
                ['leader', false, T0],
                ['tab-c', false, T0]
            ]
        ]
    ])('a tie goes to the leader (%s)', (_label, entries) => {
        expect(chooseScreenPopTab(tabs(entries), 'leader')).toBe('leader');
    });

    it('a tab the leader does not know of yet is still chosen when it is the only one', () => {
        expect(chooseScreenPopTab(tabs([['tab-b', false, T0]]), 'leader')).toBe('tab-b');
    });
});

describe('TabActivity', () => {
    function setup(visibility: DocumentVisibilityState = 'visible') {
        const page = new FakePage(visibility);
        const clock = new ManualClock(T0);
        const activity = new TabActivity(page, clock);
        const changes: TabActivityState[] = [];
        activity.onChange((state) => changes.push(state));
        return { page, clock, activity, changes };
    }

    it('starts from the page as it is, active now', () => {
        expect(setup('visible').activity.current).toEqual({ visible: true, activeAt: T0 });
        expect(setup('hidden').activity.current).toEqual({ visible: false, activeAt: T0 });
    });

    it('coming to the front is a sign of work: activeAt moves to now', () => {
        const { page, clock, activity, changes } = setup('hidden');
        clock.advance(5000);
        page.document.setVisibility('visible');
        expect(activity.current).toEqual({ visible: true, activeAt: T0 + 5000 });
        expect(changes).toEqual([{ visible: true, activeAt: T0 + 5000 }]);
    });

    it('going to the back is not: activeAt stays', () => {
        const { page, clock, activity, changes } = setup('visible');
        clock.advance(5000);
        page.document.setVisibility('hidden');
        expect(activity.current).toEqual({ visible: false, activeAt: T0 });
        expect(changes).toEqual([{ visible: false, activeAt: T0 }]);
    });

    it.each(['focus', 'pointerdown', 'keydown'] as const)(
        'a %s in the window is a sign of work',
        (type) => {
            const { page, clock, activity, changes } = setup('visible');
            clock.advance(1234);
            page.use(type);
            expect(activity.current).toEqual({ visible: true, activeAt: T0 + 1234 });
            expect(changes).toEqual([{ visible: true, activeAt: T0 + 1234 }]);
        }
    );

    it('touch() (a Salesforce navigation) is a sign of work, and rereads visibility', () => {
        const { page, clock, activity, changes } = setup('visible');
        // The browser hid the tab without telling (no event): touch reads the page again.
        page.document.visibilityState = 'hidden';
        clock.advance(700);
        activity.touch();
        expect(activity.current).toEqual({ visible: false, activeAt: T0 + 700 });
        expect(changes).toHaveLength(1);
    });

    it('tells every listener of each change, and stops telling one that unsubscribed', () => {
        const { page, clock, activity, changes } = setup();
        const other: TabActivityState[] = [];
        const unsubscribe = activity.onChange((state) => other.push(state));
        clock.advance(10);
        page.use('focus');
        unsubscribe();
        clock.advance(10);
        page.use('keydown');
        expect(changes.map((state) => state.activeAt)).toEqual([T0 + 10, T0 + 20]);
        expect(other.map((state) => state.activeAt)).toEqual([T0 + 10]);
    });

    it('a listener that unsubscribes another while being told does not stop that one this time', () => {
        const { page, activity } = setup();
        const told: string[] = [];
        let unsubscribeSecond = () => undefined as unknown;
        activity.onChange(() => {
            told.push('first');
            unsubscribeSecond();
        });
        unsubscribeSecond = activity.onChange(() => told.push('second'));
        page.use('focus');
        page.use('focus');
        expect(told).toEqual(['first', 'second', 'first']);
    });

    it('listens to clicks and keys in the capture phase (a handler that stops them does not hide the work)', () => {
        const { page } = setup();
        expect(page.window.listenerCount('pointerdown')).toBe(1);
        expect(page.window.listenerCount('keydown')).toBe(1);
        expect(page.window.hasListener('pointerdown', true)).toBe(true);
        expect(page.window.hasListener('keydown', true)).toBe(true);
        expect(page.window.hasListener('focus', false)).toBe(true);
        expect(page.document.hasListener('visibilitychange', false)).toBe(true);
    });

    it('dispose removes every listener it added and stops telling', () => {
        const { page, clock, activity, changes } = setup();
        expect(page.listenerCount()).toBe(4);
        activity.dispose();
        expect(page.listenerCount()).toBe(0);
        clock.advance(1000);
        page.use('focus');
        page.use('pointerdown');
        page.use('keydown');
        page.document.setVisibility('hidden');
        page.document.setVisibility('visible');
        expect(activity.current).toEqual({ visible: true, activeAt: T0 });
        expect(changes).toEqual([]);
    });
});
