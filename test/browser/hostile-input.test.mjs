import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { browserTestOptions } from './support/browser-test.mjs';
import { consolePerSuite } from './support/console-suite.mjs';
import { waitForRecords } from './support/softphone-driver.mjs';

// Hostile caller ids and display names, rung through the console's custom caller controls: the
// softphone and the console must show them as inert text, keep working, and log the declined
// calls as plain strings clipped to the field lengths of Phone_Call__c.

/** A number no sample record has: every call pops the New Contact form (noMatchAction). */
const UNKNOWN_NUMBER = '+12125550142';
const PHONE_FIELD_LENGTH = 40;
/** What the softphone shows for a caller id it cannot read as a number (src/softphone/ui/labels.ts). */
const WITHHELD_LABEL = 'Withheld number';

const HOSTILE_NAMES = [
    ['an img with onerror', '<img src=x onerror="window.__pwned=1">'],
    ['a script element', '<script>window.__pwned=1</script>'],
    ['an svg with onload', '<svg onload="window.__pwned=1"></svg>'],
    ['a javascript: URL', 'javascript:window.__pwned=1'],
    ['a right-to-left override', '\u202Eevil.exe'],
    ['control characters', 'a\u0000b\u0007c\u001b[31md\u007f'],
    ['HTML entities', '&lt;b&gt;bold&lt;/b&gt; &amp;amp;'],
    ['emoji, zero-width and isolates', '👩‍💻\u200b\u2066Ada\u2069'],
    ['200 characters', `<i>${'W'.repeat(193)}</i>`]
];

const HOSTILE_NUMBERS = [
    ['a script element', '<script>window.__pwned=1</script>'],
    ['an img with onerror', '<img src=x onerror="window.__pwned=1">'],
    ['a javascript: URL', 'javascript:window.__pwned=1'],
    ['a right-to-left override', '\u202E+14155550177'],
    ['no digits', 'no digits here'],
    ['markup around digits', '+1 415 555 0178 <b>x</b>'],
    ['Arabic-Indic digits', '٤١٥٥٥٥٠١٧٩'],
    ['200 digits', '9'.repeat(200)]
];

/** What the DOM would hold if text had become markup: a count per tag, and offending nodes. */
function inspectDocument() {
    const counts = {};
    for (const tag of ['img', 'script', 'iframe', 'object', 'embed', 'frame', 'base']) {
        counts[tag] = document.getElementsByTagName(tag).length;
    }
    const offending = [];
    for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const urlAttribute = ['href', 'src', 'action', 'formaction', 'xlink:href'];
            if (
                name.startsWith('on') ||
                (urlAttribute.includes(name) && /^\s*javascript:/i.test(attribute.value))
            ) {
                offending.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value}">`);
            }
        }
        if (element.tagName === 'SCRIPT' && element.textContent.includes('__pwned')) {
            offending.push('<script> holding the payload');
        }
        if (element.tagName === 'svg' && element.closest('[class*="softphone-party"]')) {
            offending.push('<svg> inside a caller name');
        }
    }
    return { pwned: window.__pwned, counts, offending };
}

describe('hostile caller ids and names in the local console', browserTestOptions(), () => {
    let session;
    let phone;
    let baseline;

    /** The softphone iframe's Frame (for evaluate); found again after any reload. */
    async function softphoneFrame() {
        const handle = await session.page.getByTestId('softphone-frame').elementHandle();
        return handle.contentFrame();
    }

    async function inspectBoth() {
        return {
            console: await session.page.evaluate(inspectDocument),
            softphone: await (await softphoneFrame()).evaluate(inspectDocument)
        };
    }

    async function assertInert() {
        const now = await inspectBoth();
        for (const side of ['console', 'softphone']) {
            assert.equal(now[side].pwned, undefined, `window.__pwned set in the ${side}`);
            assert.deepEqual(now[side].offending, [], `markup from input in the ${side}`);
            assert.deepEqual(
                now[side].counts,
                baseline[side].counts,
                `new elements in the ${side}`
            );
        }
        assert.deepEqual(session.pageErrors, []);
    }

    /**
     * Types a caller into the console and rings; resolves with what the console sent (the inputs'
     * values after the browser's own sanitising, trimmed as the console trims them).
     */
    async function ring(number, name) {
        const numberInput = session.page.getByTestId('sim-custom-number');
        const nameInput = session.page.getByTestId('sim-custom-name');
        await numberInput.fill(number);
        await nameInput.fill(name);
        const sent = {
            number: (await numberInput.inputValue()).trim(),
            name: (await nameInput.inputValue()).trim()
        };
        await session.page.getByTestId('sim-custom-ring').click();
        return sent;
    }

    /** The screen pop of an unknown caller opens a New Contact (or Case) form: close it. */
    async function closeScreenPopForm() {
        const modal = session.page.getByTestId('new-record-modal');
        await modal.waitFor({ timeout: 5000 }).catch(() => undefined);
        if (await modal.isVisible()) {
            await session.page.getByTestId('modal-cancel').click();
            await modal.waitFor({ state: 'detached' });
        }
    }

    const incoming = () => phone.frame.locator('.softphone-incoming').first();

    async function rejectedCount() {
        const records = await session.hook(() => window.localConsole.records('Phone_Call__c'));
        return records.filter((record) => record.Outcome__c === 'Rejected').length;
    }

    /** Waits for the declined call's Phone_Call__c and checks every field holds plain data. */
    async function assertDeclinedCallLogged(rejectedBefore, sentNumber, { withheld = false } = {}) {
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) =>
                all.filter((record) => record.Outcome__c === 'Rejected').length > rejectedBefore
        );
        const record = records.filter((r) => r.Outcome__c === 'Rejected').at(-1);
        for (const [field, value] of Object.entries(record)) {
            if (field !== 'attributes') {
                assert.ok(
                    value === null || ['string', 'number', 'boolean'].includes(typeof value),
                    `${field} is plain data`
                );
            }
        }
        const from = record.From_Number__c;
        if (sentNumber === '' || withheld) {
            // Nothing readable as a number: logged as a withheld caller id.
            assert.equal(from, undefined);
            return record;
        }
        assert.equal(typeof from, 'string');
        assert.ok(from.length <= PHONE_FIELD_LENGTH, `From_Number__c has ${from.length} chars`);
        // Either the number as normalised to E.164, or the caller id as sent, clipped.
        assert.ok(
            /^\+\d{4,15}$/.test(from) || sentNumber.startsWith(from),
            `From_Number__c ${JSON.stringify(from)} for ${JSON.stringify(sentNumber)}`
        );
        return record;
    }

    // The new-record form pops on ring here (not the default), so hostile values also reach the
    // form while the call rings, as this suite has always checked.
    consolePerSuite(
        { query: 'setting.screenPop.newRecordPopTiming=OnRing' },
        (opened) => ({ session, phone } = opened)
    );
    before(async () => {
        await session.page.waitForFunction(
            () => window.localConsole.utility().initialised && window.localConsole.ready
        );
        // The simulator connects right after start: ring only once the agent is Available.
        const deadline = Date.now() + 15_000;
        while ((await phone.agentState()) !== 'Available') {
            assert.ok(Date.now() < deadline, 'the agent never became Available');
            await session.page.waitForTimeout(100);
        }
        baseline = await inspectBoth();
    });

    for (const [label, name] of HOSTILE_NAMES) {
        it(`shows a display name with ${label} as text, then logs the declined call`, async () => {
            const rejectedBefore = await rejectedCount();
            const sent = await ring(UNKNOWN_NUMBER, name);
            await incoming().waitFor();
            const shown = await incoming()
                .locator('.softphone-party__name')
                .evaluate((element) => element.textContent);
            assert.equal(shown, sent.name);
            await assertInert();
            await closeScreenPopForm();
            await assertInert();
            await phone.decline();
            await assertDeclinedCallLogged(rejectedBefore, sent.number);
            await assertInert();
        });
    }

    for (const [label, number] of HOSTILE_NUMBERS) {
        it(`treats a caller id with ${label} as text: it rings, or the softphone says why`, async () => {
            const rejectedBefore = await rejectedCount();
            const sent = await ring(number, 'Hostile number');
            const alert = phone.frame.locator('.softphone-alert__message', { hasText: /\S/ });
            await Promise.race([incoming().waitFor(), alert.first().waitFor({ timeout: 15_000 })]);
            if (!(await incoming().isVisible())) {
                // Refused: the reason is shown as text in the softphone.
                assert.match(await alert.first().innerText(), /\S/);
                await assertInert();
                await phone.button('Dismiss').first().click();
                return;
            }
            const shown = await incoming()
                .locator('.softphone-party__number')
                .evaluate((element) => element.textContent);
            assert.notEqual(shown.trim(), '');
            if (sent.number.includes('<')) {
                assert.equal(shown, sent.number, 'markup in a caller id is shown literally');
            }
            await assertInert();
            await closeScreenPopForm();
            await phone.decline();
            await assertDeclinedCallLogged(rejectedBefore, sent.number, {
                withheld: shown === WITHHELD_LABEL
            });
            await assertInert();
        });
    }

    it('rings a call whose display name is 10 KB, showing the name safely truncated', async () => {
        const rejectedBefore = await rejectedCount();
        const sent = await ring(
            UNKNOWN_NUMBER,
            `<img src=x onerror="window.__pwned=1">${'N'.repeat(10 * 1024)}`
        );
        await incoming().waitFor({ timeout: 5000 });
        const shown = await incoming()
            .locator('.softphone-party__name')
            .evaluate((element) => element.textContent);
        assert.ok(shown.length >= 40 && shown.length < sent.name.length, `${shown.length} chars`);
        assert.ok(sent.name.startsWith(shown.replace(/…$/, '')), 'a prefix of the name');
        await assertInert();
        await closeScreenPopForm();
        await phone.decline();
        await assertDeclinedCallLogged(rejectedBefore, sent.number);
        await assertInert();
    });

    it('still answers and hangs up a call from a hostile caller', async () => {
        const sent = await ring('+12125550143', '<img src=x onerror="window.__pwned=1">');
        await incoming().waitFor();
        await closeScreenPopForm();
        await phone.answer();
        const party = await phone.frame
            .locator('.softphone-call .softphone-call__name bdi')
            .first()
            .evaluate((element) => element.textContent);
        assert.equal(party, sent.name);
        await assertInert();
        await phone.hangupAndWrapUp({ disposition: 'Wrong Number', notes: sent.name });
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some(
                (record) =>
                    record.From_Number__c === '+12125550143' &&
                    record.Disposition__c === 'Wrong Number'
            )
        );
        const record = records.find((r) => r.From_Number__c === '+12125550143');
        assert.equal(record.Outcome__c, 'Connected');
        assert.equal(record.Notes__c, sent.name);
        assert.equal(await phone.agentState(), 'Available');
        await assertInert();
    });

    it('lists the hostile caller ids as text in the console’s Phone Calls tab', async () => {
        await session.page
            .locator('[data-testid="workspace-tab"][data-tab-id="phone-calls"]')
            .click();
        const table = session.page.getByTestId('phone-calls-table');
        await table.waitFor();
        const text = await table.evaluate((element) => element.textContent);
        assert.ok(text.includes('<script>window.__pwned=1</script>'));
        assert.ok(text.includes('<img src=x onerror="window.__pwned=1">'));
        await assertInert();
        await session.screenshot('hostile-input-phone-calls');
    });
});
