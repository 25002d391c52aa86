import { showFatalError, startConsole } from './console-app';
import type { HookSources, LocalConsoleHook } from './test-hook';
import { createTestHook } from './test-hook';

/** Entry of console.js: starts the console and publishes `window.localConsole` for tests. */
let sources: HookSources | undefined;
const ready = new Promise<void>((resolve, reject) => {
    const start = () =>
        startConsole((published) => {
            sources = published;
        }).then(resolve, (error: unknown) => {
            showFatalError(error);
            reject(error instanceof Error ? error : new Error(String(error)));
        });
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => void start(), { once: true });
    } else {
        void start();
    }
});
// An unhandled rejection would be noisy when no test awaits `ready`; the page shows the error.
ready.catch(() => undefined);

(window as unknown as { localConsole: LocalConsoleHook }).localConsole = createTestHook(
    ready,
    () => sources
);
