/** @jest-environment jsdom */
import type { OpenCtiHost } from '../opencti/opencti-host';
import type { SetupCheckContext } from './create-setup-check';
import { appendSetupCheck, lazySetupCheck } from './lazy-setup-check';

function context(): SetupCheckContext {
    return {
        // The check runs as the panel opens; its answers do not matter here.
        host: {
            getSoftphoneLayout: () => new Promise(() => undefined),
            saveLog: () => new Promise(() => undefined)
        } as unknown as OpenCtiHost,
        window,
        softphoneVersion: '1.0.0',
        connector: 'Simulator',
        settingsProblems: [],
        searchObjects: [],
        onDoNotCallUnreadable: 'Warn',
        idPrefix: 'softphone'
    };
}

/** The Check setup panels in `root`. */
const panels = (root: HTMLElement) =>
    [...root.children].filter((child) => child.className.includes('setup-check'));

describe('Check setup, loaded on first use', () => {
    afterEach(() => {
        document.body.textContent = '';
    });

    it('adds the panel when first opened, once, and opens it each time', async () => {
        const root = document.body.appendChild(document.createElement('div'));
        const opener = root.appendChild(document.createElement('button'));
        const onLoadError = jest.fn();
        const check = lazySetupCheck(root, context(), onLoadError);
        expect(panels(root)).toHaveLength(0);

        await check.open(opener);
        expect(panels(root)).toHaveLength(1);
        expect((panels(root)[0] as HTMLElement).hidden).toBe(false);

        (panels(root)[0] as HTMLElement).hidden = true;
        await check.open(opener);
        expect(panels(root)).toHaveLength(1);
        expect((panels(root)[0] as HTMLElement).hidden).toBe(false);
        expect(onLoadError).not.toHaveBeenCalled();
    });

    it('reports a panel that cannot be built, and tries again on the next open', async () => {
        const root = document.body.appendChild(document.createElement('div'));
        const opener = root.appendChild(document.createElement('button'));
        const onLoadError = jest.fn();
        const broken = { ...context(), window: undefined } as unknown as SetupCheckContext;
        const check = lazySetupCheck(root, broken, onLoadError);
        await check.open(opener);
        await check.open(opener);
        expect(onLoadError).toHaveBeenCalledTimes(2);
        expect(panels(root)).toHaveLength(0);
    });

    it('offers a Check setup button where the softphone is not running', async () => {
        const root = document.body.appendChild(document.createElement('div'));
        appendSetupCheck(root, context());
        const opener = root.querySelector('button');
        expect(opener?.textContent).toBe('Check setup');
        opener?.click();
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(panels(root)).toHaveLength(1);
    });
});
