/* global window, document, MutationObserver */
// Installed into the console page with page.evaluate(installSipBenchDriver): watches and drives
// the softphone iframe from inside the page and timestamps on the wall clock (epoch ms, sub-ms
// resolution) so that page times compare with sipp's message trace. The function must stay
// self-contained (Playwright sends its source text to the page).

export function installSipBenchDriver() {
    if (window.sipBench) {
        return;
    }
    const frame = () => document.querySelector('[data-testid="softphone-frame"]');
    const frameDocument = () => frame()?.contentDocument ?? undefined;

    // performance.now() on the wall clock: timeOrigin can sit a little off Date.now(); the
    // offset is the median of many (Date.now() + 0.5) − (timeOrigin + now()) samples.
    const samples = [];
    for (let index = 0; index < 501; index += 1) {
        samples.push(Date.now() + 0.5 - (performance.timeOrigin + performance.now()));
    }
    samples.sort((a, b) => a - b);
    const offset = samples[250];
    const now = () => performance.timeOrigin + performance.now() + offset;

    // The softphone's Open CTI calls, seen before the console handles them (capture listener).
    const requests = [];
    const waiters = new Set();
    const wake = () => {
        for (const waiter of [...waiters]) {
            waiter();
        }
    };
    window.addEventListener(
        'message',
        (event) => {
            const data = event.data;
            if (
                event.source === frame()?.contentWindow &&
                data?.source === 'local-console-opencti-shim' &&
                data.kind === 'request'
            ) {
                requests.push({ at: now(), method: data.method });
                wake();
            }
        },
        true
    );
    // Waits re-check on every DOM change in the softphone and every 20 ms.
    const observer = new MutationObserver(wake);
    let observed;
    const observeFrame = () => {
        const current = frameDocument();
        if (current && current !== observed) {
            observer.disconnect();
            observer.observe(current, {
                subtree: true,
                childList: true,
                characterData: true,
                attributes: true
            });
            observed = current;
        }
    };
    const until = (check, what, timeoutMs = 15_000) =>
        new Promise((resolve, reject) => {
            const attempt = () => {
                observeFrame();
                let value;
                try {
                    value = check();
                } catch {
                    value = undefined;
                }
                if (value !== undefined && value !== null && value !== false) {
                    finish();
                    resolve(value);
                }
            };
            const interval = setInterval(attempt, 20);
            const deadline = setTimeout(() => {
                finish();
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
            }, timeoutMs);
            const finish = () => {
                waiters.delete(attempt);
                clearInterval(interval);
                clearTimeout(deadline);
            };
            waiters.add(attempt);
            attempt();
        });

    const shown = (element) => element && !element.closest('[hidden]');
    const query = (selector) => frameDocument()?.querySelector(selector);
    const button = (name) =>
        [...(frameDocument()?.querySelectorAll('button') ?? [])].find(
            (each) => each.textContent.trim() === name && !each.disabled && shown(each)
        );
    const ringing = () => shown(query('.softphone-incoming'));
    const callStatus = () => {
        const status = query('.softphone-call__status');
        return shown(status) ? status.textContent : undefined;
    };
    const request = (method) => requests.find((each) => each.method === method);
    let pending;

    window.sipBench = Object.freeze({
        /**
         * Arms the inbound measurement (before sipp sends its INVITE): when the softphone shows
         * the ringing call the agent answers at once; `inboundResult()` then resolves with the
         * wall-clock times of the ringing, the Answer click and the searchAndScreenPop request.
         */
        armInbound() {
            requests.length = 0;
            pending = (async () => {
                const ringingAt = await until(() => ringing() && now(), 'the ringing');
                const answer = await until(() => button('Answer'), 'the Answer button');
                const answeredAt = now();
                answer.click();
                const search = await until(
                    () => request('searchAndScreenPop'),
                    'searchAndScreenPop'
                );
                await until(() => callStatus()?.startsWith('Connected'), '"Connected"');
                return { ringingAt, answeredAt, screenPopAt: search.at };
            })();
            // Reported by inboundResult(); never an unhandled rejection meanwhile.
            pending.catch(() => undefined);
        },
        inboundResult: () => pending,
        /** An LWC's LMS dial through the console's LMS panel: the click's wall-clock time. */
        async lmsDial(number, requestId) {
            document.querySelector('[data-testid="lms-message"]').value = JSON.stringify({
                version: 1,
                type: 'dial',
                requestId,
                payload: { number }
            });
            const clickedAt = now();
            document.querySelector('[data-testid="lms-send"]').click();
            await until(() => callStatus()?.startsWith('Calling'), '"Calling…"');
            return { clickedAt };
        }
    });
}
