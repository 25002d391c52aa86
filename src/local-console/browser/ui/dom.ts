/**
 * A tiny element builder. Text always goes in as text nodes (never markup): every value the
 * console shows may come from the softphone or from data and is untrusted.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
    readonly class?: string;
    readonly testid?: string;
    readonly attrs?: Readonly<Record<string, string | undefined>>;
    readonly on?: {
        readonly [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void;
    };
}

export function h<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Props = {},
    ...children: Child[]
): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (props.class) {
        element.className = props.class;
    }
    if (props.testid) {
        element.dataset['testid'] = props.testid;
    }
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
        if (value !== undefined) {
            element.setAttribute(name, value);
        }
    }
    for (const [type, listener] of Object.entries(props.on ?? {})) {
        element.addEventListener(type, listener as EventListener);
    }
    append(element, children);
    return element;
}

export function append(parent: Node, children: readonly Child[]): void {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        parent.appendChild(
            typeof child === 'object' ? child : document.createTextNode(String(child))
        );
    }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
    parent.replaceChildren();
    append(parent, children);
}

const svgNs = 'http://www.w3.org/2000/svg';

/** An SLDS sprite icon; `name` must be an icon key (letters, digits, underscores). */
export function icon(
    sprite: 'utility' | 'standard',
    name: string,
    className: string
): SVGSVGElement {
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('class', className);
    svg.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS(svgNs, 'use');
    const key = /^[a-z0-9_]+$/.test(name) ? name : 'call';
    use.setAttribute('href', `/assets/icons/${sprite}-sprite/svg/symbols.svg#${key}`);
    svg.appendChild(use);
    return svg;
}

/** An SLDS card with a title and a body. */
export function card(title: string, testid: string, ...body: Child[]): HTMLElement {
    return h(
        'article',
        { class: 'slds-card', testid },
        h(
            'div',
            { class: 'slds-card__header slds-grid' },
            h('h2', { class: 'slds-card__header-title slds-text-heading_small' }, title)
        ),
        h('div', { class: 'slds-card__body slds-card__body_inner' }, ...body)
    );
}

export function button(
    label: string,
    testid: string,
    onClick: () => void,
    variant: 'neutral' | 'brand' | 'destructive' | 'outline-brand' = 'neutral'
): HTMLButtonElement {
    return h(
        'button',
        {
            class: `slds-button slds-button_${variant}`,
            testid,
            attrs: { type: 'button' },
            on: { click: () => onClick() }
        },
        label
    );
}

/** A labelled SLDS form element around an input. */
export function field(label: string, control: HTMLElement): HTMLElement {
    const id = control.id || `lc-${Math.random().toString(36).slice(2, 10)}`;
    control.id = id;
    return h(
        'div',
        { class: 'slds-form-element' },
        h('label', { class: 'slds-form-element__label', attrs: { for: id } }, label),
        h('div', { class: 'slds-form-element__control' }, control)
    );
}

export function timeOf(iso: string): string {
    const date = new Date(iso);
    const pad = (value: number, size = 2) => String(value).padStart(size, '0');
    return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
