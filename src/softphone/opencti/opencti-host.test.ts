import { OpenCtiError } from './opencti-error';
import { DEFAULT_OPEN_CTI_TIMEOUT_MS, OpenCtiHost } from './opencti-host';
import { FakeOpenCti, ManualTimers, NO_ANSWER } from './test-support/fake-open-cti';

function setup(options: { timeoutMs?: number } = {}) {
    const fake = new FakeOpenCti();
    const timers = new ManualTimers();
    const listenerErrors: unknown[] = [];
    const host = new OpenCtiHost(fake, {
        timers,
        timeoutMs: options.timeoutMs,
        onListenerError: (error) => listenerErrors.push(error)
    });
    return { fake, timers, host, listenerErrors };
}

async function rejection(promise: Promise<unknown>): Promise<OpenCtiError> {
    try {
        await promise;
    } catch (error) {
        if (error instanceof OpenCtiError) {
            return error;
        }
        throw error;
    }
    throw new Error('expected the promise to reject');
}

describe('OpenCtiHost: success', () => {
    it('resolves with returnValue', async () => {
        const { fake, host } = setup();
        fake.succeed('getCallCenterSettings', {
            '/reqGeneralInfo/reqAdapterUrl': '/apex/Softphone'
        });
        await expect(host.getCallCenterSettings()).resolves.toEqual({
            '/reqGeneralInfo/reqAdapterUrl': '/apex/Softphone'
        });
    });

    it('reads the softphone layout', async () => {
        const { fake, host } = setup();
        fake.succeed('getSoftphoneLayout', { Inbound: { objects: {} } });
        await expect(host.getSoftphoneLayout()).resolves.toEqual({ Inbound: { objects: {} } });
    });

    it('passes one object argument with the documented names and a callback', async () => {
        const { fake, host } = setup();
        await host.setSoftphonePanelHeight(400);
        await host.setSoftphonePanelWidth(300);
        await host.setSoftphonePanelVisibility(true);
        await host.setSoftphoneItemIcon('call');
        await host.setSoftphoneItemLabel('On call');
        await host.notifyInitializationComplete();
        await host.refreshView();
        await host.enableClickToDial();
        await host.disableClickToDial();
        const [height, width, visibility, icon, label] = fake.calls.map((call) => call.args);
        expect(height).toMatchObject({ heightPX: 400 });
        expect(width).toMatchObject({ widthPX: 300 });
        expect(visibility).toMatchObject({ visible: true });
        expect(icon).toMatchObject({ key: 'call' });
        expect(label).toMatchObject({ label: 'On call' });
        expect(fake.calls.map((call) => call.method)).toEqual([
            'setSoftphonePanelHeight',
            'setSoftphonePanelWidth',
            'setSoftphonePanelVisibility',
            'setSoftphoneItemIcon',
            'setSoftphoneItemLabel',
            'notifyInitializationComplete',
            'refreshView',
            'enableClickToDial',
            'disableClickToDial'
        ]);
        expect(fake.calls.every((call) => typeof call.args.callback === 'function')).toBe(true);
    });

    it('resolves void methods with undefined whatever returnValue says', async () => {
        const { fake, host } = setup();
        fake.succeed('refreshView', true);
        await expect(host.refreshView()).resolves.toBeUndefined();
    });

    it('calls the library method with sforce.opencti as `this`', async () => {
        const fake = new FakeOpenCti();
        const receivers: unknown[] = [];
        const api = {
            ...fake,
            refreshView(this: unknown, args: { callback?: (response: unknown) => void }) {
                receivers.push(this);
                args.callback?.({ success: true, returnValue: null, errors: null });
            }
        };
        await new OpenCtiHost(api).refreshView();
        expect(receivers).toEqual([api]);
    });

    it('saveLog passes the value and resolves with the record id', async () => {
        const { fake, host } = setup();
        fake.succeed('saveLog', 'a00000000000001AAA');
        const value = { entityApiName: 'Phone_Call__c', Direction__c: 'Inbound', Duration__c: 42 };
        await expect(host.saveLog(value)).resolves.toBe('a00000000000001AAA');
        expect(fake.callsOf('saveLog')[0]?.args.value).toEqual(value);
    });

    it('saveLog resolves with the Id when Salesforce answers { recordId }', async () => {
        const { fake, host } = setup();
        fake.succeed('saveLog', { recordId: 'a00000000000001AAA' });
        await expect(host.saveLog({ Id: 'a00000000000001AAA' })).resolves.toBe(
            'a00000000000001AAA'
        );
    });

    it('saveLog resolves null when Salesforce answers no Id', async () => {
        const { fake, host } = setup();
        fake.succeed('saveLog', null);
        await expect(host.saveLog({ Id: 'a00000000000001AAA' })).resolves.toBeNull();
    });

    it('saveLog rejects any other answer as unexpected, saying what came back', async () => {
        const { fake, host } = setup();
        fake.succeed('saveLog', { id: 'a00000000000001AAA' });
        const error = await rejection(host.saveLog({ entityApiName: 'Phone_Call__c' }));
        expect(error.name).toBe('OpenCtiError');
        expect(error.reason).toBe('unexpected');
        expect(error.message).toContain('The saveLog answer from Salesforce was not understood');
        expect(error.message).toContain('without recordId (keys: id)');
    });

    it.each([
        [{ visible: false }, false],
        [{ visible: true }, true],
        [null, true],
        [{ visible: 'no' }, true]
    ])('isSoftphonePanelVisible reads %j as %s', async (returnValue, visible) => {
        const { fake, host } = setup();
        fake.succeed('isSoftphonePanelVisible', returnValue);
        await expect(host.isSoftphonePanelVisible()).resolves.toBe(visible);
    });

    it('getAppViewInfo resolves with the raw view info', async () => {
        const { fake, host } = setup();
        fake.succeed('getAppViewInfo', { url: '/lightning/page/home' });
        await expect(host.getAppViewInfo()).resolves.toEqual({ url: '/lightning/page/home' });
    });
});

describe('OpenCtiHost: failures', () => {
    it('rejects with Salesforce error descriptions joined, codes and method', async () => {
        const { fake, host } = setup();
        fake.fail('saveLog', [
            { code: 'GENERIC_ERROR', description: 'An error occurred while calling saveLog.' },
            {
                code: 'INVALID_PARAM',
                description: 'Required fields are missing.',
                details: [{ message: 'Subject: value required' }]
            }
        ]);
        const error = await rejection(host.saveLog({ entityApiName: 'Task' }));
        expect(error).toBeInstanceOf(Error);
        expect(error.name).toBe('OpenCtiError');
        expect(error.method).toBe('saveLog');
        expect(error.reason).toBe('failed');
        expect(error.codes).toEqual(['GENERIC_ERROR', 'INVALID_PARAM']);
        expect(error.errors).toEqual([
            'An error occurred while calling saveLog.',
            'Required fields are missing.',
            'Subject: value required'
        ]);
        expect(error.message).toBe(
            'An error occurred while calling saveLog.; Required fields are missing.; Subject: value required'
        );
    });

    it('accepts plain string errors and the `error` spelling some pages use', async () => {
        const { fake, host } = setup();
        fake.answer('getCallCenterSettings', {
            success: false,
            returnValue: null,
            error: ['No call center for this user']
        });
        const error = await rejection(host.getCallCenterSettings());
        expect(error.message).toBe('No call center for this user');
    });

    it.each([null, [], [{}], [{ code: 'SERVER_ERROR' }], [42]])(
        'says the method failed without an error message when errors are %j',
        async (errors) => {
            const { fake, host } = setup();
            fake.fail('screenPop', errors);
            const error = await rejection(
                host.screenPop({ type: 'SOBJECT', params: { recordId: '003000000000001' } })
            );
            expect(error.message).toBe('screenPop failed without an error message');
            expect(error.errors).toEqual([]);
        }
    );

    it('treats an unreadable response as a failure', async () => {
        const { fake, host } = setup();
        fake.answer('refreshView', 'ok');
        const error = await rejection(host.refreshView());
        expect(error.reason).toBe('failed');
        expect(error.message).toBe('Salesforce sent an unreadable response');
    });

    it('rejects when the library throws', async () => {
        const { fake, host } = setup();
        fake.answer('saveLog', () => {
            throw new Error('Invalid arguments');
        });
        const error = await rejection(host.saveLog({ Id: '00T000000000001' }));
        expect(error.reason).toBe('threw');
        expect(error.message).toBe('Invalid arguments');
    });

    it('rejects when the method is missing (older API version)', async () => {
        const fake = new FakeOpenCti();
        const api = { ...fake, publish: undefined };
        const error = await rejection(new OpenCtiHost(api).publish('Softphone_Event__c', {}));
        expect(error.reason).toBe('unavailable');
        expect(error.message).toContain('publish()');
    });
});

describe('OpenCtiHost: timeouts', () => {
    it('rejects when the callback never comes, after the default 15 s', async () => {
        const { fake, host, timers } = setup();
        fake.answer('getCallCenterSettings', NO_ANSWER);
        const pending = host.getCallCenterSettings();
        expect(timers.delays).toEqual([DEFAULT_OPEN_CTI_TIMEOUT_MS]);
        timers.fireAll();
        const error = await rejection(pending);
        expect(error.reason).toBe('timeout');
        expect(error.method).toBe('getCallCenterSettings');
        expect(error.message).toBe(
            'Salesforce did not answer getCallCenterSettings within 15 seconds'
        );
    });

    it('uses the configured timeout and ignores a late answer', async () => {
        const { fake, host, timers } = setup({ timeoutMs: 2500 });
        let late: ((response: unknown) => void) | undefined;
        fake.answer('refreshView', (args) => {
            late = args.callback as (response: unknown) => void;
            return NO_ANSWER;
        });
        const pending = host.refreshView();
        expect(timers.delays).toEqual([2500]);
        timers.fireAll();
        late?.({ success: true, returnValue: null, errors: null });
        expect((await rejection(pending)).message).toContain('within 2.5 seconds');
    });

    it('clears the timer once Salesforce answers', async () => {
        const { host, timers } = setup();
        await host.refreshView();
        expect(timers.delays).toEqual([]);
    });

    it('falls back to the default for a nonsensical timeout', () => {
        const timers = new ManualTimers();
        const fake = new FakeOpenCti().answer('refreshView', NO_ANSWER);
        void new OpenCtiHost(fake, { timers, timeoutMs: -1 }).refreshView().catch(() => undefined);
        expect(timers.delays).toEqual([DEFAULT_OPEN_CTI_TIMEOUT_MS]);
    });
});

describe('OpenCtiHost: screen pops', () => {
    it('maps the screen pop type to the library enum and passes params', async () => {
        const { fake, host } = setup();
        await host.screenPop({
            type: 'NEW_RECORD_MODAL',
            params: { entityName: 'Contact', defaultFieldValues: { Phone: '+14155552671' } }
        });
        expect(fake.callsOf('screenPop')[0]?.args).toMatchObject({
            type: 'newRecord',
            params: { entityName: 'Contact', defaultFieldValues: { Phone: '+14155552671' } }
        });
    });

    it('rejects a screen pop type the library does not define', async () => {
        const fake = new FakeOpenCti();
        const api = { ...fake, SCREENPOP_TYPE: { SOBJECT: 'sobject' } };
        const error = await rejection(
            new OpenCtiHost(api).screenPop({ type: 'SEARCH', params: { searchString: 'Acme' } })
        );
        expect(error.reason).toBe('unavailable');
        expect(error.message).toBe('The Open CTI library has no SCREENPOP_TYPE.SEARCH');
        expect(fake.calls).toEqual([]);
    });

    it('searchAndScreenPop maps the call type and resolves with the raw matches', async () => {
        const { fake, host } = setup();
        const raw = { '003000000000001AAA': { Id: '003000000000001AAA', RecordType: 'Contact' } };
        fake.succeed('searchAndScreenPop', raw);
        await expect(
            host.searchAndScreenPop({
                searchParams: '+14155552671',
                callType: 'inbound',
                deferred: true,
                defaultFieldValues: { Phone: '+14155552671' }
            })
        ).resolves.toBe(raw);
        expect(fake.callsOf('searchAndScreenPop')[0]?.args).toMatchObject({
            searchParams: '+14155552671',
            callType: 'inbound',
            deferred: true,
            defaultFieldValues: { Phone: '+14155552671' }
        });
    });

    it('uses the library CALL_TYPE value, or the documented lower-case string without one', async () => {
        const fake = new FakeOpenCti();
        const withEnum = { ...fake, CALL_TYPE: { OUTBOUND: 'OUT' } };
        await new OpenCtiHost(withEnum).searchAndScreenPop({
            searchParams: 'Acme',
            callType: 'outbound'
        });
        await new OpenCtiHost({ ...fake, CALL_TYPE: undefined }).searchAndScreenPop({
            searchParams: 'Acme',
            callType: 'internal'
        });
        const [first, second] = fake.callsOf('searchAndScreenPop').map((call) => call.args);
        expect(first).toMatchObject({ callType: 'OUT', deferred: false });
        expect(second).toMatchObject({ callType: 'internal' });
        expect(first).not.toHaveProperty('queryParams');
    });
});

describe('OpenCtiHost: listeners', () => {
    it('passes click-to-dial payloads through unvalidated', () => {
        const { fake, host } = setup();
        const payloads: unknown[] = [];
        host.onClickToDial((payload) => payloads.push(payload));
        fake.fire('onClickToDial', { number: '4155552671' });
        fake.fire('onClickToDial', 'not even an object');
        expect(payloads).toEqual([{ number: '4155552671' }, 'not even an object']);
    });

    it('passes navigation payloads through', () => {
        const { fake, host } = setup();
        const payloads: unknown[] = [];
        host.onNavigationChange((payload) => payloads.push(payload));
        fake.fire('onNavigationChange', { url: '/x', recordId: '' });
        expect(payloads).toEqual([{ url: '/x', recordId: '' }]);
    });

    it('keeps a throwing listener away from the Salesforce library', () => {
        const { fake, host, listenerErrors } = setup();
        const boom = new Error('boom');
        host.onClickToDial(() => {
            throw boom;
        });
        expect(() => fake.fire('onClickToDial', {})).not.toThrow();
        expect(listenerErrors).toEqual([boom]);
    });

    it('throws an OpenCtiError when the listener method is missing', () => {
        const api = { ...new FakeOpenCti(), onClickToDial: undefined };
        expect(() => new OpenCtiHost(api).onClickToDial(() => undefined)).toThrow(OpenCtiError);
    });
});

describe('OpenCtiHost: Lightning Message Service', () => {
    it('subscribes, delivers messages as unknown, and unsubscribes with the same handle', async () => {
        const { fake, host } = setup();
        const messages: unknown[] = [];
        const subscription = await host.subscribe('Softphone_Event__c', (m) => messages.push(m));
        expect(subscription).toEqual({
            channelName: 'Softphone_Event__c',
            handle: { id: 'Softphone_Event__c' }
        });
        fake.fire('Softphone_Event__c', { type: 'ping', requestId: '1' });
        expect(messages).toEqual([{ type: 'ping', requestId: '1' }]);
        await host.unsubscribe(subscription);
        expect(fake.callsOf('unsubscribe')[0]?.args.subscription).toEqual({
            id: 'Softphone_Event__c'
        });
    });

    it('accepts the subscription under returnValue too', async () => {
        const { fake, host } = setup();
        fake.succeed('subscribe', { subscription: 'sub-1' });
        await expect(host.subscribe('Softphone_Event__c', () => undefined)).resolves.toEqual({
            channelName: 'Softphone_Event__c',
            handle: 'sub-1'
        });
    });

    it('rejects when Salesforce answers without a subscription', async () => {
        const { fake, host } = setup();
        fake.succeed('subscribe', null);
        const error = await rejection(host.subscribe('Softphone_Event__c', () => undefined));
        expect(error.reason).toBe('unexpected');
    });

    it('publishes the message on the channel', async () => {
        const { fake, host } = setup();
        await host.publish('Softphone_Event__c', { type: 'pong', requestId: '1' });
        expect(fake.callsOf('publish')[0]?.args).toMatchObject({
            channelName: 'Softphone_Event__c',
            message: { type: 'pong', requestId: '1' }
        });
    });
});
