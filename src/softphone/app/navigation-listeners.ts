/**
 * Open CTI's onNavigationChange takes one listener for the page's life (it cannot unregister
 * one): this fans each payload out to whoever listens now (the tab's activity, the softphone
 * that relates calls to the records the agent opens).
 */
export class NavigationListeners {
    private readonly listeners = new Set<(payload: unknown) => void>();

    add(listener: (payload: unknown) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    receive(payload: unknown): void {
        for (const listener of [...this.listeners]) {
            listener(payload);
        }
    }
}
