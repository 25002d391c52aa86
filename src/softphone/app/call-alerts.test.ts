import { makeCall, makeModel } from '../ui/test-support/softphone-fixtures';
import { CallAlerts, utilityItemFor, type CallAlertsOptions } from './call-alerts';

const missedNotice = (callId: string) => ({
    id: `missed-call-${callId}`,
    kind: 'warning' as const,
    message: 'Missed call from Maria Lopez.',
    callBack: '+14155550101'
});

function setup(overrides: Partial<CallAlertsOptions> = {}) {
    const ringer = { start: jest.fn(), stop: jest.fn() };
    const notifier = { notify: jest.fn() };
    const setUtilityItem = jest.fn();
    const showPanel = jest.fn();
    const options: CallAlertsOptions = {
        ringer,
        notifier,
        setUtilityItem,
        showPanel,
        pageHidden: () => false,
        panelVisible: () => Promise.resolve(true),
        ...overrides
    };
    return { alerts: new CallAlerts(options), ringer, notifier, setUtilityItem, showPanel };
}

const flush = async () => {
    for (let i = 0; i < 5; i++) {
        await Promise.resolve();
    }
};

describe('utilityItemFor', () => {
    it('names the ringing caller, then the live call, then unseen missed calls, else Phone', () => {
        const ringing = makeCall({ state: 'ringing', name: 'Maria Lopez' });
        expect(utilityItemFor(makeModel({ calls: [ringing] }))).toEqual({
            label: 'Incoming: Maria Lopez',
            icon: 'incoming_call'
        });
        expect(utilityItemFor(makeModel({ calls: [makeCall({ state: 'held' })] }))).toEqual({
            label: 'On a call',
            icon: 'phone_portrait'
        });
        expect(
            utilityItemFor(makeModel({ notices: [missedNotice('a'), missedNotice('b')] }))
        ).toEqual({ label: 'Phone · 2 missed', icon: 'missed_call' });
        expect(
            utilityItemFor(
                makeModel({ notices: [{ id: 'log-not-durable', kind: 'warning', message: 'x' }] })
            )
        ).toEqual({ label: 'Phone', icon: 'call' });
    });

    it('names a caller without a name by number, and keeps the label within 80 characters', () => {
        const withheld = makeCall({ state: 'ringing', name: undefined, number: '' });
        expect(utilityItemFor(makeModel({ calls: [withheld] })).label).toBe(
            'Incoming: Withheld number'
        );
        const long = makeCall({ state: 'ringing', name: 'N'.repeat(100) });
        const label = utilityItemFor(makeModel({ calls: [long] })).label;
        expect(label).toHaveLength(80);
        expect(label.endsWith('…')).toBe(true);
    });
});

describe('CallAlerts', () => {
    it('rings while a call rings and stops when none does', () => {
        const { alerts, ringer } = setup();
        alerts.update(makeModel({ calls: [makeCall({ state: 'ringing' })] }));
        expect(ringer.start).toHaveBeenCalledTimes(1);
        alerts.update(makeModel({ calls: [makeCall({ state: 'connected' })] }));
        expect(ringer.stop).toHaveBeenCalledTimes(1);
    });

    it('pushes the utility item at start (a reload may leave an old label) and then on change', () => {
        const { alerts, setUtilityItem } = setup();
        alerts.update(makeModel());
        alerts.update(makeModel());
        expect(setUtilityItem.mock.calls).toEqual([[{ label: 'Phone', icon: 'call' }]]);
        setUtilityItem.mockClear();
        const ringing = makeModel({ calls: [makeCall({ state: 'ringing', name: 'Maria' })] });
        alerts.update(ringing);
        alerts.update(ringing);
        alerts.update(makeModel());
        expect(setUtilityItem.mock.calls).toEqual([
            [{ label: 'Incoming: Maria', icon: 'incoming_call' }],
            [{ label: 'Phone', icon: 'call' }]
        ]);
    });

    it('notifies once per call when the tab is hidden, in plain text', async () => {
        const { alerts, notifier } = setup({ pageHidden: () => true });
        const model = makeModel({
            calls: [makeCall({ callId: 'c1', state: 'ringing', name: '<b>Maria</b>' })]
        });
        alerts.update(model);
        alerts.update(model);
        await flush();
        expect(notifier.notify.mock.calls).toEqual([
            [{ tag: 'c1', title: 'Incoming call', body: '<b>Maria</b>' }]
        ]);
    });

    it('does not notify an agent who sees the softphone', async () => {
        const { alerts, notifier } = setup();
        alerts.update(makeModel({ calls: [makeCall({ state: 'ringing' })] }));
        await flush();
        expect(notifier.notify).not.toHaveBeenCalled();
    });

    it('notifies a call that rang into a minimised panel, asked before the panel opens', async () => {
        const order: string[] = [];
        let visible = false;
        const { alerts, notifier, showPanel } = setup({
            panelVisible: () => {
                order.push('asked');
                return Promise.resolve(visible);
            }
        });
        showPanel.mockImplementation(() => {
            order.push('shown');
            visible = true;
        });
        alerts.revealPanel();
        alerts.update(makeModel({ calls: [makeCall({ callId: 'c1', state: 'ringing' })] }));
        await flush();
        expect(order).toEqual(['asked', 'shown']);
        expect(notifier.notify).toHaveBeenCalledTimes(1);
    });

    it('reads a failed visibility question as visible, and still opens the panel', async () => {
        const { alerts, notifier, showPanel } = setup({
            panelVisible: () => Promise.reject(new Error('no Open CTI'))
        });
        alerts.revealPanel();
        alerts.update(makeModel({ calls: [makeCall({ state: 'ringing' })] }));
        await flush();
        expect(showPanel).toHaveBeenCalledTimes(1);
        expect(notifier.notify).not.toHaveBeenCalled();
    });

    it('asks about the panel itself for a call that rang without revealPanel, and forgets ended calls', async () => {
        const panelVisible = jest.fn(() => Promise.resolve(false));
        const { alerts, notifier } = setup({ panelVisible });
        const ringing = makeModel({ calls: [makeCall({ callId: 'c1', state: 'ringing' })] });
        alerts.update(ringing);
        alerts.update(makeModel());
        alerts.update(ringing);
        await flush();
        expect(panelVisible).toHaveBeenCalledTimes(2);
        expect(notifier.notify).toHaveBeenCalledTimes(2);
    });
});
