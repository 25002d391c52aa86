// Agent journeys through the shipped Lightning web components (issue 16): Softphone Click to Dial
// and Softphone Call History, compiled from force-app unchanged, on the console's record pages.
// Their Call button publishes on LMS, the real softphone dials, logs the call through Open CTI,
// publishes callLogged, and the Call History card refreshes itself; the wrap-up saved in the card
// goes through the played updateRecord. Each test then checks the Phone_Call__c records of the
// console's record store and what the agent saw on the record page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRecordPageAccessible } from '../browser/support/axe.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const CHEN = 'James Chen';

/** Opens a record from the Home tab's lists, as an agent does; returns its id. */
async function openRecord(session, type, name) {
    await session.page.getByTestId('workspace-tab').filter({ hasText: 'Home' }).click();
    await session.page
        .getByTestId(`list-${type}`)
        .getByTestId('record-link')
        .filter({ hasText: name })
        .first()
        .click();
    const page = session.page.getByTestId('record-page');
    await page.getByTestId('record-title').filter({ hasText: name }).waitFor();
    return page.getAttribute('data-record-id');
}

/** The active record tab's components (other tabs' stay alive, hidden). */
function recordPage(session) {
    const column = session.page.locator('.lc-record-components__column:not([hidden])');
    return {
        column,
        clickToDial: column.locator('c-click-to-dial'),
        callLog: column.locator('c-call-log'),
        callButton: (label) =>
            column.locator('c-click-to-dial').getByRole('button', { name: `Call ${label}` }),
        callRows: column.locator('c-call-log .call-row')
    };
}

async function phoneCalls(session) {
    return session.hook((type) => window.localConsole.records(type), 'Phone_Call__c');
}

/** Waits until the softphone has no call and no wrap-up left. */
async function finishWrapUp(phone) {
    await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
    await phone.button('Done').click();
    await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
}

/** Dials the record's first phone from its card, hangs up from the card, ends the wrap-up. */
async function callFromCard(session, phone, label) {
    const page = recordPage(session);
    await page.callButton(label).click();
    await phone.waitForAnswer();
    await page.clickToDial.locator('.call-state', { hasText: /^Connected with / }).waitFor();
    await page.clickToDial.getByRole('button', { name: 'Hang Up' }).click();
    await finishWrapUp(phone);
}

describe('journeys: the record page components and the softphone', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    it("an agent calls Maria Lopez from her Contact's Click to Dial card, then wraps up in the Call History card", async () => {
        const mariaId = await openRecord(session, 'Contact', 'Maria Lopez');
        assert.equal(mariaId, SAMPLE.mariaLopez.id);
        const page = recordPage(session);
        await page.callLog.getByText('No calls yet.').waitFor();
        await page.callButton('Phone').waitFor();
        await session.screenshot('lwc-01-contact-ready');
        await assertRecordPageAccessible(session, 'contact-ready');

        await page.callButton('Phone').click();
        await phone.waitForCallState('Connected');
        await page.clickToDial.locator('.call-state', { hasText: /^Connected with / }).waitFor();
        // The softphone took the card's record as the call's related record.
        await phone.frame
            .locator('.softphone-call .softphone-logged-to__current')
            .filter({ hasText: 'Logged to: Maria Lopez (Contact)' })
            .waitFor();
        // One call at a time: the card's buttons wait for this call to end.
        assert.equal(await page.callButton('Mobile').isDisabled(), true);
        await session.screenshot('lwc-02-contact-connected');
        await assertRecordPageAccessible(session, 'contact-connected');

        await page.clickToDial.getByRole('button', { name: 'Hang Up' }).click();
        // The softphone's wrap-up of this call is open: the card does not offer a second form.
        await page.callLog
            .getByText(
                'The wrap-up of this call is open in the softphone or the call controls: finish it there.'
            )
            .waitFor();
        assert.equal(await page.callLog.getByLabel('Disposition').count(), 0);
        await finishWrapUp(phone);
        await page.clickToDial.locator('.call-state', { hasText: /^Call ended: / }).waitFor();

        // The softphone logged the call to Maria; the card lists it without a page reload.
        await page.callRows.first().waitFor();
        assert.equal(await page.callRows.count(), 1);
        const [logged] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some((record) => record.Contact__c === mariaId)
        );
        assert.equal(logged.Direction__c, 'Outbound');

        // Wrap-up in the card: disposition and notes, saved with updateRecord.
        const wrapUp = page.callLog.locator('.wrap-up');
        await wrapUp.getByLabel('Disposition').selectOption('Resolved');
        await wrapUp.getByLabel('Notes').fill('Sent the quote from the record page');
        await wrapUp.getByRole('button', { name: 'Save' }).click();
        await wrapUp.getByText('Wrap-up saved.').waitFor();
        await page.callRows.first().locator('.call-disposition', { hasText: 'Resolved' }).waitFor();
        // Wrapped up: the card says so and keeps the form behind Edit wrap-up.
        await wrapUp.getByText('Wrapped up: Resolved').waitFor();
        assert.equal(await wrapUp.getByRole('button', { name: 'Edit wrap-up' }).isVisible(), true);
        await session.screenshot('lwc-03-contact-wrapped-up');
        await assertRecordPageAccessible(session, 'contact-wrapped-up');

        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((record) => record.Contact__c === mariaId && record.Disposition__c)
        );
        const call = records.find((record) => record.Contact__c === mariaId);
        assert.equal(call.Disposition__c, 'Resolved');
        assert.equal(call.Notes__c, 'Sent the quote from the record page');
        assert.equal(call.Outcome__c, 'Connected');
        assert.match(call.To_Number__c, /4155550101$/);
        assert.deepEqual(session.pageErrors, []);
    });

    it("an agent calls Bayview Logistics from its Account's card: the call is logged to the Account and listed there", async () => {
        const accountId = await openRecord(session, 'Account', 'Bayview Logistics');
        const page = recordPage(session);
        await page.callLog.getByText('No calls yet.').waitFor();
        await callFromCard(session, phone, 'Phone');
        await page.callRows.first().waitFor();
        const [call] = (await phoneCalls(session)).filter(
            (record) => record.Account__c === accountId
        );
        assert.equal(call.Direction__c, 'Outbound');
        assert.match(call.To_Number__c, /6285550110$/);
        assert.equal(await page.callRows.first().getAttribute('data-id'), call.Id);
        await session.screenshot('lwc-04-account-called');
    });

    it('an agent wraps up in the softphone: the Call History card shows the disposition without a reload', async () => {
        const accountId = await openRecord(session, 'Account', 'Bayview Logistics');
        const page = recordPage(session);
        await page.callButton('Phone').click();
        await phone.waitForAnswer();
        await page.clickToDial.getByRole('button', { name: 'Hang Up' }).click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        await phone.frame.getByLabel('Disposition').selectOption('Follow-up Required');
        await phone.button('Done').click();

        // Written by the softphone: the card follows without a page reload.
        const wrapUp = page.callLog.locator('.wrap-up');
        await wrapUp.getByText('Wrapped up: Follow-up Required').waitFor();
        await page.callRows
            .first()
            .locator('.call-disposition', { hasText: 'Follow-up Required' })
            .waitFor();
        await session.screenshot('lwc-16-wrapped-up-in-softphone');
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some(
                (record) =>
                    record.Account__c === accountId &&
                    record.Disposition__c === 'Follow-up Required'
            )
        );
        assert.equal(
            records.filter((record) => record.Disposition__c === 'Follow-up Required').length,
            1
        );
    });

    it('Robert Hayes is marked Do Not Call: his card says so and offers no call', async () => {
        const before = (await phoneCalls(session)).length;
        await openRecord(session, 'Contact', SAMPLE.robertHayes.name);
        const page = recordPage(session);
        await page.clickToDial.locator('.do-not-call').waitFor();
        assert.match(
            await page.clickToDial.locator('.do-not-call').innerText(),
            /marked Do Not Call/
        );
        assert.equal(await page.callButton('Phone').isDisabled(), true);
        await session.screenshot('lwc-05-do-not-call');
        await assertRecordPageAccessible(session, 'do-not-call');
        const dials = (await session.hook(() => window.localConsole.lmsMessages())).filter(
            (entry) => entry.message?.type === 'dial'
        );
        assert.equal(
            dials.some((entry) => entry.message.payload.recordId === SAMPLE.robertHayes.id),
            false
        );
        assert.equal((await phoneCalls(session)).length, before);
    });

    it('the softphone is closed: the card says no softphone is answering, and recovers when it opens', async () => {
        await session.page.getByTestId('close-softphone').click();
        // A record opened while no softphone runs: its card's ping goes unanswered.
        await openRecord(session, 'Contact', CHEN);
        const chen = recordPage(session);
        await chen.clickToDial.locator('.softphone-missing').waitFor();
        assert.match(
            await chen.clickToDial.locator('.softphone-missing').innerText(),
            /No softphone is answering/
        );
        await session.screenshot('lwc-06-no-softphone');
        await assertRecordPageAccessible(session, 'no-softphone');

        await session.page.getByTestId('reload-softphone').click();
        await chen.clickToDial.locator('.softphone-missing').waitFor({ state: 'detached' });
        await chen.callButton('Phone').waitFor();
        assert.equal(await chen.callButton('Phone').isDisabled(), false);
        await session.screenshot('lwc-07-softphone-back');
    });

    it('two record tabs, one softphone: each Call History card lists only its own calls', async () => {
        const chenId = await openRecord(session, 'Contact', CHEN);
        await callFromCard(session, phone, 'Phone');
        const chen = recordPage(session);
        await chen.callRows.first().waitFor();

        await session.page.getByTestId('workspace-tab').filter({ hasText: 'Maria Lopez' }).click();
        const maria = recordPage(session);
        await maria.callRows.first().waitFor();
        const records = await phoneCalls(session);
        const ofMaria = records.filter((record) => record.Contact__c === SAMPLE.mariaLopez.id);
        const ofChen = records.filter((record) => record.Contact__c === chenId);
        assert.equal(ofChen.length, 1);
        assert.equal(await maria.callRows.count(), ofMaria.length);
        const mariaRowIds = await maria.callRows.evaluateAll((rows) =>
            rows.map((row) => row.dataset.id)
        );
        assert.deepEqual(
            mariaRowIds.sort(),
            ofMaria.map((record) => record.Id).sort(),
            "Maria's card lists exactly her calls"
        );
        await session.screenshot('lwc-08-two-tabs-maria');

        await session.page.getByTestId('workspace-tab').filter({ hasText: CHEN }).click();
        const chenRowIds = await recordPage(session).callRows.evaluateAll((rows) =>
            rows.map((row) => row.dataset.id)
        );
        assert.deepEqual(chenRowIds, [ofChen[0].Id], "Chen's card lists exactly his call");
    });
});

describe('journeys: an agent calls from record cards all day', browserTestOptions(), () => {
    let session;
    let phone;

    // About the twentieth call still dialling and logging, not about how long callees take to
    // answer: a fake clock runs each ring time.
    consolePerSuite({ fakeClock: true }, (opened) => ({ session, phone } = opened));

    it('20 click-to-dials in a row from cards on different records all dial and all log', async () => {
        const contacts = (await session.hook(() => window.localConsole.records('Contact')))
            .filter((contact) => contact.Phone && !contact.DoNotCall)
            .slice(0, 5);
        assert.ok(contacts.length >= 4, 'enough sample Contacts to call');
        const before = await phoneCalls(session);
        const expected = new Map();
        for (let index = 0; index < 20; index += 1) {
            const contact = contacts[index % contacts.length];
            const name = [contact.FirstName, contact.LastName].filter(Boolean).join(' ');
            await openRecord(session, 'Contact', name);
            await callFromCard(session, phone, 'Phone');
            expected.set(contact.Id, (expected.get(contact.Id) ?? 0) + 1);
        }
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.length === before.length + 20
        );
        const added = records.filter((record) => !before.some((old) => old.Id === record.Id));
        for (const [contactId, count] of expected) {
            assert.equal(
                added.filter((record) => record.Contact__c === contactId).length,
                count,
                `every call to ${contactId} is logged to it`
            );
        }
        await session.screenshot('lwc-09-after-twenty-calls');
        assert.deepEqual(session.pageErrors, []);
    });
});

describe('journeys: the Click to Dial card from the keyboard', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    /** Runs in the page: whether the keyboard focus (through shadow roots) is on that button. */
    const focusIsOn = (label) => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) {
            element = element.shadowRoot.activeElement;
        }
        return element?.tagName === 'BUTTON' && element.textContent.trim() === label;
    };

    it('a keyboard-only agent calls Daniel Kim with Enter, lands on Hang Up, hangs up with Enter and is back on Call Phone', async () => {
        const danielId = await openRecord(session, 'Contact', 'Daniel Kim');
        const page = recordPage(session);
        const call = page.callButton('Phone');
        await call.waitFor();
        await call.focus();
        await session.page.keyboard.press('Enter');
        await phone.waitForCallState('Connected');
        const hangUp = page.clickToDial.getByRole('button', { name: 'Hang Up' });
        await hangUp.waitFor();
        await session.page.waitForFunction(focusIsOn, 'Hang Up');
        await session.screenshot('lwc-13-keyboard-on-hang-up');
        await assertRecordPageAccessible(session, 'keyboard-on-hang-up');
        await session.page.keyboard.press('Enter');
        await page.clickToDial.locator('.call-state', { hasText: /^Call ended: / }).waitFor();
        await session.page.waitForFunction(focusIsOn, 'Call Phone');
        await finishWrapUp(phone);
        const [logged] = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((record) => record.Contact__c === danielId)
        );
        assert.equal(logged.Direction__c, 'Outbound');
        assert.equal(logged.Outcome__c, 'Connected');
        assert.deepEqual(session.pageErrors, []);
    });
});

describe(
    'journeys: record page components in a second Salesforce tab',
    browserTestOptions(),
    () => {
        let first;
        let second;
        let phone;

        consolePerSuite({}, (opened) => ({ session: first, phone } = opened));

        it('an agent calls James Chen from his card in a second browser tab: the one softphone dials it and logs it once, to him', async () => {
            second = await first.openTab();
            const chenId = await openRecord(second, 'Contact', CHEN);
            const page = recordPage(second);
            await page.callButton('Phone').click();
            // The leading tab's softphone places the call; the card in the second tab follows it.
            await phone.waitForCallState('Connected');
            await page.clickToDial
                .locator('.call-state', { hasText: /^Connected with / })
                .waitFor();
            await second.screenshot('lwc-10-second-tab-connected');
            await page.clickToDial.getByRole('button', { name: 'Hang Up' }).click();
            await finishWrapUp(phone);
            // Each console page is its own org here: the call is logged once, in the leading tab's.
            const [logged] = await waitForRecords(
                first,
                'Phone_Call__c',
                (all) => all.length === 1
            );
            assert.equal(logged.Contact__c, chenId);
            assert.equal(logged.Direction__c, 'Outbound');
            assert.deepEqual(await phoneCalls(second), []);
            assert.deepEqual(second.pageErrors, []);
        });
    }
);

const injected = (name) =>
    `An unexpected error occurred on the server. (Injected by the local console: fault.uiApi=${name}.)`;

describe(
    'journeys: the record page when Salesforce cannot load the record or its calls',
    browserTestOptions(),
    () => {
        let session;

        consolePerSuite(
            { query: 'fault.uiApi=getRecord,getRelatedListRecords' },
            (opened) => ({ session } = opened)
        );

        it('an agent opens Maria Lopez while her record and her calls cannot be read: each card says what failed, and the agent is offered no call', async () => {
            await openRecord(session, 'Contact', 'Maria Lopez');
            const page = recordPage(session);
            const recordError = page.clickToDial.getByRole('alert');
            await recordError.waitFor();
            assert.equal(
                await recordError.innerText(),
                `Couldn't load the phone numbers: ${injected('getRecord')}`
            );
            assert.equal(await page.clickToDial.getByRole('button', { name: /^Call / }).count(), 0);
            const callsError = page.callLog.getByRole('alert');
            await callsError.waitFor();
            assert.equal(
                await callsError.innerText(),
                `Couldn't load the call history: ${injected('getRelatedListRecords')}`
            );
            assert.equal(await page.callRows.count(), 0);
            await session.screenshot('lwc-11-load-errors');
            await assertRecordPageAccessible(session, 'load-errors');
            assert.deepEqual(await phoneCalls(session), []);
            assert.deepEqual(session.pageErrors, []);
        });

        it('once Salesforce answers again, Refresh brings her call history back and reopening her record brings her numbers back', async () => {
            const tools = session.page.getByTestId('fault-ui-api-group');
            for (const name of ['getRecord', 'getRelatedListRecords']) {
                // The agent clicks the label (the SLDS checkbox's input is drawn by its label).
                await tools.getByText(name, { exact: true }).click();
                assert.equal(await tools.getByLabel(name, { exact: true }).isChecked(), false);
            }
            const page = recordPage(session);
            await page.callLog.getByRole('button', { name: 'Refresh' }).click();
            await page.callLog.getByText('No calls yet.').waitFor();
            assert.equal(await page.callLog.getByRole('alert').count(), 0);

            await session.page.getByRole('button', { name: 'Close Maria Lopez' }).click();
            await openRecord(session, 'Contact', 'Maria Lopez');
            const reopened = recordPage(session);
            await reopened.callButton('Phone').waitFor();
            assert.equal(await reopened.clickToDial.getByRole('alert').count(), 0);
            await session.screenshot('lwc-14-load-errors-recovered');
            assert.deepEqual(session.pageErrors, []);
        });
    }
);

describe(
    'journeys: wrap-up in the Call History card when Salesforce refuses it',
    browserTestOptions(),
    () => {
        let session;
        let phone;

        consolePerSuite(
            { query: 'fault.uiApi=getPicklistValues,updateRecord' },
            (opened) => ({ session, phone } = opened)
        );

        it('an agent calls James Chen while the dispositions cannot be read (only None is offered, and the card says why) and the save fails: the card says why and the call keeps what the softphone logged', async () => {
            const chenId = await openRecord(session, 'Contact', CHEN);
            await callFromCard(session, phone, 'Phone');
            const page = recordPage(session);
            await page.callRows.first().waitFor();
            const wrapUp = page.callLog.locator('.wrap-up');
            const disposition = wrapUp.getByLabel('Disposition');
            await disposition.waitFor();
            // Without the picklist's values the card offers only None, and says why.
            assert.equal(
                await page.callLog.locator('.dispositions-error').innerText(),
                `Couldn't load the dispositions: ${injected('getPicklistValues')}`
            );
            assert.deepEqual(
                await disposition
                    .locator('option')
                    .evaluateAll((options) => options.map((option) => option.textContent.trim())),
                ['None']
            );
            await wrapUp.getByLabel('Notes').fill('Asked for a callback on Monday');
            await wrapUp.getByRole('button', { name: 'Save' }).click();
            const saveError = wrapUp.getByRole('alert');
            await saveError.waitFor();
            assert.equal(
                await saveError.innerText(),
                `Couldn't save the wrap-up: ${injected('updateRecord')}`
            );
            // The agent's notes stay in the form, to save again.
            assert.equal(
                await wrapUp.getByLabel('Notes').inputValue(),
                'Asked for a callback on Monday'
            );
            assert.equal(await wrapUp.getByRole('button', { name: 'Save' }).isDisabled(), false);
            await session.screenshot('lwc-12-wrap-up-save-failed');
            await assertRecordPageAccessible(session, 'wrap-up-save-failed');
            const [call] = await waitForRecords(session, 'Phone_Call__c', (all) =>
                all.some((record) => record.Contact__c === chenId)
            );
            assert.equal(call.Notes__c ?? null, null);
            assert.equal(call.Outcome__c, 'Connected');
            assert.deepEqual(session.pageErrors, []);
        });
    }
);
