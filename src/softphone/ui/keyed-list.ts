/** One rendered item of a list, updated in place while its key stays. */
export interface ItemView<T> {
    readonly element: HTMLElement;
    update(item: T): void;
}

/**
 * Keeps a container's children in step with a list of items, keyed by id: existing items are
 * updated in place (so focus inside them survives), new ones created, gone ones removed.
 */
export class KeyedList<T, V extends ItemView<T>> {
    private readonly views = new Map<string, V>();
    private ordered: V[] = [];

    constructor(
        private readonly container: HTMLElement,
        private readonly keyOf: (item: T) => string,
        private readonly create: (item: T) => V
    ) {}

    update(items: readonly T[]): void {
        const wanted = new Set(items.map(this.keyOf));
        for (const [key, view] of this.views) {
            if (!wanted.has(key)) {
                view.element.remove();
                this.views.delete(key);
            }
        }
        this.ordered = [];
        items.forEach((item, index) => {
            const key = this.keyOf(item);
            let view = this.views.get(key);
            if (!view) {
                view = this.create(item);
                this.views.set(key, view);
            }
            view.update(item);
            this.ordered.push(view);
            // Move only what is out of place: moving a node would blur a focused control in it.
            const current = this.container.children.item(index);
            if (current !== view.element) {
                this.container.insertBefore(view.element, current);
            }
        });
    }

    /** The item views in the order of the last update. */
    items(): readonly V[] {
        return this.ordered;
    }

    get size(): number {
        return this.views.size;
    }
}
