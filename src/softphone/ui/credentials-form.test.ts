/** @jest-environment jsdom */
import { askForCredentials } from './credentials-form';

const prompt = {
    title: 'Sign in to the phone system',
    explanation: 'Your SIP account, kept in memory only.',
    fields: [
        { name: 'user', label: 'SIP user' },
        { name: 'password', label: 'SIP password', secret: true }
    ]
};

function fill(root: HTMLElement, label: string, value: string): void {
    const labelElement = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
    const input = root.querySelector<HTMLInputElement>(`#${labelElement?.getAttribute('for')}`);
    if (!input) {
        throw new Error(`no field labelled ${label}`);
    }
    input.value = value;
}

function submit(root: HTMLElement): void {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
}

describe('askForCredentials', () => {
    let root: HTMLElement;

    beforeEach(() => {
        root = document.createElement('main');
        document.body.append(root);
    });
    afterEach(() => root.remove());

    it('resolves with the values, masks the secret field and leaves nothing behind', async () => {
        const answer = askForCredentials(root, prompt);
        expect(root.querySelector<HTMLInputElement>('input[name="password"]')?.type).toBe(
            'password'
        );
        expect(document.activeElement).toBe(root.querySelector('input[name="user"]'));
        fill(root, 'SIP user', '  agent7 ');
        fill(root, 'SIP password', ' s3cret ');
        submit(root);
        await expect(answer).resolves.toEqual({ user: 'agent7', password: ' s3cret ' });
        expect(root.querySelector('form')).toBeNull();
    });

    it('names the missing field and does not resolve', async () => {
        let resolved = false;
        void askForCredentials(root, prompt).then(() => (resolved = true));
        fill(root, 'SIP user', 'agent7');
        submit(root);
        await Promise.resolve();
        expect(resolved).toBe(false);
        expect(root.querySelector('[role="alert"]')?.textContent).toBe('Enter your SIP password.');
    });

    it('shows the previous error as text, never as markup', () => {
        void askForCredentials(root, { ...prompt, error: '<img src=x onerror=alert(1)> refused' });
        expect(root.querySelector('img')).toBeNull();
        expect(root.querySelector('[role="alert"]')?.textContent).toBe(
            '<img src=x onerror=alert(1)> refused'
        );
    });
});
