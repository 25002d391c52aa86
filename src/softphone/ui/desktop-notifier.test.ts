import { DesktopNotifier } from './desktop-notifier';

class FakeNotification {
    static permission: NotificationPermission = 'default';
    static shown: FakeNotification[] = [];
    static requestPermission = jest.fn(() => Promise.resolve<NotificationPermission>('granted'));
    onclick: (() => void) | null = null;
    closed = false;
    constructor(
        readonly title: string,
        readonly options: NotificationOptions
    ) {
        FakeNotification.shown.push(this);
    }
    close(): void {
        this.closed = true;
    }
}

function setup(api: unknown = FakeNotification) {
    FakeNotification.permission = 'default';
    FakeNotification.shown = [];
    const bringForward = jest.fn();
    const notifier = new DesktopNotifier({
        window: { Notification: api } as unknown as Window,
        bringForward
    });
    return { notifier, bringForward };
}

describe('DesktopNotifier', () => {
    it('says unsupported where the browser has no Notification', async () => {
        const { notifier } = setup(null);
        expect(notifier.permission()).toBe('unsupported');
        await expect(notifier.requestPermission()).resolves.toBe('unsupported');
        expect(() => notifier.notify({ tag: 'c1', title: 't', body: 'b' })).not.toThrow();
    });

    it("asks the browser when asked (the agent's click) and reports its answer", async () => {
        const { notifier } = setup();
        await expect(notifier.requestPermission()).resolves.toBe('granted');
        FakeNotification.requestPermission.mockRejectedValueOnce(new Error('no gesture'));
        await expect(notifier.requestPermission()).resolves.toBe('default');
    });

    it('shows nothing without permission', () => {
        const { notifier } = setup();
        notifier.notify({ tag: 'c1', title: 'Incoming call', body: 'Maria' });
        expect(FakeNotification.shown).toEqual([]);
    });

    it('shows plain text, and a click brings the softphone forward and closes it', () => {
        const { notifier, bringForward } = setup();
        FakeNotification.permission = 'granted';
        notifier.notify({ tag: 'c1', title: 'Incoming call', body: '<b>Maria</b>' });
        const [shown] = FakeNotification.shown;
        expect(shown?.title).toBe('Incoming call');
        expect(shown?.options).toMatchObject({ body: '<b>Maria</b>', tag: 'c1' });
        shown?.onclick?.();
        expect(bringForward).toHaveBeenCalledTimes(1);
        expect(shown?.closed).toBe(true);
    });

    it('survives a browser that throws on new Notification', () => {
        class Throwing {
            static permission = 'granted';
            constructor() {
                throw new TypeError('Illegal constructor');
            }
        }
        const { notifier } = setup(Throwing);
        expect(() => notifier.notify({ tag: 'c1', title: 't', body: 'b' })).not.toThrow();
    });
});
