/**
 * Wraps a view's render so that the changes of one batch (everything that happens before the
 * page gets back to its event loop: a saved record, the state changes and log entries of one
 * Open CTI call) render once, in a microtask, instead of once per change. The console's views
 * rebuild their DOM on each render, and a call's records and state came in a dozen changes.
 * Still before the next task, so nothing the page shows next (a click, a message) sees it stale.
 */
export function batchedRender(render: () => void): () => void {
    let pending = false;
    return () => {
        if (pending) {
            return;
        }
        pending = true;
        queueMicrotask(() => {
            pending = false;
            render();
        });
    };
}
