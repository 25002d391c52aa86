import type { LmsArea } from './lms-bus';
import { LmsBus } from './lms-bus';

const channel = { channelName: 'Softphone_Message__c' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function area(active: boolean): LmsArea & { active: boolean } {
    const value = { active, isActive: () => value.active };
    return value;
}

describe('LmsBus: the components’ Lightning Message Service', () => {
    it('hands a component’s publish to the softphone and to the other subscribers', async () => {
        const toSoftphone = jest.fn();
        const bus = new LmsBus(toSoftphone);
        const heard = jest.fn();
        bus.subscribe({ area: area(true) }, channel, heard, false);
        bus.publishFromComponent(channel, { type: 'ping' });
        expect(toSoftphone).toHaveBeenCalledWith('Softphone_Message__c', { type: 'ping' });
        expect(heard).not.toHaveBeenCalled(); // asynchronously, as LMS does
        await flush();
        expect(heard).toHaveBeenCalledWith({ type: 'ping' });
    });

    it('delivers the softphone’s messages by scope: APPLICATION_SCOPE always, the active area only while active', async () => {
        const bus = new LmsBus(jest.fn());
        const hidden = area(false);
        const application = jest.fn();
        const activeArea = jest.fn();
        const inactiveArea = jest.fn();
        bus.subscribe({ area: hidden }, channel, application, true);
        bus.subscribe({ area: area(true) }, channel, activeArea, false);
        bus.subscribe({ area: hidden }, channel, inactiveArea, false);
        bus.publishFromSoftphone('Softphone_Message__c', { type: 'state' });
        await flush();
        expect(application).toHaveBeenCalledTimes(1);
        expect(activeArea).toHaveBeenCalledTimes(1);
        expect(inactiveArea).not.toHaveBeenCalled();
        hidden.active = true;
        bus.publishFromSoftphone('Softphone_Message__c', { type: 'state' });
        await flush();
        expect(inactiveArea).toHaveBeenCalledTimes(1);
    });

    it('gives each listener its own copy, only on its channel, and stops after unsubscribe', async () => {
        const bus = new LmsBus(jest.fn());
        const first = jest.fn((message: unknown) => {
            (message as { n: number }).n = 99;
        });
        const second = jest.fn();
        const other = jest.fn();
        bus.subscribe(undefined, channel, first, false);
        const subscription = bus.subscribe(undefined, channel, second, false);
        bus.subscribe(undefined, { channelName: 'Other__c' }, other, true);
        bus.publishFromSoftphone('Softphone_Message__c', { n: 1 });
        await flush();
        expect(second).toHaveBeenCalledWith({ n: 1 });
        expect(other).not.toHaveBeenCalled();
        bus.unsubscribe(subscription);
        bus.publishFromSoftphone('Softphone_Message__c', { n: 2 });
        await flush();
        expect(second).toHaveBeenCalledTimes(1);
        expect(bus.subscriptionCount()).toBe(2);
    });

    it('refuses what LMS refuses: a channel that is not an import, a listener that is not a function, a message that is not serializable', () => {
        const bus = new LmsBus(jest.fn());
        expect(() =>
            bus.publishFromComponent('Softphone_Message__c' as unknown as typeof channel, {})
        ).toThrow('must be an @salesforce/messageChannel import');
        expect(() => bus.subscribe(undefined, channel, 'x' as never, false)).toThrow(
            'the listener must be a function'
        );
        const cyclic: Record<string, unknown> = {};
        cyclic['self'] = cyclic;
        expect(() => bus.publishFromComponent(channel, cyclic)).toThrow('not serializable');
    });

    it('ends the subscriptions of a released context, and only those', async () => {
        const bus = new LmsBus(jest.fn());
        const released = { area: area(true) };
        const kept = { area: area(true) };
        const gone = jest.fn();
        const stays = jest.fn();
        bus.subscribe(released, channel, gone, true);
        bus.subscribe(released, { channelName: 'Other__c' }, gone, true);
        bus.subscribe(kept, channel, stays, true);
        bus.release(released);
        bus.release(undefined);
        expect(bus.subscriptionCount()).toBe(1);
        bus.publishFromSoftphone('Softphone_Message__c', { type: 'state' });
        await flush();
        expect(gone).not.toHaveBeenCalled();
        expect(stays).toHaveBeenCalledTimes(1);
    });
});
