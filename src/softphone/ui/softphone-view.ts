import { label } from '../i18n';
import { ActiveCallsView } from './active-call-view';
import { AlertsView } from './alerts-view';
import { Announcer } from './announcer';
import { isLive } from './call-groups';
import { DiagnosticsView } from './diagnostics-view';
import { createIdFactory, el, setHidden } from './dom';
import { HeaderView } from './header-view';
import { IncomingCallsView } from './incoming-call-view';
import { KeypadView } from './keypad-view';
import { PanelTabs } from './panel-tabs';
import { PlacingCallView } from './placing-call-view';
import { RecentCallsView } from './recent-calls-view';
import { SimulatorPanelView } from './simulator-panel-view';
import type { SoftphoneActions, SoftphoneViewModel } from './view-model';
import { WrapUpFormView } from './wrap-up-view';

/** Injected so tests drive time; in the page these are `window.setInterval` / `clearInterval`. */
export interface ViewTimers {
    setInterval(handler: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
}

export interface SoftphoneViewOptions {
    readonly root: HTMLElement;
    readonly actions: SoftphoneActions;
    readonly clock: { now(): number };
    readonly timers: ViewTimers;
}

const tickMs = 1000;

/**
 * The softphone as the agent sees it. The DOM is built once; render() updates it in place so
 * keyboard focus and half-typed input survive every state change.
 */
export class SoftphoneView {
    private readonly root: HTMLElement;
    private readonly clock: { now(): number };
    private readonly timers: ViewTimers;
    private readonly header: HeaderView;
    private readonly alerts: AlertsView;
    private readonly incoming: IncomingCallsView;
    private readonly active: ActiveCallsView;
    private readonly placing: PlacingCallView;
    private readonly wrapUp: WrapUpFormView;
    private readonly keypad: KeypadView;
    private readonly recent: RecentCallsView;
    private readonly dialTabs: PanelTabs;
    private readonly simulator: SimulatorPanelView;
    private readonly diagnostics: DiagnosticsView;
    private readonly announcer = new Announcer();
    private ticker: unknown;
    private ticking = false;
    private shownRefusal: number | undefined;
    private destroyed = false;
    /** The wrap-up last rendered, and where focus was last moved for want of its control. */
    private wrapUpCallId: string | undefined;
    private fallbackFocus: HTMLElement | undefined;

    constructor(options: SoftphoneViewOptions) {
        const { root, actions } = options;
        this.root = root;
        this.clock = options.clock;
        this.timers = options.timers;
        const ids = createIdFactory(root.id || 'softphone');
        this.header = new HeaderView(ids, (state, reason) =>
            reason === undefined
                ? actions.setAgentState(state)
                : actions.setAgentState(state, reason)
        );
        this.alerts = new AlertsView(
            ids,
            (id) => actions.dismissError(id),
            (id, number) => {
                if (actions.callBack) {
                    actions.callBack(id, number);
                } else {
                    // A follower tab forwards these two to the tab that runs the phone.
                    actions.dismissError(id);
                    actions.dial(number);
                }
            }
        );
        this.incoming = new IncomingCallsView(ids, actions);
        this.active = new ActiveCallsView(ids, actions);
        this.placing = new PlacingCallView();
        this.wrapUp = new WrapUpFormView(ids, actions);
        this.keypad = new KeypadView(ids, (number) => actions.dial(number));
        // Redial goes through the keypad: the number shows in the field, and so does a refusal.
        this.recent = new RecentCallsView(
            ids,
            (number) => {
                this.dialTabs.select(0);
                this.keypad.dialNumber(number);
            },
            actions.openRecord === undefined
                ? undefined
                : (recordId) => actions.openRecord?.(recordId)
        );
        // At 360 × 560 the keypad and recent calls do not fit one above the other.
        this.dialTabs = new PanelTabs(ids, label('Softphone_Dial'), [
            { label: label('Softphone_Keypad'), content: this.keypad.element },
            { label: label('Softphone_Recent_Calls'), content: this.recent.element }
        ]);
        this.simulator = new SimulatorPanelView(ids, (caller) => actions.simulateIncoming(caller));
        this.diagnostics = new DiagnosticsView(actions);
        root.classList.add('softphone');
        root.replaceChildren(
            el('h1', { className: 'slds-assistive-text', text: label('Softphone_Title') }),
            this.header.element,
            this.alerts.element,
            this.incoming.element,
            this.placing.element,
            this.active.element,
            this.wrapUp.element,
            this.dialTabs.element,
            this.simulator.element,
            this.diagnostics.element,
            this.announcer.element
        );
    }

    render(model: SoftphoneViewModel): void {
        if (this.destroyed) {
            return;
        }
        const focused = this.focusedElement();
        const focusWasInAlerts = focused !== undefined && this.alerts.element.contains(focused);
        const now = this.clock.now();
        this.header.update(model);
        this.alerts.update(model);
        this.incoming.update(model.calls);
        this.placing.update(model);
        this.active.update(model.calls, model.transferSuggestions, model.conference);
        this.wrapUp.update(model.wrapUp, now);
        this.keypad.update(model);
        setHidden(this.dialTabs.element, model.calls.some(isLive));
        // A refused Call (or Redial) is told beside the keypad's field: show that tab.
        if (model.dialAttempt?.status === 'refused' && model.dialAttempt.id !== this.shownRefusal) {
            this.shownRefusal = model.dialAttempt.id;
            this.dialTabs.select(0);
        }
        this.recent.update(model, now);
        this.simulator.update(model.simulatorControlsVisible);
        this.announcer.update(model);
        this.active.tick(now);
        this.syncTicker(model);
        const wrapUpStarted =
            model.wrapUp !== undefined && model.wrapUp.callId !== this.wrapUpCallId;
        this.wrapUpCallId = model.wrapUp?.callId;
        if (focused && !this.canHoldFocus(focused)) {
            const target = (focusWasInAlerts && this.alerts.focusTarget()) || this.focusFallback();
            target?.focus();
            this.fallbackFocus = target;
        } else if (wrapUpStarted && focused !== undefined && focused === this.fallbackFocus) {
            // Hang up went away a render before wrap-up came (focus fell back to the keypad,
            // say): the agent's next step is the wrap-up, so focus goes there.
            this.wrapUp.focusTarget().focus();
            this.fallbackFocus = this.wrapUp.focusTarget();
        } else if (focused !== this.fallbackFocus) {
            this.fallbackFocus = undefined;
        }
    }

    /** Stops the 1 s ticker; later renders are ignored. */
    destroy(): void {
        this.destroyed = true;
        this.stopTicker();
    }

    private tick(): void {
        const now = this.clock.now();
        this.active.tick(now);
        this.wrapUp.tick(now);
    }

    /** The ticker runs only while something on screen counts (a live call, an ACW countdown). */
    private syncTicker(model: SoftphoneViewModel): void {
        const needed = model.calls.some(isLive) || model.wrapUp?.endsAt !== undefined;
        if (needed && !this.ticking) {
            this.ticker = this.timers.setInterval(() => this.tick(), tickMs);
            this.ticking = true;
        } else if (!needed) {
            this.stopTicker();
        }
    }

    private stopTicker(): void {
        if (this.ticking) {
            this.timers.clearInterval(this.ticker);
            this.ticking = false;
            this.ticker = undefined;
        }
    }

    private focusedElement(): HTMLElement | undefined {
        const active = this.root.ownerDocument.activeElement;
        return active instanceof HTMLElement && this.root.contains(active) ? active : undefined;
    }

    private canHoldFocus(element: HTMLElement): boolean {
        return (
            this.root.contains(element) &&
            element.closest('[hidden]') === null &&
            !element.matches(':disabled')
        );
    }

    /** Where focus goes when its control vanished (Call → call panel, Hang up → wrap-up, …). */
    private focusFallback(): HTMLElement | undefined {
        const candidates = [
            this.active.focusTarget(),
            this.wrapUp.focusTarget(),
            this.keypad.input,
            this.header.select
        ];
        return candidates.find((element) => element && this.canHoldFocus(element));
    }
}
