import { SoftphoneView } from '../softphone-view';
import type { CallView, SoftphoneActions, SoftphoneViewModel } from '../view-model';

/** 3 March 2025, 15:30 UTC: a fixed "now" for every view test. */
export const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

export function makeModel(overrides: Partial<SoftphoneViewModel> = {}): SoftphoneViewModel {
    return {
        connection: { status: 'connected', connectorLabel: 'Simulator' },
        agentState: 'Available',
        agentStateOptions: ['Offline', 'Available', 'Busy', 'Break'],
        calls: [],
        recentCalls: [],
        errors: [],
        notices: [],
        simulatorControlsVisible: false,
        logStatus: { pending: 0, durable: true },
        canDial: true,
        ...overrides
    };
}

export function makeCall(overrides: Partial<CallView> = {}): CallView {
    return {
        callId: 'call-1',
        direction: 'Inbound',
        state: 'connected',
        number: '+44 20 7946 0018',
        name: 'Ada Lovelace',
        startedAt: T0 - 20_000,
        answeredAt: T0 - 15_000,
        muted: false,
        ...overrides
    };
}

export function makeActions(): jest.Mocked<SoftphoneActions> {
    return {
        dial: jest.fn(),
        answer: jest.fn(),
        decline: jest.fn(),
        hangup: jest.fn(),
        hold: jest.fn(),
        resume: jest.fn(),
        setMuted: jest.fn(),
        sendDtmf: jest.fn(),
        setAgentState: jest.fn(),
        editWrapUp: jest.fn(),
        saveWrapUp: jest.fn(),
        completeWrapUp: jest.fn(),
        relateCall: jest.fn(),
        dismissError: jest.fn(),
        callBack: jest.fn(),
        simulateIncoming: jest.fn(),
        openRecord: jest.fn(),
        transfer: jest.fn(),
        completeConsult: jest.fn(),
        cancelConsult: jest.fn(),
        mergeCalls: jest.fn(),
        dropParty: jest.fn(),
        swapCalls: jest.fn()
    };
}

export interface Mounted {
    readonly root: HTMLElement;
    readonly view: SoftphoneView;
    readonly actions: jest.Mocked<SoftphoneActions>;
    readonly timers: { setInterval: jest.Mock; clearInterval: jest.Mock };
}

/**
 * Mounts a view in the jsdom document. The clock reads Date.now(), so jest's modern fake timers
 * (jest.useFakeTimers({ now: T0 })) move the clock and fire the ticker together.
 */
export function mount(model: SoftphoneViewModel = makeModel()): Mounted {
    const root = document.createElement('main');
    root.id = 'softphone-root';
    document.body.append(root);
    const actions = makeActions();
    const timers = {
        setInterval: jest.fn((handler: () => void, ms: number) => setInterval(handler, ms)),
        clearInterval: jest.fn((handle: unknown) =>
            clearInterval(handle as ReturnType<typeof setInterval>)
        )
    };
    const view = new SoftphoneView({ root, actions, clock: { now: () => Date.now() }, timers });
    view.render(model);
    return { root, view, actions, timers };
}

/** The accessible name the view gives a control: its aria-label, else its text (aria-hidden left out). */
export function nameOf(element: Element): string {
    const label = element.getAttribute('aria-label');
    if (label !== null) {
        return label.trim();
    }
    const text = (node: Node): string =>
        node instanceof Element && node.getAttribute('aria-hidden') === 'true'
            ? ''
            : node.nodeType === Node.TEXT_NODE
              ? (node.textContent ?? '')
              : [...node.childNodes].map(text).join('');
    return text(element).trim();
}

export function isShown(element: Element): boolean {
    return element.isConnected && element.closest('[hidden]') === null;
}

/** The one visible button with this accessible name inside `scope` (throws if not exactly one). */
export function buttonNamed(scope: ParentNode, name: string): HTMLButtonElement {
    const found = [...scope.querySelectorAll('button')].filter(
        (button) => isShown(button) && nameOf(button) === name
    );
    if (found.length !== 1) {
        throw new Error(`expected one visible button named "${name}", found ${found.length}`);
    }
    return found[0] as HTMLButtonElement;
}

export function queryButton(scope: ParentNode, name: string): HTMLButtonElement | undefined {
    return [...scope.querySelectorAll('button')].find(
        (button) => isShown(button) && nameOf(button) === name
    );
}

/** The control a visible <label> names. */
export function fieldLabelled<T extends HTMLElement>(scope: HTMLElement, label: string): T {
    const labelElement = [...scope.querySelectorAll('label')].find(
        (element) => isShown(element) && element.textContent?.replace('*', '').trim() === label
    );
    const id = labelElement?.getAttribute('for');
    const field = id ? scope.ownerDocument.getElementById(id) : null;
    if (!field) {
        throw new Error(`no field labelled "${label}"`);
    }
    return field as T;
}

/** Visible text of `scope`, whitespace collapsed (hidden parts left out). */
export function visibleText(scope: Element): string {
    const parts: string[] = [];
    const walk = (node: Node): void => {
        if (
            node instanceof Element &&
            (node.hasAttribute('hidden') || node.classList.contains('slds-assistive-text'))
        ) {
            return;
        }
        if (node.nodeType === Node.TEXT_NODE) {
            parts.push(node.textContent ?? '');
        }
        node.childNodes.forEach(walk);
    };
    walk(scope);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export function press(element: HTMLElement, key: string): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    element.dispatchEvent(event);
    return event;
}

export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
    field.focus();
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
}

export function cleanUp(mounted?: Mounted): void {
    mounted?.view.destroy();
    document.body.replaceChildren();
}
