/* global window, document, MutationObserver */
// Installed into the console page with page.evaluate(installBenchDriver): drives the softphone
// iframe from inside the page and timestamps with the console's performance.now(), so no
// Playwright round trip ends up in a measured span. The function must stay self-contained
// (Playwright sends its source text to the page).

export function installBenchDriver() {
    if (window.benchDriver) {
        return;
    }
    const origin = window.location.origin;
    const frame = () => document.querySelector('[data-testid="softphone-frame"]');
    const frameDocument = () => frame()?.contentDocument ?? undefined;
    const consoleButton = (testid) => document.querySelector(`[data-testid="${testid}"]`);

    // Every Open CTI call the softphone makes, seen before the console handles it (capture
    // listeners on the target run first). Only the fields the bench reads, and emptied at the
    // start of each step, so the recording itself does not grow the heap during a soak.
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
                event.source !== frame()?.contentWindow ||
                data?.source !== 'local-console-opencti-shim' ||
                data.kind !== 'request'
            ) {
                return;
            }
            requests.push({
                at: performance.now(),
                instanceId: data.instanceId,
                method: data.method,
                type: data.args?.message?.type
            });
            wake();
        },
        true
    );

    // Waits re-check on every DOM change in the softphone (a MutationObserver callback runs
    // right after the change), on every Open CTI call, and every 20 ms (navigation).
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
    const until = (check, what, timeoutMs = 10_000) =>
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
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
    const agentState = () => query('select[id*="agent-state"]')?.value;
    const idle = () =>
        !ringing() &&
        !shown(query('.softphone-call')) &&
        !shown(query('.softphone-wrapup')) &&
        agentState() === 'Available';
    const request = (method, type) =>
        requests.find(
            (each) => each.method === method && (type === undefined || each.type === type)
        );
    const simulate = (message) =>
        frame().contentWindow.postMessage(
            { source: 'local-console', kind: 'simulator', ...message },
            origin
        );

    /** Done in the wrap-up form when there is one; resolves once the agent is Available. */
    const finishCall = async () => {
        const next = await until(() => button('Done') ?? (idle() && 'idle'), 'wrap-up or idle');
        if (next !== 'idle') {
            next.click();
            await until(idle, 'an idle softphone after Done');
        }
    };

    window.benchDriver = Object.freeze({
        /**
         * What other in-page drivers (the SIP bench's) build on: waiting on the softphone and
         * the Open CTI calls it made since clearRequests(), timed with performance.now().
         */
        watch: Object.freeze({
            until,
            button,
            query,
            ringing,
            callStatus,
            request,
            clearRequests: () => {
                requests.length = 0;
            }
        }),
        /** Clears the console's LMS and activity logs (their panels re-render on every entry). */
        clearConsoleLogs() {
            consoleButton('lms-clear')?.click();
            consoleButton('activity-clear')?.click();
        },
        /**
         * Closes the workspace tabs screen pops opened and shows Home: the console re-renders
         * the active tab on every change, and the Phone Calls tab (next to a closed one) lists
         * every call.
         */
        closeTabs() {
            for (const close of document.querySelectorAll('[data-testid="close-tab"]')) {
                close.click();
            }
            document.querySelector('[data-testid="workspace-tab"][data-tab-id="home"]')?.click();
        },
        /** The softphone iframe reloaded from the console: time to notifyInitializationComplete. */
        async reload() {
            const before = requests.at(-1)?.instanceId;
            requests.length = 0;
            const start = performance.now();
            consoleButton('reload-softphone').click();
            const fresh = (method) =>
                requests.find((each) => each.method === method && each.instanceId !== before);
            const first = await until(
                () => requests.find((each) => each.instanceId !== before),
                'the first Open CTI call'
            ).catch((error) => {
                const shows = frameDocument()?.body?.innerText.trim().slice(0, 120);
                throw new Error(`${error.message} (the frame shows: ${JSON.stringify(shows)})`);
            });
            const ready = await until(
                () => fresh('notifyInitializationComplete'),
                'notifyInitializationComplete',
                15_000
            );
            const wired = fresh('enableClickToDial');
            const readyAt = await until(
                () => idle() && performance.now(),
                'an Available agent after the reload'
            );
            // Navigation timing of the new page, moved to the console's time origin.
            const framePerformance = frame().contentWindow.performance;
            const shift = framePerformance.timeOrigin - performance.timeOrigin;
            const script = framePerformance
                .getEntriesByType('resource')
                .find((entry) => /\/softphone\.js(\?|$)/.test(entry.name));
            // The softphone's own start steps (performance.mark 'softphone:…', see start-marks.ts).
            const marks = Object.fromEntries(
                framePerformance
                    .getEntriesByType('mark')
                    .filter((entry) => entry.name.startsWith('softphone:'))
                    .map((entry) => [
                        entry.name.slice('softphone:'.length),
                        shift + entry.startTime - start
                    ])
            );
            // The chunks softphone.js imports statically: fetched only once it is parsed, and
            // before it runs (a second round trip), so the last of them is a step of the start.
            const scriptRun = marks['script-run'];
            const staticChunks = framePerformance
                .getEntriesByType('resource')
                .filter((entry) => /\/chunks\/chunk-/.test(entry.name))
                .map((entry) => shift + entry.responseEnd - start)
                .filter((end) => scriptRun === undefined || end <= scriptRun);
            if (staticChunks.length > 0) {
                marks['static-chunks-received'] = Math.max(...staticChunks);
            }
            const phoneNumbers = framePerformance
                .getEntriesByType('resource')
                .find((entry) => /\/phone-number-library\.js(\?|$)/.test(entry.name));
            if (phoneNumbers !== undefined) {
                marks['phone-number-library-received'] = shift + phoneNumbers.responseEnd - start;
            }
            return {
                marks,
                initialised: ready.at - start,
                navigationStart: shift - start,
                scriptLoaded: script ? shift + script.responseEnd - start : null,
                firstOpenCtiCall: first.at - start,
                clickToDialEnabled: wired ? wired.at - start : null,
                agentAvailable: readyAt - start
            };
        },
        /** A known caller rings: when the softphone shows it and asks for the screen pop. */
        async inboundCall(from) {
            requests.length = 0;
            const start = performance.now();
            simulate({ action: 'incoming', from });
            const ringingAt = await until(() => ringing() && performance.now(), 'the ringing');
            const search = await until(() => request('searchAndScreenPop'), 'searchAndScreenPop');
            await until(() => request('screenPop'), 'screenPop');
            // The caller gives up: a missed call, logged without wrap-up.
            simulate({ action: 'remoteHangup' });
            await until(() => request('publish', 'callLogged'), 'the callLogged event');
            await until(idle, 'an idle softphone');
            return { ringing: ringingAt - start, screenPopRequest: search.at - start };
        },
        /** An LWC's LMS dial: when the softphone gets it, shows "Calling…" and says callStarted. */
        async lmsDial(number, requestId) {
            requests.length = 0;
            const softphoneWindow = frame().contentWindow;
            let deliveredAt;
            const onMessage = (event) => {
                if (deliveredAt === undefined && event.data?.kind === 'listener') {
                    deliveredAt = performance.now();
                }
            };
            softphoneWindow.addEventListener('message', onMessage, true);
            consoleButton('lms-message').value = JSON.stringify({
                version: 1,
                type: 'dial',
                requestId,
                payload: { number }
            });
            const start = performance.now();
            consoleButton('lms-send').click();
            try {
                const callingAt = await until(
                    () => callStatus()?.startsWith('Calling') && performance.now(),
                    '"Calling…"'
                );
                const started = await until(() => request('publish', 'callStarted'), 'callStarted');
                (await until(() => button('Hang up'), 'the Hang up button')).click();
                await finishCall();
                return {
                    delivered: deliveredAt - start,
                    calling: callingAt - start,
                    callStarted: started.at - start
                };
            } finally {
                softphoneWindow.removeEventListener('message', onMessage, true);
            }
        },
        /**
         * One answered inbound call: rings from `from`, Answer, screen pop done, Connected, the
         * caller hangs up, Done in the wrap-up. With `leaveConnected` it returns at Connected
         * (the bench then reloads the softphone: the call is cut, and logged as Dropped by the
         * next instance from the session it left).
         */
        async answeredCall(from, { leaveConnected = false } = {}) {
            requests.length = 0;
            simulate({ action: 'incoming', from });
            (await until(() => button('Answer'), 'the Answer button')).click();
            await until(() => request('screenPop'), 'screenPop');
            await until(() => callStatus()?.startsWith('Connected'), '"Connected"');
            if (!leaveConnected) {
                simulate({ action: 'remoteHangup' });
                await finishCall();
            }
        },
        /**
         * Answered calls one after the other (see answeredCall), closing the screen pop's tab
         * after each, then reading the saveLog results from the console's activity log and
         * clearing its logs (their panels re-render in full on every entry).
         */
        async answeredCalls(numbers) {
            const tally = { succeeded: 0, failed: 0, saveLogs: [] };
            for (const number of numbers) {
                await this.answeredCall(number);
                this.closeTabs();
                this.tallySaveLogs(tally);
            }
            return tally;
        },
        /**
         * Adds the saveLog calls in the console's activity log to `tally` (counts, and each
         * call's gist for the report on a missing log), then clears the console's logs.
         */
        tallySaveLogs(tally = { succeeded: 0, failed: 0, saveLogs: [] }) {
            for (const entry of window.localConsole.activity()) {
                if (entry.method === 'saveLog' && entry.response) {
                    const value = entry.args?.value ?? {};
                    const ok = entry.response.success;
                    tally[ok ? 'succeeded' : 'failed'] += 1;
                    tally.saveLogs.push({
                        at: entry.at,
                        ok,
                        entity: value.entityApiName ?? null,
                        id: value.Id ?? null,
                        from: value.From_Number__c ?? null,
                        providerCallId: value.Provider_Call_Id__c ?? null,
                        returned: ok ? entry.response.returnValue : null
                    });
                } else if (entry.kind === 'console' && /reloaded/.test(entry.text)) {
                    tally.saveLogs.push({ at: entry.at, reload: entry.text });
                }
            }
            this.clearConsoleLogs();
            return tally;
        },
        /**
         * Everything in this origin's IndexedDB (the softphone's durable log outbox), each record
         * as JSON text: a call missing from Phone_Call__c but still in here is queued, not lost.
         */
        async storedRecords() {
            const request = (idbRequest) =>
                new Promise((resolve, reject) => {
                    idbRequest.onsuccess = () => resolve(idbRequest.result);
                    idbRequest.onerror = () => reject(idbRequest.error);
                });
            const texts = [];
            for (const { name } of await window.indexedDB.databases()) {
                const database = await request(window.indexedDB.open(name));
                try {
                    for (const store of database.objectStoreNames) {
                        const values = await request(
                            database.transaction(store, 'readonly').objectStore(store).getAll()
                        );
                        texts.push(...values.map((value) => JSON.stringify(value)));
                    }
                } finally {
                    database.close();
                }
            }
            return texts;
        },
        /** The console's "Reset data": back to the sample records (Phone_Call__c emptied). */
        resetData() {
            consoleButton('reset-data').click();
            this.closeTabs();
        },
        /** Resolves once the softphone is idle and `ms` passed without an Open CTI call. */
        async settle(ms) {
            await until(idle, 'an idle softphone');
            for (let round = 0; round < 100; round += 1) {
                const count = requests.length;
                await sleep(ms);
                if (requests.length === count) {
                    break;
                }
            }
            requests.length = 0;
        }
    });
}
