/** @jest-environment jsdom */
import { registerSa11yMatcher } from '@sa11y/jest';
import { label } from '../i18n';
import { DiagnosticsView } from './diagnostics-view';
import { SoftphoneView } from './softphone-view';
import {
    buttonNamed,
    makeActions,
    makeModel,
    queryButton
} from './test-support/softphone-fixtures';

beforeAll(() => registerSa11yMatcher());

afterEach(() => {
    document.body.replaceChildren();
});

function mountWith(downloadLogs?: () => void): HTMLElement {
    const root = document.createElement('main');
    root.id = 'softphone-root';
    document.body.append(root);
    const actions = { ...makeActions(), ...(downloadLogs ? { downloadLogs } : {}) };
    const timers = { setInterval: jest.fn(), clearInterval: jest.fn() };
    new SoftphoneView({ root, actions, clock: { now: () => 0 }, timers }).render(makeModel());
    return root;
}

describe('DiagnosticsView', () => {
    it('offers "Download logs" when the host wires the action, and calls it on click', () => {
        const downloadLogs = jest.fn();
        const root = mountWith(downloadLogs);
        buttonNamed(root, label('Softphone_Download_Logs')).click();
        expect(downloadLogs).toHaveBeenCalledTimes(1);
    });

    it('shows nothing when the host has no diagnostic log', () => {
        const root = mountWith();
        expect(queryButton(root, label('Softphone_Download_Logs'))).toBeUndefined();
        const view = new DiagnosticsView({});
        expect(view.element.hidden).toBe(true);
        expect(view.element.childElementCount).toBe(0);
    });

    it('is a plain, accessible button that never submits a form', async () => {
        const root = mountWith(jest.fn());
        const button = buttonNamed(root, label('Softphone_Download_Logs'));
        expect(button.type).toBe('button');
        await expect(root).toBeAccessible();
    });
});
