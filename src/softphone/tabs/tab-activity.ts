import type { Clock } from '../calls/call-model';

export interface TabActivityState {
    /** The tab is in front in its window (not a background tab, not a minimised window). */
    readonly visible: boolean;
    /** Epoch ms of the agent's last sign of working in this tab. */
    readonly activeAt: number;
}

/** The page events that tell where the agent works. */
export interface ActivitySources {
    readonly document: Pick<
        Document,
        'visibilityState' | 'addEventListener' | 'removeEventListener'
    >;
    readonly window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * Where the agent is working: the screen pop of an inbound call goes to the visible tab they
 * used last. Signs of work: the tab coming to the front, focus or a click in the softphone, and
 * Salesforce's navigation events (touch()).
 */
export class TabActivity {
    private state: TabActivityState;
    private readonly listeners = new Set<(state: TabActivityState) => void>();
    private readonly onVisibility = () => this.update();
    private readonly onUse = () => this.touch();

    constructor(
        private readonly sources: ActivitySources,
        private readonly clock: Clock
    ) {
        this.state = { visible: this.isVisible(), activeAt: clock.now() };
        sources.document.addEventListener('visibilitychange', this.onVisibility);
        sources.window.addEventListener('focus', this.onUse);
        sources.window.addEventListener('pointerdown', this.onUse, { capture: true });
        sources.window.addEventListener('keydown', this.onUse, { capture: true });
    }

    get current(): TabActivityState {
        return this.state;
    }

    /** The agent did something in this tab. */
    touch(): void {
        this.set({ visible: this.isVisible(), activeAt: this.clock.now() });
    }

    onChange(listener: (state: TabActivityState) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    dispose(): void {
        this.listeners.clear();
        this.sources.document.removeEventListener('visibilitychange', this.onVisibility);
        this.sources.window.removeEventListener('focus', this.onUse);
        this.sources.window.removeEventListener('pointerdown', this.onUse, { capture: true });
        this.sources.window.removeEventListener('keydown', this.onUse, { capture: true });
    }

    private update(): void {
        const visible = this.isVisible();
        // Coming to the front is a sign of work; going to the back is not.
        this.set({ visible, activeAt: visible ? this.clock.now() : this.state.activeAt });
    }

    private set(state: TabActivityState): void {
        this.state = state;
        for (const listener of [...this.listeners]) {
            listener(state);
        }
    }

    private isVisible(): boolean {
        return this.sources.document.visibilityState !== 'hidden';
    }
}

/** The tab the screen pop goes to: the visible one used last; the leader when it is a tie. */
export function chooseScreenPopTab(
    tabs: ReadonlyMap<string, TabActivityState>,
    leaderId: string
): string {
    let best: { id: string; state: TabActivityState } | undefined;
    for (const [id, state] of tabs) {
        if (best === undefined) {
            best = { id, state };
            continue;
        }
        const better =
            state.visible !== best.state.visible
                ? state.visible
                : state.activeAt > best.state.activeAt ||
                  (state.activeAt === best.state.activeAt && id === leaderId);
        if (better) {
            best = { id, state };
        }
    }
    return best?.id ?? leaderId;
}
