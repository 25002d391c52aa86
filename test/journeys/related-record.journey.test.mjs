// Agent journeys: every call ends up logged to the right record (issue 12, "Relate the call to
// the right record" and "Pop timing"). Each test plays the agent's whole flow in the local
// console, then checks the Phone_Call__c (and Task) records the console's store holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSoftphoneAccessible } from '../browser/support/axe.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { lmsEventsFromSoftphone } from '../browser/support/lms-panel.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const AMBIGUOUS_NUMBER = '+15105550121';

/** The Open CTI methods the softphone called so far, in order. */
async function openCtiCalls(session) {
    const activity = await session.hook(() => window.localConsole.activity());
    return activity.filter((entry) => entry.kind === 'opencti').map((entry) => entry.method);
}

async function countOpenCtiCalls(session, method) {
    return (await openCtiCalls(session)).filter((name) => name === method).length;
}

async function waitForOpenCtiCalls(session, method, count) {
    await session.page.waitForFunction(
        ([name, wanted]) =>
            window.localConsole
                .activity()
                .filter((entry) => entry.kind === 'opencti' && entry.method === name).length >=
            wanted,
        [method, count]
    );
}

/** The "Logged to: …" line of the active call or of the wrap-up. */
function loggedTo(phone, where) {
    const scope = phone.frame.locator(
        where === 'wrap-up' ? '.softphone-wrapup' : '.softphone-call'
    );
    return scope.locator('.softphone-logged-to__current');
}

async function waitForLoggedTo(phone, where, text) {
    await loggedTo(phone, where)
        .filter({ hasText: `Logged to: ${text}` })
        .waitFor();
}

/** The console page's topmost element at the centre of a softphone control is the softphone. */
async function isUncovered(session, phone, name) {
    const box = await phone.button(name).first().boundingBox();
    assert.ok(box, `${name} is on screen`);
    return session.page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-testid') ?? '',
        { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    );
}

describe('journeys: the call is logged to the right record', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    it('an unknown caller is answered, the new-Contact form opens only then, the agent saves the Contact during the call, and the log is on that Contact', async () => {
        const searchesBefore = await countOpenCtiCalls(session, 'searchAndScreenPop');
        await phone.ring('sim-unknown');
        // The ringing call's search runs in full (three written forms of the number)…
        await waitForOpenCtiCalls(session, 'searchAndScreenPop', searchesBefore + 3);
        await session.screenshot('related-01-unknown-caller-ringing-no-form');
        // …and nothing covers Answer and Decline: the form waits for the answer (the default).
        assert.equal(await session.page.getByTestId('new-record-modal').count(), 0);
        assert.equal(await isUncovered(session, phone, 'Answer'), 'softphone-frame');

        await phone.answer();
        const modal = session.page.getByTestId('new-record-modal');
        await modal.waitFor();
        assert.match(await modal.innerText(), /New Contact/);
        // Popped at the answer: the form comes after the answer's own search, never at ring.
        const calls = await openCtiCalls(session);
        const searchesBeforeForm = calls
            .slice(0, calls.lastIndexOf('screenPop'))
            .filter((method) => method === 'searchAndScreenPop').length;
        assert.equal(searchesBeforeForm, searchesBefore + 6);
        await waitForLoggedTo(phone, 'call', 'Not related to a record');

        await modal.getByLabel('Last Name').fill('Blake');
        await modal.getByLabel('First Name').fill('Jordan');
        await session.page.getByTestId('modal-save').click();
        await modal.waitFor({ state: 'detached' });
        const [contact] = await waitForRecords(session, 'Contact', (records) =>
            records.some((record) => record.LastName === 'Blake')
        ).then((records) => records.filter((record) => record.LastName === 'Blake'));
        await waitForLoggedTo(phone, 'call', 'Jordan Blake (Contact)');
        await session.screenshot('related-02-new-contact-related-during-call');
        await assertSoftphoneAccessible(session, 'the active call logged to the new Contact');

        await phone.button('Hang up').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        await waitForLoggedTo(phone, 'wrap-up', 'Jordan Blake (Contact)');
        await session.screenshot('related-03-wrap-up-logged-to-new-contact');
        await assertSoftphoneAccessible(session, 'the wrap-up logged to the new Contact');
        await phone.frame.getByLabel('Disposition').selectOption('Resolved');
        await phone.button('Save').click();
        await phone.button('Done').click();

        const [log] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some(
                (record) =>
                    record.From_Number__c === SAMPLE.unknownNumber &&
                    record.Disposition__c === 'Resolved'
            )
        ).then((records) =>
            records.filter((record) => record.From_Number__c === SAMPLE.unknownNumber)
        );
        assert.equal(log.Contact__c, contact.Id);
        assert.equal(log.Related_Record_Id__c, contact.Id);
        assert.equal(log.Outcome__c, 'Connected');
        // The LWCs on the new Contact's page hear of the call (when it is saved, and again when
        // its wrap-up is written), always as the new Contact's.
        const logged = (await lmsEventsFromSoftphone(session, 'callLogged')).filter(
            (event) => event.payload.recordId === log.Id
        );
        assert.deepEqual(
            [...new Set(logged.map((event) => event.payload.relatedRecordId))],
            [contact.Id]
        );
        assert.deepEqual(session.pageErrors, []);
    });

    it('an ambiguous caller pops the search page, the agent opens one of the two Contacts, and the log is on that Contact', async () => {
        await phone.ring('sim-ambiguous-contacts');
        await session.page.getByTestId('search-Contact').waitFor();
        await phone.answer();
        await waitForLoggedTo(phone, 'call', 'Not related to a record');
        const choice = phone.frame.locator('.softphone-call').getByLabel('Log this call to');
        assert.deepEqual(await choice.locator('option').allInnerTexts(), [
            'Not related to a record',
            'Sarah Miller (Contact)',
            'Kevin Miller (Contact)'
        ]);

        await session.page
            .getByTestId('search-Contact')
            .getByTestId('record-link')
            .filter({ hasText: 'Kevin Miller' })
            .click();
        await waitForLoggedTo(phone, 'call', 'Kevin Miller (Contact)');
        await session.screenshot('related-04-ambiguous-caller-opened-from-search');
        await assertSoftphoneAccessible(session, 'the active call with a choice of records');

        await phone.hangupAndWrapUp({ disposition: 'Resolved', notes: 'Spoke to Kevin' });
        const kevin = (await session.hook(() => window.localConsole.records('Contact'))).find(
            (record) => record.FirstName === 'Kevin' && record.LastName === 'Miller'
        );
        const [log] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some(
                (record) =>
                    record.From_Number__c === AMBIGUOUS_NUMBER &&
                    record.Disposition__c === 'Resolved'
            )
        ).then((records) => records.filter((record) => record.From_Number__c === AMBIGUOUS_NUMBER));
        assert.equal(log.Contact__c, kevin.Id);
        assert.equal(log.Related_Record_Id__c, kevin.Id);
    });
});

describe('journeys: the agent moves a saved log to another record', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        { query: 'setting.logging.mirrorToTask=true' },
        (opened) => ({ session, phone } = opened)
    );

    it('a known caller is logged to their Contact, then in wrap-up the agent logs it to the Account instead: the Contact lookup is cleared, the Account set, the Task and callLogged follow', async () => {
        await phone.ring('sim-known');
        await phone.answer();
        await waitForLoggedTo(phone, 'call', 'Maria Lopez (Contact)');
        await phone.button('Hang up').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        await phone.frame.getByLabel('Disposition').selectOption('Follow-up Required');
        await phone.button('Save').click();
        const [saved] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some(
                (record) =>
                    record.Contact__c === SAMPLE.mariaLopez.id &&
                    record.Disposition__c === 'Follow-up Required' &&
                    typeof record.Task_Id__c === 'string'
            )
        );
        const accountId = (await session.hook(() => window.localConsole.records('Account'))).find(
            (record) => record.Name === 'Acme Robotics'
        ).Id;

        // The agent opens Maria's company from her record during wrap-up, and logs the call there.
        await session.page
            .getByTestId('record-link')
            .filter({ hasText: 'Acme Robotics' })
            .first()
            .click();
        const choice = phone.frame.locator('.softphone-wrapup').getByLabel('Log this call to');
        await choice.locator('option', { hasText: 'Acme Robotics (Account)' }).waitFor({
            state: 'attached'
        });
        await choice.selectOption({ label: 'Acme Robotics (Account)' });
        await waitForLoggedTo(phone, 'wrap-up', 'Acme Robotics (Account)');
        await session.screenshot('related-05-wrap-up-moved-to-account');
        await assertSoftphoneAccessible(session, 'the wrap-up after moving the log');

        const [moved] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some((record) => record.Id === saved.Id && record.Account__c === accountId)
        ).then((records) => records.filter((record) => record.Id === saved.Id));
        assert.equal(moved.Contact__c ?? null, null);
        assert.equal(moved.Related_Record_Id__c, accountId);
        assert.equal(moved.Disposition__c, 'Follow-up Required');
        const [task] = await waitForRecords(session, 'Task', (records) =>
            records.some((record) => record.Id === saved.Task_Id__c && record.WhatId === accountId)
        ).then((records) => records.filter((record) => record.Id === saved.Task_Id__c));
        assert.equal(task.WhoId ?? null, null);

        // The LWCs hear where the call went: the last callLogged names the Account.
        await session.page.waitForFunction(
            ([recordId, relatedRecordId]) =>
                window.localConsole
                    .lmsMessages()
                    .some(
                        (entry) =>
                            entry.direction === 'fromSoftphone' &&
                            entry.message.type === 'callLogged' &&
                            entry.message.payload.recordId === recordId &&
                            entry.message.payload.relatedRecordId === relatedRecordId
                    ),
            [saved.Id, accountId]
        );
        const logged = (await lmsEventsFromSoftphone(session, 'callLogged')).filter(
            (event) => event.payload.recordId === saved.Id
        );
        // Maria's while it was hers (saved, its wrap-up written), then the Account's, last.
        assert.deepEqual(
            [...new Set(logged.map((event) => event.payload.relatedRecordId))],
            [SAMPLE.mariaLopez.id, accountId]
        );
        assert.equal(logged.at(-1).payload.relatedRecordId, accountId);
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
        assert.deepEqual(session.pageErrors, []);
    });
});

describe('journeys: a new-record form that pops on ring', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        { query: 'setting.screenPop.newRecordPopTiming=OnRing' },
        (opened) => ({ session, phone } = opened)
    );

    it('the form opens while the call rings but never covers Answer and Decline nor takes the keyboard, and Escape closes it', async () => {
        await phone.ring('sim-unknown');
        const modal = session.page.getByTestId('new-record-modal');
        await modal.waitFor();
        await session.screenshot('related-06-form-on-ring-beside-answer-decline');
        assert.equal(await isUncovered(session, phone, 'Answer'), 'softphone-frame');
        assert.equal(await isUncovered(session, phone, 'Decline'), 'softphone-frame');
        // The keyboard stays where it was: not in the form.
        assert.equal(
            await session.page.evaluate(() =>
                Boolean(
                    document.activeElement?.closest('[data-testid="new-record-modal"]') ?? false
                )
            ),
            false
        );
        await assertSoftphoneAccessible(session, 'a ringing call beside the new-record form');

        await modal.getByLabel('Last Name').click();
        await session.page.keyboard.press('Escape');
        await modal.waitFor({ state: 'detached' });
        await session.screenshot('related-07-form-closed-with-escape');

        await phone.decline();
        const [log] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some((record) => record.From_Number__c === SAMPLE.unknownNumber)
        );
        assert.equal(log.Outcome__c, 'Rejected');
        assert.equal(log.Contact__c, undefined);
        assert.deepEqual(session.pageErrors, []);
    });
});
