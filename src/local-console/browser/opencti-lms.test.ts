import { wiredConsole } from './test-support/wired-console';

describe('LMS between the softphone and the local console', () => {
    it('carries LMS messages both ways and logs them', async () => {
        const lc = await wiredConsole();
        const listener = jest.fn();
        const subscribed = await lc.call('subscribe', {
            channelName: 'Softphone_Message__c',
            listener
        });
        expect(subscribed['subscription']).toEqual({
            channelName: 'Softphone_Message__c',
            subscriptionId: 'subscribe-1'
        });
        const ping = { version: 1, type: 'ping', requestId: 'r1', payload: {} };
        expect(lc.host.publishFromConsole('Softphone_Message__c', ping)).toBe(1);
        expect(listener).toHaveBeenCalledWith(ping);
        const pong = { version: 1, type: 'pong', requestId: 'r1', payload: {} };
        await lc.call('publish', { channelName: 'Softphone_Message__c', message: pong });
        expect(lc.lmsLog.entries().map((entry) => [entry.direction, entry.message])).toEqual([
            ['toSoftphone', ping],
            ['fromSoftphone', pong]
        ]);
        expect(listener).toHaveBeenLastCalledWith(pong); // LMS also delivers to the publisher
        await lc.call('unsubscribe', { subscription: subscribed['subscription'] });
        expect(lc.host.publishFromConsole('Softphone_Message__c', ping)).toBe(0);
        expect(await lc.call('publish', { channelName: 'Nope__c', message: {} })).toMatchObject({
            success: false
        });
    });

    it('does not deliver the softphone its own messages with lms.echo=false', async () => {
        const lc = await wiredConsole();
        lc.host.lmsEcho = false;
        const listener = jest.fn();
        await lc.call('subscribe', { channelName: 'Softphone_Message__c', listener });
        const pong = { version: 1, type: 'pong', requestId: 'r1', payload: {} };
        await lc.call('publish', { channelName: 'Softphone_Message__c', message: pong });
        expect(listener).not.toHaveBeenCalled();
        expect(lc.lmsLog.entries().at(-1)).toMatchObject({
            direction: 'fromSoftphone',
            delivered: 0
        });
    });
});
