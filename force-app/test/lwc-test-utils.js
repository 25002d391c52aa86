// What the components' jest tests share: mounting, querying the shadow DOM, letting promises
// settle, and cleaning up after each test. Import it by relative path from a __tests__ folder.
import { createElement } from 'lwc';
import { resetSubscriptions } from 'lightning/messageService';

/** Resolves pending promises and re-renders (works with fake timers too). */
export async function flush() {
    for (let i = 0; i < 5; i += 1) {
        await Promise.resolve();
    }
}

/** Creates the component `is` as tag `name` with `props` set, attached to the document. */
export function mount(name, is, props) {
    const element = createElement(name, { is });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** The first match in the component's shadow DOM, or null. */
export const $ = (element, selector) => element.shadowRoot.querySelector(selector);

/** Every match in the component's shadow DOM, as an array. */
export const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

/** The trimmed text of the first match, or null when there is none. */
export const text = (element, selector) => {
    const node = $(element, selector);
    return node ? node.textContent.trim() : null;
};

/** For afterEach: removes what the test mounted, the channel subscriptions and the mocks' calls. */
export function cleanUpComponents() {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    resetSubscriptions();
    jest.clearAllMocks();
}

/** The first match in the component's shadow DOM or in its children's, or null. */
export function $deep(element, selector) {
    const root = element.shadowRoot;
    const found = root.querySelector(selector);
    if (found) {
        return found;
    }
    for (const child of root.querySelectorAll('*')) {
        if (child.shadowRoot && !child.tagName.startsWith('LIGHTNING-')) {
            const inner = $deep(child, selector);
            if (inner) {
                return inner;
            }
        }
    }
    return null;
}
