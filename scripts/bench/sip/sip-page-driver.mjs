/* global window, document */
// Installed into the console page with page.evaluate(installSipBenchDriver), after the bench
// driver (page-driver.mjs) whose watch it uses: drives the softphone iframe from inside the page
// and timestamps on the wall clock (epoch ms, sub-ms resolution) so that page times compare with
// sipp's message trace. The function must stay self-contained (Playwright sends its source text
// to the page).

export function installSipBenchDriver() {
    if (window.sipBench) {
        return;
    }
    // The bench driver (installed first) watches the softphone and its Open CTI calls.
    const { until, button, query, ringing, callStatus, request, clearRequests } =
        window.benchDriver.watch;

    // performance.now() on the wall clock: timeOrigin can sit a little off Date.now(); the
    // offset is the median of many (Date.now() + 0.5) − (timeOrigin + now()) samples.
    const samples = [];
    for (let index = 0; index < 501; index += 1) {
        samples.push(Date.now() + 0.5 - (performance.timeOrigin + performance.now()));
    }
    samples.sort((a, b) => a - b);
    const offset = samples[250];
    const wallClock = (at) => performance.timeOrigin + at + offset;
    const now = () => wallClock(performance.now());
    let pending;

    window.sipBench = Object.freeze({
        /**
         * Arms the inbound measurement (before sipp sends its INVITE): when the softphone shows
         * the ringing call the agent answers `answerAfterMs` after it showed (at once: 0);
         * `inboundResult()` then resolves with the wall-clock times of the ringing, the Answer
         * click and the searchAndScreenPop request.
         */
        armInbound(answerAfterMs = 0) {
            clearRequests();
            pending = (async () => {
                const ringingAt = await until(() => ringing() && now(), 'the ringing');
                if (answerAfterMs > 0) {
                    await new Promise((resolve) => setTimeout(resolve, answerAfterMs));
                }
                const answer = await until(() => button('Answer'), 'the Answer button');
                const answeredAt = now();
                answer.click();
                const search = await until(
                    () => request('searchAndScreenPop'),
                    'searchAndScreenPop'
                );
                await until(() => callStatus()?.startsWith('Connected'), '"Connected"');
                return { ringingAt, answeredAt, screenPopAt: wallClock(search.at) };
            })();
            // Reported by inboundResult(); never an unhandled rejection meanwhile.
            pending.catch(() => undefined);
        },
        inboundResult: () => pending,
        /**
         * Types `number` on the softphone's keypad and clicks Call: the click's wall-clock time
         * and when "Calling…" showed.
         */
        async keypadDial(number) {
            const doc = document.querySelector('[data-testid="softphone-frame"]').contentDocument;
            const label = [...doc.querySelectorAll('label')].find(
                (each) => each.textContent.trim() === 'Phone number'
            );
            const input = doc.getElementById(label.htmlFor);
            input.value = number;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const call = await until(() => button('Call'), 'the Call button');
            const clickedAt = now();
            call.click();
            const callingAt = await until(
                () => callStatus()?.startsWith('Calling') && now(),
                '"Calling…"'
            );
            return { clickedAt, callingAt };
        },
        /** Resolves with the wall-clock time the header first reads `label` (e.g. Connected). */
        async connectionShown(label, timeoutMs) {
            const doc = () =>
                document.querySelector('[data-testid="softphone-frame"]').contentDocument;
            const started = Date.now();
            for (;;) {
                const badge = doc()?.querySelector('.softphone-header__connection .slds-badge');
                if (badge?.textContent.trim() === label) {
                    return now();
                }
                if (Date.now() - started > timeoutMs) {
                    throw new Error(`the softphone did not show ${label} within ${timeoutMs} ms`);
                }
                await new Promise((resolve) => setTimeout(resolve, 2));
            }
        },
        /**
         * On the connected call: opens Transfer, types `target` and clicks Transfer now;
         * resolves with the click's wall-clock time.
         */
        async transferClick(target) {
            (await until(() => button('Transfer'), 'the Transfer button')).click();
            const input = await until(
                () => query('input[placeholder="Number or extension"]'),
                'the Transfer to field'
            );
            input.value = target;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const transferNow = await until(() => button('Transfer now'), 'Transfer now');
            const clickedAt = now();
            transferNow.click();
            return { clickedAt };
        },
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
            const callingAt = await until(
                () => callStatus()?.startsWith('Calling') && now(),
                '"Calling…"'
            );
            return { clickedAt, callingAt };
        }
    });
}
