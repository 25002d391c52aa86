/* global window, document */
// The record page's components (issue 16): an agent clicks Call on Maria Lopez's Click to Dial
// card; the span ends when the softphone shows "Calling…" (the simulator dials) and when its
// callStarted reaches the console. Then the call is hung up in the softphone and logged; the
// second span runs from the softphone's callLogged publish to the Call History card listing the
// new call (LMS → refreshApex → the played related list → re-render). Timed inside the page with
// the bench driver's waits (page-driver.mjs), which re-check on every softphone DOM change and
// Open CTI call and every 20 ms (the card's own DOM changes are seen at that 20 ms tick).
import { scaled } from './bench-scale.mjs';
import { summarise } from './statistics.mjs';

export const CARD_ITERATIONS = scaled(20);
const WARM_UP = 2;

/** In the page: one call from the card; self-contained (Playwright sends its source). */
function cardCall() {
    const { until, button, callStatus, request, clearRequests } = window.benchDriver.watch;
    const column = document.querySelector('.lc-record-components__column:not([hidden])');
    const card = (tag) => column?.querySelector(tag)?.shadowRoot;
    const firstRowId = () =>
        card('c-call-log')?.querySelector('.call-row')?.getAttribute('data-id') ?? null;
    const dialButton = card('c-click-to-dial')
        ?.querySelector('lightning-button.dial')
        ?.shadowRoot?.querySelector('button');
    if (!dialButton || dialButton.disabled) {
        throw new Error('the Click to Dial card has no enabled Call button');
    }
    const before = firstRowId();
    clearRequests();
    const start = performance.now();
    dialButton.click();
    return (async () => {
        const callingAt = await until(
            () => callStatus()?.startsWith('Calling') && performance.now(),
            '"Calling…" in the softphone'
        );
        const started = await until(() => request('publish', 'callStarted'), 'callStarted');
        (await until(() => button('Hang up'), 'the Hang up button')).click();
        const logged = await until(() => request('publish', 'callLogged'), 'callLogged');
        const listedAt = await until(
            () => firstRowId() !== before && firstRowId() !== null && performance.now(),
            'the new call in the Call History card'
        );
        (await until(() => button('Done'), 'Done in the wrap-up')).click();
        await until(() => !button('Done') && !callStatus(), 'an idle softphone');
        return {
            calling: callingAt - start,
            callStarted: started.at - start,
            cardUpdated: listedAt - logged.at
        };
    })();
}

/** Opens Maria Lopez's record page (the workspace shown again) and times CARD_ITERATIONS calls. */
export async function measureRecordPage(session, progress) {
    await session.page.evaluate(() => {
        document.getElementById('workspace').style.display = '';
    });
    await session.page
        .getByTestId('list-Contact')
        .getByTestId('record-link')
        .filter({ hasText: 'Maria Lopez' })
        .first()
        .click();
    await session.page
        .locator('c-click-to-dial')
        .getByRole('button', { name: 'Call Phone' })
        .waitFor();
    const samples = [];
    for (let index = -WARM_UP; index < CARD_ITERATIONS; index += 1) {
        await session.drive('clearConsoleLogs');
        const sample = await session.page.evaluate(cardCall);
        if (index >= 0) {
            samples.push(sample);
        }
        await session.drive('settle', 30);
        if (index >= 0 && (index + 1) % 10 === 0) {
            progress(`record page calls: ${index + 1}/${CARD_ITERATIONS}`);
        }
    }
    return {
        calling: summarise(samples.map((sample) => sample.calling)),
        callStarted: summarise(samples.map((sample) => sample.callStarted)),
        cardUpdated: summarise(samples.map((sample) => sample.cardUpdated))
    };
}
