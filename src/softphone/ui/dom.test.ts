/** @jest-environment jsdom */
import { button, clip, createIdFactory, el, setAttr, setText, untrusted } from './dom';

describe('dom helpers', () => {
    it('el builds an element with class, attributes, text and children', () => {
        const child = el('span', { text: 'child' });
        const element = el('div', { className: 'a b', attrs: { role: 'group' }, text: 'x' }, [
            child
        ]);
        expect(element.className).toBe('a b');
        expect(element.getAttribute('role')).toBe('group');
        expect(element.textContent).toBe('xchild');
        expect(element.lastChild).toBe(child);
    });

    it('el keeps markup in text as text', () => {
        const element = el('p', { text: '<img src=x onerror=alert(1)>' });
        expect(element.children).toHaveLength(0);
        expect(element.textContent).toBe('<img src=x onerror=alert(1)>');
    });

    it('button is never a submit button and calls back on click', () => {
        const onClick = jest.fn();
        const element = button('Go', 'slds-button', onClick);
        expect(element.type).toBe('button');
        element.click();
        expect(onClick).toHaveBeenCalledTimes(1);
    });

    it('setText leaves the node alone when the text is unchanged', () => {
        const element = el('p', { text: 'same' });
        const node = element.firstChild;
        setText(element, 'same');
        expect(element.firstChild).toBe(node);
        setText(element, 'other');
        expect(element.textContent).toBe('other');
    });

    it('setAttr sets and removes', () => {
        const element = el('div');
        setAttr(element, 'aria-pressed', 'true');
        expect(element.getAttribute('aria-pressed')).toBe('true');
        setAttr(element, 'aria-pressed', null);
        expect(element.hasAttribute('aria-pressed')).toBe(false);
    });

    it('untrusted text sits in a bdi so it cannot reorder its surroundings', () => {
        expect(untrusted('x').tagName).toBe('BDI');
    });

    it('clip shortens long text with an ellipsis', () => {
        expect(clip('abcdef', 4)).toBe('abc…');
        expect(clip('abc', 4)).toBe('abc');
    });

    it('ids are unique and carry the prefix', () => {
        const ids = createIdFactory('root');
        const first = ids('x');
        const second = ids('x');
        expect(first).not.toBe(second);
        expect(first.startsWith('root-x-')).toBe(true);
    });
});
