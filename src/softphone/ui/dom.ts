/**
 * Tiny DOM helpers. Data only ever reaches the DOM through textContent and setAttribute, so a
 * caller id or a setting value can never become markup.
 */

export interface ElOptions {
    readonly className?: string;
    readonly attrs?: Readonly<Record<string, string>>;
    readonly text?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    options: ElOptions = {},
    children: readonly Node[] = []
): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (options.className) {
        element.className = options.className;
    }
    for (const [name, value] of Object.entries(options.attrs ?? {})) {
        element.setAttribute(name, value);
    }
    if (options.text !== undefined) {
        element.textContent = options.text;
    }
    element.append(...children);
    return element;
}

/** A `<button type="button">` (never a submit button, so Enter in a field does only what we say). */
export function button(
    label: string,
    className: string,
    onClick: () => void,
    attrs: Readonly<Record<string, string>> = {}
): HTMLButtonElement {
    const element = el('button', { className, attrs: { type: 'button', ...attrs }, text: label });
    element.addEventListener('click', onClick);
    return element;
}

/** Writes only on change: fewer mutations, and live regions are not re-announced needlessly. */
export function setText(node: Node, text: string): void {
    if (node.textContent !== text) {
        node.textContent = text;
    }
}

export function setHidden(element: HTMLElement, hidden: boolean): void {
    if (element.hidden !== hidden) {
        element.hidden = hidden;
    }
}

export function setDisabled(
    element: HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
    disabled: boolean
): void {
    if (element.disabled !== disabled) {
        element.disabled = disabled;
    }
}

/** Sets an attribute, or removes it when the value is null. */
export function setAttr(element: Element, name: string, value: string | null): void {
    if (value === null) {
        element.removeAttribute(name);
    } else if (element.getAttribute(name) !== value) {
        element.setAttribute(name, value);
    }
}

export function setClass(element: Element, className: string, on: boolean): void {
    element.classList.toggle(className, on);
}

/** Untrusted text in a `<bdi>`, so a right-to-left override cannot reorder the labels around it. */
export function untrusted(className = ''): HTMLElement {
    return el('bdi', { className });
}

/** Shortens text for places where length matters (announcements, accessible names). */
export function clip(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Ids unique within one softphone (the root's id is the prefix, so two views do not clash). */
export type IdFactory = (name: string) => string;

export function createIdFactory(prefix: string): IdFactory {
    let next = 0;
    return (name) => {
        next += 1;
        return `${prefix}-${name}-${next}`;
    };
}
