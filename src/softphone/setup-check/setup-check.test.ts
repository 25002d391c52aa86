/** @jest-environment jsdom */
import { registerSa11yMatcher } from '@sa11y/jest';
import type { SetupProbes } from './run-setup-check';
import { runSetupCheck } from './run-setup-check';
import { SetupCheck } from './setup-check';
import { SetupCheckView } from './setup-check-view';
import { formatSetupReport } from './setup-report';

beforeAll(() => registerSa11yMatcher());
afterEach(() => document.body.replaceChildren());

const layout = {
    Inbound: { objects: { Contact: [{ apiName: 'Name' }] } },
    Outbound: {
        objects: {
            Contact: [{ apiName: 'DoNotCall' }],
            Lead: [{ apiName: 'DoNotCall' }],
            Account: [{ apiName: 'PersonDoNotCall' }]
        }
    }
};

function probes(overrides: Partial<SetupProbes> = {}): SetupProbes {
    return {
        settingsProblems: [],
        searchObjects: ['Contact'],
        onDoNotCallUnreadable: 'Block',
        readLayout: () => Promise.resolve(layout),
        lms: () =>
            Promise.resolve({ subscribed: true, echo: { ok: true }, lastComponentCommand: 'ping' }),
        browser: () =>
            Promise.resolve({
                outboxDurable: true,
                webLocks: true,
                broadcastChannel: true,
                notifications: 'granted'
            }),
        ...overrides
    };
}

describe('runSetupCheck', () => {
    it('runs every check in order, the SIP ones only with SIP', async () => {
        const results = await runSetupCheck(probes(), undefined);
        expect(results.map((r) => [r.id, r.status])).toEqual([
            ['settings', 'pass'],
            ['layout', 'pass'],
            ['write', 'not-run'],
            ['lms', 'pass'],
            ['storage', 'pass'],
            ['tabs', 'pass'],
            ['notifications', 'pass']
        ]);
        const sip = await runSetupCheck(
            probes({
                sip: {
                    webSocketUrl: 'wss://pbx.example.com/ws',
                    microphone: () => Promise.reject(new Error('no permissions API')),
                    webSocket: () => Promise.reject(new Error('boom'))
                }
            }),
            undefined
        );
        expect(sip.map((r) => [r.id, r.status]).slice(6)).toEqual([
            ['microphone', 'warn'],
            ['websocket', 'fail'],
            ['notifications', 'pass']
        ]);
    });

    it('turns a failing or odd layout, a failing LMS probe and no channel into failed checks', async () => {
        const failing = await runSetupCheck(
            probes({
                readLayout: () => Promise.reject(new Error('No softphone layout is assigned')),
                lms: () => Promise.reject(new Error('publish refused'))
            }),
            undefined
        );
        expect(failing[1]?.summary).toContain('(No softphone layout is assigned)');
        expect(failing[3]?.summary).toContain('publish refused');
        const odd = await runSetupCheck(
            probes({ readLayout: () => Promise.resolve(42), lms: undefined }),
            undefined
        );
        expect(odd[1]?.summary).toContain('was not understood');
        expect(odd[3]).toMatchObject({ status: 'fail' });
        expect(odd[3]?.summary).toContain(
            'is not subscribed to the Softphone_Message__c channel (the softphone did not start)'
        );
    });
});

describe('SetupCheck', () => {
    const now = () => new Date('2026-12-07T10:00:00.000Z');

    it('runs the write test on demand and accepts both answers of saveLog', async () => {
        const saveLog = jest
            .fn()
            .mockResolvedValueOnce('a00000000000001AAA')
            .mockResolvedValueOnce({ recordId: 'a00000000000002AAA' })
            .mockResolvedValueOnce(null)
            .mockRejectedValueOnce(new Error('insufficient access'))
            .mockRejectedValueOnce('');
        const check = new SetupCheck({
            probes: probes(),
            saveLog,
            now,
            softphoneVersion: '1.0',
            connector: 'Simulator'
        });
        expect((await check.run())[2]?.status).toBe('not-run');
        expect((await check.runWriteTest())[2]?.summary).toContain('a00000000000001AAA');
        expect(saveLog.mock.calls[0][0]).toMatchObject({ entityApiName: 'Phone_Call__c' });
        expect((await check.runWriteTest())[2]?.summary).toContain('a00000000000002AAA');
        expect((await check.runWriteTest())[2]?.summary).toContain('without the new record’s Id');
        expect((await check.runWriteTest())[2]?.summary).toContain('insufficient access');
        expect((await check.runWriteTest())[2]?.status).toBe('fail');
    });

    it('copies to the clipboard where it can, and says when it cannot', async () => {
        const base = {
            probes: probes(),
            saveLog: jest.fn(),
            now,
            softphoneVersion: '1.0',
            connector: 'Simulator'
        };
        const writeClipboard = jest
            .fn()
            .mockResolvedValueOnce(undefined)
            .mockRejectedValueOnce(new Error('denied'));
        const check = new SetupCheck({ ...base, writeClipboard });
        await expect(check.copy('x')).resolves.toBe(true);
        await expect(check.copy('x')).resolves.toBe(false);
        await expect(new SetupCheck(base).copy('x')).resolves.toBe(false);
    });
});

describe('formatSetupReport', () => {
    it('is plain text with each status, title, summary and fix, numbers masked', () => {
        const text = formatSetupReport(
            [
                {
                    id: 'settings',
                    title: 'Call center settings',
                    status: 'pass',
                    summary: 'Valid.'
                },
                {
                    id: 'lms',
                    title: 'Channel',
                    status: 'fail',
                    summary: 'Calling +1 415 555 0101 failed. password=hunter2',
                    fix: 'Do this.'
                }
            ],
            {
                softphoneVersion: '1.2.3',
                connector: 'SIP',
                at: new Date('2026-12-07T10:00:00.000Z')
            }
        );
        expect(text).toContain('Run at: 2026-12-07T10:00:00.000Z');
        expect(text).toContain('[Pass] Call center settings: Valid.');
        expect(text).toContain('[Fail] Channel: Calling ');
        expect(text).toContain('    Fix: Do this.');
        expect(text).not.toContain('415 555 0101');
        expect(text).not.toContain('hunter2');
    });
});

describe('SetupCheckView', () => {
    function mount(copy: (text: string) => Promise<boolean>) {
        const check = new SetupCheck({
            probes: probes({ readLayout: () => Promise.resolve({}) }),
            saveLog: jest.fn().mockResolvedValue('a00000000000001AAA'),
            now: () => new Date('2026-12-07T10:00:00.000Z'),
            softphoneVersion: '1.0',
            connector: 'Simulator'
        });
        const view = new SetupCheckView(
            {
                run: () => check.run(),
                runWriteTest: () => check.runWriteTest(),
                report: (r) => check.report(r),
                copy
            },
            'softphone'
        );
        const opener = document.createElement('button');
        opener.textContent = 'Check setup';
        document.body.append(opener, view.element);
        return { view, opener };
    }

    const settle = async (element: HTMLElement) => {
        for (let i = 0; i < 20 && element.dataset.setupCheck !== 'done'; i += 1) {
            await new Promise((resolve) => setTimeout(resolve, 0));
        }
    };

    const buttonNamed = (root: HTMLElement, name: string) =>
        [...root.querySelectorAll('button')].find(
            (b) => b.textContent === name
        ) as HTMLButtonElement;

    it('opens with focus on its heading, lists each check with its fix, and closes back to the opener', async () => {
        const { view, opener } = mount(() => Promise.resolve(true));
        view.open(opener);
        expect(document.activeElement?.textContent).toBe('Check setup');
        expect(view.element.querySelector('[role="status"]')?.textContent).toBe('Checking…');
        await settle(view.element);
        const layout = view.element.querySelector('[data-check="layout"]');
        expect(layout?.getAttribute('data-status')).toBe('fail');
        expect(layout?.textContent).toContain('Fix: Setup → Softphone Layouts');
        expect(view.element.querySelector('[role="status"]')?.textContent).toBe(
            '5 passed, 0 with warnings, 1 failed, 1 not run.'
        );
        await expect(view.element).toBeAccessible();
        view.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect(view.element.hidden).toBe(true);
        expect(document.activeElement).toBe(opener);
    });

    it('runs the write test and copies the report, or offers the text to copy by hand', async () => {
        const { view, opener } = mount(() => Promise.resolve(false));
        view.open(opener);
        await settle(view.element);
        view.element.dataset.setupCheck = '';
        buttonNamed(view.element, 'Run write test').click();
        await settle(view.element);
        expect(
            view.element.querySelector('[data-check="write"]')?.getAttribute('data-status')
        ).toBe('pass');
        buttonNamed(view.element, 'Copy results').click();
        await new Promise((resolve) => setTimeout(resolve, 0));
        const box = view.element.querySelector('textarea') as HTMLTextAreaElement;
        expect(box.value).toContain('[Pass] Saving calls (Phone Call create)');
        expect(document.activeElement).toBe(box);
        expect(view.element.querySelector('label')?.textContent).toContain('copy it');
        buttonNamed(view.element, 'Close').click();
        expect(view.element.hidden).toBe(true);
    });
});
