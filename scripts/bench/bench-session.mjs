/* global window, document */
// One local console session for the bench: the browser tests' harness (server + headless
// Chromium), the in-page driver, and a CDP session for heap and listener figures.
import { openLocalConsole } from '../../test/browser/support/local-console-session.mjs';
import { installBenchDriver } from './page-driver.mjs';

/** `serverArgs`: the console server's options (--cache-static-resources for a warm start). */
export async function openBenchSession(query, serverArgs = []) {
    const session = await openLocalConsole({ query, serverArgs });
    await session.page.evaluate(installBenchDriver);
    // In Salesforce the softphone is a cross-origin frame with a main thread of its own; here it
    // shares the console's. The console's workspace and tools re-render in full on every Open
    // CTI call and LMS message and force a layout each time, so the bench takes them out of
    // layout (their DOM still updates, their buttons still work) and only the softphone panel
    // is laid out and painted.
    await session.page.evaluate(() => {
        for (const id of ['workspace', 'tools', 'console-status']) {
            document.getElementById(id).style.display = 'none';
        }
    });
    // notifyInitializationComplete comes before the phone system is connected: wait for the
    // agent to be Available, or a reload would restore the pre-connect Offline.
    await session.page.evaluate(() => window.benchDriver.settle(100));
    const cdp = await session.page.context().newCDPSession(session.page);
    // JavaScript contexts by id, to evaluate inside the softphone frame (same renderer).
    const contexts = new Map();
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) =>
        contexts.delete(executionContextId)
    );
    cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
    await cdp.send('Runtime.enable');
    return {
        ...session,
        /** Runs `name(...args)` of window.benchDriver inside the console page. */
        drive: (name, ...args) =>
            session.page.evaluate(
                ([method, values]) => window.benchDriver[method](...values),
                [name, args]
            ),
        /**
         * Full GC, then the used JS heap. The same-origin softphone iframe shares the console
         * page's V8 isolate (one renderer), so this is console + softphone.
         */
        async heapAfterGc() {
            await cdp.send('HeapProfiler.collectGarbage');
            await cdp.send('HeapProfiler.collectGarbage');
            const { usedSize } = await cdp.send('Runtime.getHeapUsage');
            return usedSize;
        },
        /**
         * The console's "Reload softphone", timed (see the driver's reload). Other builds of
         * the working tree replace the static resource now and then; a load that caught one
         * half-written never starts, so a reload is tried up to three times (failures noted).
         */
        async reload(failures = []) {
            for (let attempt = 1; ; attempt += 1) {
                try {
                    return await session.page.evaluate(() => window.benchDriver.reload());
                } catch (error) {
                    failures.push(String(error.message).split('\n')[0]);
                    if (attempt === 3) {
                        throw error;
                    }
                }
            }
        },
        /** Event listeners on the softphone's window, and on its document and every node in it. */
        async frameListeners() {
            const objectGroup = 'bench-listeners';
            // Evaluated in the softphone's own context: a window reached from the console's
            // context (iframe.contentWindow) reports no listeners.
            const { frameTree } = await cdp.send('Page.getFrameTree');
            const frameId = frameTree.childFrames?.find((child) =>
                child.frame.url.includes('/apex/')
            )?.frame.id;
            const context = [...contexts.values()].find(
                (each) => each.auxData?.frameId === frameId && each.auxData?.isDefault
            );
            if (context === undefined) {
                throw new Error('the softphone frame has no JavaScript context');
            }
            const listenersOf = async (expression, options) => {
                const { result } = await cdp.send('Runtime.evaluate', {
                    expression,
                    objectGroup,
                    contextId: context.id
                });
                const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
                    objectId: result.objectId,
                    ...options
                });
                return listeners;
            };
            try {
                const onWindow = await listenersOf('window', {});
                const inDocument = await listenersOf('document', { depth: -1, pierce: true });
                const byType = {};
                for (const listener of [...onWindow, ...inDocument]) {
                    byType[listener.type] = (byType[listener.type] ?? 0) + 1;
                }
                return { window: onWindow.length, document: inDocument.length, byType };
            } finally {
                await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
            }
        },
        /** Elements in the softphone's document. */
        frameNodes: () =>
            session.page.evaluate(
                () =>
                    document
                        .querySelector('[data-testid="softphone-frame"]')
                        .contentDocument.getElementsByTagName('*').length
            )
    };
}
