// Journey: a stretch of an agent's working day across every part of issue 12 — a caller nobody
// knows, a Contact made for them during the call, wrap-up typed but never saved, the countdown
// running out, then the next call. Asserts the records the day leaves behind (Phone_Call__c,
// the Contact, the Task mirror) and what the agent saw at each step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSoftphoneAccessible } from '../browser/support/axe.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const QUERY = ['setting.wrapUp.afterCallWorkSeconds=3', 'setting.logging.mirrorToTask=true'].join(
    '&'
);

async function utilityLabel(session) {
    return (await session.hook(() => window.localConsole.utility())).itemLabel;
}

async function hasFocus(locator) {
    return locator.evaluate((element) => element === element.ownerDocument.activeElement);
}

describe('journey: an agent working through the day', browserTestOptions(), () => {
    let session;
    let phone;

    // The wrap-up countdown's seconds are not what the journey is about: a fake clock runs them.
    consolePerSuite({ query: QUERY, fakeClock: true }, (opened) => ({ session, phone } = opened));

    it('an unknown caller is answered, a Contact is created from the pop during the call, wrap-up is typed but never saved, the countdown runs out: the log has the Contact, the disposition and the notes, and the next caller rings', async () => {
        // The call rings: the utility item names the caller, nothing covers Answer.
        await phone.ring('sim-unknown');
        await session.page.waitForFunction(() =>
            window.localConsole.utility().itemLabel.startsWith('Incoming')
        );
        assert.equal(await session.page.getByTestId('new-record-modal').count(), 0);

        // Answered: the new-Contact form opens now, prefilled with the caller's number.
        await phone.answer();
        const modal = session.page.getByTestId('new-record-modal');
        await modal.waitFor();
        assert.equal(
            await modal.getByLabel('Phone', { exact: true }).inputValue(),
            SAMPLE.unknownNumber
        );
        await modal.getByLabel('First Name').fill('Zephyrine');
        await modal.getByLabel('Last Name').fill('Quillfeather');
        await session.page.getByTestId('modal-save').click();
        await modal.waitFor({ state: 'detached' });
        await phone.frame
            .locator('.softphone-call .softphone-logged-to__current', {
                hasText: 'Logged to: Zephyrine Quillfeather (Contact)'
            })
            .waitFor();
        assert.equal(await utilityLabel(session), 'On a call');
        await session.screenshot('agent-day-01-contact-created-during-call');

        // Hang up: focus is in wrap-up, the agent picks and types but never presses Save.
        await phone.button('Hang up').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        assert.ok(await hasFocus(phone.frame.getByLabel('Disposition')), 'focus is in wrap-up');
        await phone.frame.getByLabel('Disposition').selectOption('Callback Requested');
        await phone.frame.getByLabel('Notes').fill('Call back Tuesday about the <b>refund</b>');
        await phone.frame.getByText(/Not saved yet: kept as a draft/).waitFor();
        await session.screenshot('agent-day-02-wrap-up-typed-not-saved');
        await assertSoftphoneAccessible(session, 'wrap-up with an unsaved draft');

        // The countdown (paused while typing) runs out: the agent is Available again.
        await session.clock.runFor(14_000);
        await phone.frame
            .getByRole('heading', { name: 'Wrap up' })
            .waitFor({ state: 'detached', timeout: 30_000 });
        assert.equal(await phone.agentState(), 'Available');

        const [contact] = (
            await waitForRecords(session, 'Contact', (records) =>
                records.some((record) => record.LastName === 'Quillfeather')
            )
        ).filter((record) => record.LastName === 'Quillfeather');
        const [log] = (
            await waitForRecords(session, 'Phone_Call__c', (records) =>
                records.some(
                    (record) =>
                        record.From_Number__c === SAMPLE.unknownNumber &&
                        record.Notes__c === 'Call back Tuesday about the <b>refund</b>'
                )
            )
        ).filter((record) => record.From_Number__c === SAMPLE.unknownNumber);
        assert.equal(log.Direction__c, 'Inbound');
        assert.equal(log.Outcome__c, 'Connected');
        assert.equal(log.Disposition__c, 'Callback Requested');
        assert.equal(log.Contact__c, contact.Id);
        assert.equal(log.Related_Record_Id__c, contact.Id);
        assert.ok(Date.parse(log.Ended__c) >= Date.parse(log.Answered__c));
        // The activity timeline's Task follows the same Contact, once.
        const tasks = (
            await waitForRecords(session, 'Task', (records) =>
                records.some((record) => record.WhoId === contact.Id)
            )
        ).filter((record) => record.WhoId === contact.Id);
        assert.equal(tasks.length, 1);

        // The next caller, a known one, rings at once and pops her Contact.
        await phone.ring('sim-known');
        await phone.frame.getByText('Maria Lopez').first().waitFor();
        await session.page.waitForFunction(
            (id) => window.localConsole.openTabs().some((tab) => tab.active && tab.recordId === id),
            SAMPLE.mariaLopez.id
        );
        await session.screenshot('agent-day-03-next-caller-rings');
        await phone.decline();
        await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some(
                (record) =>
                    record.Contact__c === SAMPLE.mariaLopez.id && record.Outcome__c === 'Rejected'
            )
        );
        assert.deepEqual(session.pageErrors, []);
    });
});
