import type { EntryLog } from '../console-logs';
import { h, replaceChildren } from './dom';

/**
 * Shows the newest `keep` entries of `log` in `list` (one element per entry, made by `view`),
 * scrolled to the newest. A new entry appends its element and drops the oldest past `keep`
 * instead of rebuilding the list, and the scroll waits for the next frame: entries come with
 * every Open CTI call and LMS message, and rebuilding hundreds of them and forcing a layout for
 * each made the console's logs the busiest thing in the page.
 */
export function mountLogList<T>(
    list: HTMLElement,
    log: EntryLog<T>,
    view: (entry: T) => HTMLElement,
    emptyText: string,
    keep = Number.POSITIVE_INFINITY
): void {
    let showsEmpty = false;
    let scrollPending = false;
    const scrollToNewest = () => {
        if (scrollPending) {
            return;
        }
        scrollPending = true;
        requestAnimationFrame(() => {
            scrollPending = false;
            list.scrollTop = list.scrollHeight;
        });
    };
    const renderAll = () => {
        const entries = log.entries().slice(-keep);
        showsEmpty = entries.length === 0;
        replaceChildren(
            list,
            ...(showsEmpty ? [h('span', { class: 'lc-empty' }, emptyText)] : entries.map(view))
        );
        scrollToNewest();
    };
    log.onChange((entry) => {
        if (entry === undefined) {
            renderAll();
            return;
        }
        if (showsEmpty) {
            showsEmpty = false;
            replaceChildren(list);
        }
        list.append(view(entry));
        const shown = Math.min(keep, log.entries().length);
        while (list.children.length > shown) {
            list.firstElementChild?.remove();
        }
        scrollToNewest();
    });
    renderAll();
}
