import { checkNotifications, checkStorage, checkTabs } from './browser-checks';
import { statusLabel, worstStatus } from './check-result';
import { checkLms } from './lms-check';
import { checkSettings } from './settings-check';
import { checkMicrophone, checkWebSocket, webSocketOrigin } from './sip-checks';
import { checkWrite, writeTestRecord } from './write-check';

const browser = {
    outboxDurable: true,
    webLocks: true,
    broadcastChannel: true,
    notifications: 'granted' as const
};

describe('checkSettings', () => {
    it('passes valid settings and fails each problem with its key and the Call Centers fix', () => {
        expect(checkSettings([]).status).toBe('pass');
        const failed = checkSettings([
            { key: '/connector/sipWebSocketUrl', message: 'must start with wss://' },
            { key: '/', message: 'The call center settings were not understood' }
        ]);
        expect(failed.status).toBe('fail');
        expect(failed.summary).toBe(
            // The key is isolated (FSI … PDI) so a right-to-left sentence keeps it as written.
            '\u2068/connector/sipWebSocketUrl\u2069: must start with wss:// The call center settings were not understood'
        );
        expect(failed.fix).toContain('Setup → Call Centers');
    });
});

describe('browser checks', () => {
    it('pass when the browser offers everything', () => {
        expect(
            [checkStorage(browser), checkTabs(browser), checkNotifications(browser)].map(
                (r) => r.status
            )
        ).toEqual(['pass', 'pass', 'pass']);
    });

    it('fail memory-only storage and warn without tabs coordination', () => {
        const storage = checkStorage({ ...browser, outboxDurable: false });
        expect(storage.status).toBe('fail');
        expect(storage.summary).toContain('memory only');
        expect(checkTabs({ ...browser, webLocks: false }).summary).toMatch(
            /^Not available in this browser: Web Locks\./
        );
        expect(checkTabs({ ...browser, webLocks: false, broadcastChannel: false }).summary).toMatch(
            /^Not available in this browser: Web Locks, BroadcastChannel\./
        );
    });

    it('warn for every notification permission short of granted', () => {
        for (const notifications of ['default', 'denied', 'unsupported'] as const) {
            const result = checkNotifications({ ...browser, notifications });
            expect(result.status).toBe('warn');
            expect(result.fix).toBeDefined();
        }
    });
});

describe('checkLms', () => {
    it('fails without a subscription or an echo, warns when no component spoke, passes otherwise', () => {
        expect(checkLms({ subscribed: false, echo: { ok: true } }).status).toBe('fail');
        const noEcho = checkLms({
            subscribed: true,
            echo: { ok: false, message: 'nothing came back' }
        });
        expect(noEcho.status).toBe('fail');
        expect(noEcho.summary).toContain('(nothing came back)');
        expect(checkLms({ subscribed: true, echo: { ok: true } }).status).toBe('warn');
        const ok = checkLms({ subscribed: true, echo: { ok: true }, lastComponentCommand: 'ping' });
        expect(ok.status).toBe('pass');
        expect(ok.summary).toContain('last: ping');
    });
});

describe('checkWrite', () => {
    it('is not run until asked, passes with the record to delete, fails with the permission fix', () => {
        expect(checkWrite(undefined).status).toBe('not-run');
        const passed = checkWrite({ ok: true, recordId: 'a00000000000001AAA' });
        expect(passed.status).toBe('pass');
        expect(passed.fix).toContain('Delete the test record');
        const failed = checkWrite({
            ok: false,
            message: 'insufficient access rights on object id'
        });
        expect(failed).toMatchObject({ status: 'fail' });
        expect(failed.fix).toContain('Permission Set Assignments');
    });

    it('labels the test record clearly', () => {
        expect(writeTestRecord(new Date('2026-12-07T10:00:00.000Z'))).toEqual({
            entityApiName: 'Phone_Call__c',
            Direction__c: 'Outbound',
            Provider_Call_Id__c: 'SETUP-CHECK-TEST-2026-12-07T10:00:00.000Z',
            Started__c: '2026-12-07T10:00:00.000Z',
            Notes__c:
                'Test record created by the softphone’s Check setup (Run write test). Delete it.'
        });
    });
});

describe('SIP checks', () => {
    it('reads each microphone permission', () => {
        expect(checkMicrophone('granted').status).toBe('pass');
        expect(checkMicrophone('prompt').status).toBe('warn');
        expect(checkMicrophone('denied').status).toBe('fail');
        expect(checkMicrophone('unknown').status).toBe('warn');
    });

    it('names the exact Trusted URL for a CSP block', () => {
        const url = 'wss://pbx.example.com:8089/ws';
        expect(checkWebSocket(url, { kind: 'open' }).status).toBe('pass');
        const blocked = checkWebSocket(url, {
            kind: 'blocked-by-csp',
            origin: webSocketOrigin(url)
        });
        expect(blocked.status).toBe('fail');
        expect(blocked.fix).toContain('New Trusted URL: URL wss://pbx.example.com:8089');
        const failed = checkWebSocket(url, { kind: 'failed', message: 'refused' });
        expect(failed.summary).toBe(`The softphone could not connect to ${url}: refused`);
        expect(webSocketOrigin('not a url')).toBe('not a url');
    });
});

describe('worstStatus', () => {
    it('orders fail, warn, not-run, pass', () => {
        const result = (status: 'pass' | 'warn' | 'fail' | 'not-run') => ({
            id: 'lms' as const,
            title: 't',
            status,
            summary: 's'
        });
        expect(worstStatus([result('pass'), result('warn')])).toBe('warn');
        expect(worstStatus([result('not-run'), result('fail')])).toBe('fail');
        expect(worstStatus([])).toBe('pass');
        expect(statusLabel('not-run')).toBe('Not run');
    });
});
