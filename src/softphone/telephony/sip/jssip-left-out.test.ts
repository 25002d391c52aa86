import { leftOutJsSipClass, silentDebug } from './jssip-left-out';

describe('the JsSIP parts left out of the softphone build', () => {
    it('a left-out class, if JsSIP ever built it, throws an error that names it and the plugin', () => {
        const Subscriber = leftOutJsSipClass('Subscriber');
        expect(() => new Subscriber({}, 'sip:bob@example.com', 'presence')).toThrow(
            "JsSIP's Subscriber is left out of the softphone build (scripts/jssip-trim-plugin.mjs)"
        );
    });

    it("a left-out class's static init_incoming (JsSIP's Notifier for an incoming SUBSCRIBE) throws too", () => {
        const Notifier = leftOutJsSipClass('Notifier') as unknown as { init_incoming(): never };
        expect(() => Notifier.init_incoming()).toThrow("JsSIP's Notifier is left out");
    });

    it("JsSIP's debug logger takes every call the way JsSIP's Logger makes them and prints nothing", () => {
        const write = jest.spyOn(process.stdout, 'write');
        const debug = silentDebug.default('JsSIP:RTCSession');
        debug.log = jest.fn();
        debug('emit "%s"', 'progress');
        expect(debug.log).not.toHaveBeenCalled();
        expect(debug.enabled).toBe(false);
        expect(debug.namespace).toBe('JsSIP:RTCSession');
        silentDebug.enable('JsSIP:*');
        expect(silentDebug.enabled('JsSIP:UA')).toBe(false);
        expect(silentDebug.disable()).toBe('');
        expect(write).not.toHaveBeenCalled();
        write.mockRestore();
    });
});
