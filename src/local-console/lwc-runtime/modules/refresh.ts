// lightning/refresh: components register a handler that the page calls when it refreshes its view
// (https://developer.salesforce.com/docs/platform/lwc/guide/data-refreshview.html). The console
// calls them on Open CTI refreshView (runRefreshHandlers).
type RefreshHandler = () => Promise<boolean> | boolean;

const handlers = new Map<number, RefreshHandler>();
let nextId = 1;

export function registerRefreshHandler(_contextElement: unknown, handler: RefreshHandler): number {
    if (typeof handler !== 'function') {
        throw new TypeError('registerRefreshHandler: the handler must be a function');
    }
    const id = nextId++;
    handlers.set(id, handler);
    return id;
}

export function unregisterRefreshHandler(id: number): void {
    handlers.delete(id);
}

/** A component asks the page to refresh (dispatched as an event in Salesforce). */
export class RefreshEvent extends CustomEvent<undefined> {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true });
    }
}

/** The view refreshes: every registered handler runs. */
export async function runRefreshHandlers(): Promise<void> {
    await Promise.all([...handlers.values()].map((handler) => handler()));
}
