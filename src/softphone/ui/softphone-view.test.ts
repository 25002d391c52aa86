/** @jest-environment jsdom */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerSa11yMatcher } from '@sa11y/jest';
import { SoftphoneView } from './index';
import {
    T0,
    buttonNamed,
    cleanUp,
    fieldLabelled,
    makeActions,
    makeCall,
    makeModel,
    mount,
    nameOf,
    press,
    typeInto,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';
import type { SoftphoneViewModel, WrapUpView } from './view-model';

const hostileMarkup = '<img src=x onerror=alert(1)>';
const hostileBidi = '\u202Eevil';
const hugeName = 'A'.repeat(10 * 1024);

/** Every part on screen at once, for the label, markup and accessibility checks. */
function busyModel(): SoftphoneViewModel {
    return makeModel({
        agentState: 'Busy',
        canDial: false,
        simulatorControlsVisible: true,
        calls: [makeCall(), makeCall({ callId: 'ring', state: 'ringing', answeredAt: undefined })],
        wrapUp: {
            callId: 'old',
            remoteLabel: 'Grace',
            outcome: 'Connected',
            durationSeconds: 61,
            disposition: '',
            notes: '',
            dispositionOptions: ['Resolved'],
            dispositionRequired: true,
            endsAt: T0 + 30_000,
            saving: false,
            draftSaved: false
        },
        recentCalls: [
            {
                callId: 'r1',
                direction: 'Outbound',
                number: '+1 415-555-0132',
                endedAt: T0 - 1000,
                outcome: 'Busy',
                durationSeconds: 0
            }
        ],
        errors: [{ id: 'e', message: 'bad', settingKey: '/connector/sipDomain' }],
        notices: [{ id: 'n', kind: 'warning', message: 'careful' }],
        logStatus: { pending: 2, durable: false }
    });
}

function wrapUpOf(callId: string): WrapUpView {
    return {
        callId,
        remoteLabel: 'Ada',
        outcome: 'Connected',
        durationSeconds: 3,
        disposition: '',
        notes: '',
        dispositionOptions: [],
        dispositionRequired: false,
        saving: false,
        draftSaved: false
    };
}

describe('SoftphoneView', () => {
    let mounted: Mounted | undefined;
    afterEach(() => {
        cleanUp(mounted);
        jest.useRealTimers();
    });

    describe('building the DOM once', () => {
        it('fills the root with the parts, in reading order', () => {
            mounted = mount(busyModel());
            const order = [
                '.softphone-header',
                '.softphone-alerts',
                '.softphone-incoming-list',
                '.softphone-call-list',
                '.softphone-wrapup',
                // The keypad and recent calls are tabs of one tab set.
                '.softphone-tabs',
                '.softphone-simulator'
            ].map((selector) =>
                [...mounted!.root.children].indexOf(mounted!.root.querySelector(selector)!)
            );
            expect(order).toEqual([...order].sort((a, b) => a - b));
            expect(order.every((index) => index >= 0)).toBe(true);
            expect(mounted.root.classList).toContain('softphone');
        });

        it('updates in place: the same elements survive any number of renders', () => {
            mounted = mount(busyModel());
            const before = [...mounted.root.querySelectorAll('*')];
            mounted.view.render(busyModel());
            mounted.view.render({ ...busyModel(), agentState: 'Busy' });
            expect([...mounted.root.querySelectorAll('*')]).toEqual(before);
        });

        it('shows the idle softphone: status, keypad and nothing else', () => {
            mounted = mount();
            expect(visibleText(mounted.root)).toMatch(
                /^Connected Simulator Status .* Keypad Recent calls Phone number ⌫ 1 2 ABC .* Call Clear$/
            );
        });
    });

    describe('keyboard focus', () => {
        it('stays on the focused control when the state changes around it', () => {
            mounted = mount(makeModel({ calls: [makeCall()] }));
            const hold = buttonNamed(mounted.root, 'Hold');
            hold.focus();
            mounted.view.render(makeModel({ calls: [makeCall({ state: 'held' })] }));
            expect(document.activeElement).toBe(hold);
            expect(hold.textContent).toBe('Resume');
            mounted.view.render(
                makeModel({
                    calls: [
                        makeCall({ state: 'held' }),
                        makeCall({ callId: 'ring', state: 'ringing', answeredAt: undefined })
                    ],
                    errors: [{ id: 'e', message: 'new error' }]
                })
            );
            expect(document.activeElement).toBe(hold);
        });

        it('moves to the new call when the control that had focus goes away', () => {
            mounted = mount();
            const input = fieldLabelled<HTMLInputElement>(mounted.root, 'Phone number');
            typeInto(input, '0207');
            press(input, 'Enter');
            mounted.view.render(
                makeModel({ calls: [makeCall({ direction: 'Outbound', state: 'dialing' })] })
            );
            const heading = mounted.root.querySelector('.softphone-call h2');
            expect(document.activeElement).toBe(heading);
        });

        it('moves from Answer to the answered call, and from Hang up to the disposition', () => {
            const ringing = makeCall({ state: 'ringing', answeredAt: undefined });
            mounted = mount(makeModel({ calls: [ringing] }));
            buttonNamed(mounted.root, 'Answer').focus();
            mounted.view.render(makeModel({ calls: [{ ...ringing, state: 'connected' }] }));
            expect(document.activeElement).toBe(mounted.root.querySelector('.softphone-call h2'));
            buttonNamed(mounted.root, 'Hang up').focus();
            mounted.view.render(makeModel({ wrapUp: wrapUpOf(ringing.callId) }));
            expect(document.activeElement).toBe(fieldLabelled(mounted.root, 'Disposition'));
        });

        it('moves from Hang up to the disposition when wrap-up comes a render after the call went', () => {
            const connected = makeCall({ state: 'connected' });
            mounted = mount(makeModel({ calls: [connected] }));
            buttonNamed(mounted.root, 'Hang up').focus();
            // The call has gone, wrap-up has not come yet: focus falls back to the keypad.
            mounted.view.render(makeModel());
            expect(document.activeElement).toBe(fieldLabelled(mounted.root, 'Phone number'));
            mounted.view.render(makeModel({ wrapUp: wrapUpOf(connected.callId) }));
            expect(document.activeElement).toBe(fieldLabelled(mounted.root, 'Disposition'));
        });

        it('leaves focus where the agent put it when wrap-up comes', () => {
            const connected = makeCall({ state: 'connected' });
            mounted = mount(makeModel({ calls: [connected] }));
            buttonNamed(mounted.root, 'Hang up').focus();
            mounted.view.render(makeModel());
            const status = fieldLabelled(mounted.root, 'Status');
            status.focus();
            mounted.view.render(makeModel());
            mounted.view.render(makeModel({ wrapUp: wrapUpOf(connected.callId) }));
            expect(document.activeElement).toBe(status);
        });

        it('never steals focus for a ringing call', () => {
            mounted = mount();
            const input = fieldLabelled<HTMLInputElement>(mounted.root, 'Phone number');
            input.focus();
            mounted.view.render(
                makeModel({ calls: [makeCall({ state: 'ringing', answeredAt: undefined })] })
            );
            expect(document.activeElement).toBe(input);
        });
    });

    describe('the 1 s ticker', () => {
        beforeEach(() => jest.useFakeTimers({ now: T0 }));

        it('advances call timers from the clock', () => {
            mounted = mount(makeModel({ calls: [makeCall({ answeredAt: T0 - 59_000 })] }));
            const timer = mounted.root.querySelector('.softphone-call__timer') as HTMLElement;
            expect(timer.textContent).toBe('00:59');
            jest.advanceTimersByTime(1000);
            expect(timer.textContent).toBe('01:00');
            jest.advanceTimersByTime(3600_000);
            expect(timer.textContent).toBe('1:01:00');
        });

        it('runs only while something counts, and destroy() stops it', () => {
            mounted = mount();
            expect(mounted.timers.setInterval).not.toHaveBeenCalled();
            mounted.view.render(makeModel({ calls: [makeCall()] }));
            mounted.view.render(makeModel({ calls: [makeCall({ muted: true })] }));
            expect(mounted.timers.setInterval).toHaveBeenCalledTimes(1);
            expect(mounted.timers.setInterval).toHaveBeenCalledWith(expect.any(Function), 1000);
            mounted.view.render(makeModel());
            expect(mounted.timers.clearInterval).toHaveBeenCalledTimes(1);
            mounted.view.render(makeModel({ calls: [makeCall()] }));
            mounted.view.destroy();
            expect(mounted.timers.clearInterval).toHaveBeenCalledTimes(2);
            expect(jest.getTimerCount()).toBe(0);
            mounted.view.render(makeModel({ calls: [makeCall()] }));
            expect(jest.getTimerCount()).toBe(0);
        });
    });

    describe('untrusted text', () => {
        it.each([
            ['markup', hostileMarkup],
            ['a right-to-left override', hostileBidi],
            ['a 10 KB name', hugeName]
        ])('renders %s in every place as inert text', (_label, hostile) => {
            const model = makeModel({
                connection: { status: 'connected', connectorLabel: hostile, message: hostile },
                calls: [
                    makeCall({ name: hostile, number: hostile }),
                    makeCall({ callId: 'ring', state: 'ringing', name: hostile, number: hostile })
                ],
                wrapUp: {
                    callId: 'w',
                    remoteLabel: hostile,
                    outcome: 'Connected',
                    durationSeconds: 1,
                    disposition: hostile,
                    notes: hostile,
                    dispositionOptions: [hostile],
                    dispositionRequired: false,
                    saving: false,
                    draftSaved: false,
                    error: hostile
                },
                recentCalls: [
                    {
                        callId: 'r',
                        direction: 'Inbound',
                        number: hostile,
                        name: hostile,
                        endedAt: T0,
                        outcome: 'Missed',
                        durationSeconds: 0
                    }
                ],
                errors: [{ id: 'e', message: hostile, settingKey: hostile }],
                notices: [{ id: 'n', kind: 'info', message: hostile }]
            });
            mounted = mount(model);
            const { root } = mounted;
            expect(root.querySelectorAll('img, script, iframe, [onerror]')).toHaveLength(0);
            // Each hostile string is a text node's whole content, never parsed.
            const textNodes: string[] = [];
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                textNodes.push(walker.currentNode.textContent ?? '');
            }
            expect(textNodes.filter((text) => text === hostile).length).toBeGreaterThanOrEqual(9);
            // It sits in <bdi> so a direction override cannot flip the labels around it.
            const name = root.querySelector('.softphone-call h2 bdi');
            expect(name?.textContent).toBe(hostile);
        });
    });

    describe('accessibility', () => {
        it('labels every control and makes every button a plain button', () => {
            mounted = mount(busyModel());
            for (const button of mounted.root.querySelectorAll('button')) {
                expect(button.getAttribute('type')).toBe('button');
                expect(nameOf(button)).not.toBe('');
            }
            for (const field of mounted.root.querySelectorAll('input, select, textarea')) {
                const label = mounted.root.querySelector(`label[for="${field.id}"]`);
                expect(field.id).not.toBe('');
                expect(label?.textContent?.trim()).toBeTruthy();
            }
        });

        it('has unique ids', () => {
            mounted = mount(busyModel());
            const ids = [...mounted.root.querySelectorAll('[id]')].map((e) => e.id);
            expect(new Set(ids).size).toBe(ids.length);
        });

        it('passes the sa11y (axe) checks in a busy state', async () => {
            registerSa11yMatcher();
            mounted = mount(busyModel());
            await expect(mounted.root).toBeAccessible();
        });
    });

    it('prefixes ids with the root id so two softphones on a page do not clash', () => {
        const first = document.createElement('main');
        first.id = 'one';
        const second = document.createElement('main');
        second.id = 'two';
        document.body.append(first, second);
        const timers = { setInterval: () => 0, clearInterval: () => undefined };
        const clock = { now: () => T0 };
        new SoftphoneView({ root: first, actions: makeActions(), clock, timers }).render(
            makeModel()
        );
        new SoftphoneView({ root: second, actions: makeActions(), clock, timers }).render(
            makeModel()
        );
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
    });

    it('uses no HTML parsing anywhere in the view source', () => {
        const sources = readdirSync(__dirname).filter(
            (file) => file.endsWith('.ts') && !file.endsWith('.test.ts')
        );
        for (const file of sources) {
            const text = readFileSync(join(__dirname, file), 'utf8');
            expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
        }
    });
});
