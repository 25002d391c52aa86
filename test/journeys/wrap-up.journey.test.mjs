// Journeys: an agent's wrap-up, from Hang up to the Phone_Call__c it leaves behind. Each test
// plays the agent's whole flow in the local console, then checks the record store and what the
// agent saw (text, focus, axe).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSoftphoneAccessible } from '../browser/support/axe.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite, reloadSoftphone } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

/** Polls until `check()` is truthy (the softphone renders asynchronously); fails after 15 s. */
async function until(check, what) {
    const deadline = Date.now() + 15_000;
    for (;;) {
        if (await check()) {
            return;
        }
        if (Date.now() > deadline) {
            throw new Error(`never happened: ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

const isFocused = (locator) => locator.evaluate((element) => element === document.activeElement);

/** A call from Maria Lopez, answered and hung up: the agent is in wrap-up. */
async function talkToMariaAndHangUp(phone) {
    await phone.ring('sim-known');
    await phone.answer();
    await phone.button('Hang up').click();
    await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
}

const mariasLog = (records) =>
    records.filter((record) => record.Contact__c === SAMPLE.mariaLopez.id);

describe('wrap-up with a short countdown', browserTestOptions(), () => {
    let session;
    let phone;

    // The test is about what the countdown does, not about its seconds: a fake clock runs them.
    consolePerSuite(
        { query: 'setting.wrapUp.afterCallWorkSeconds=2', fakeClock: true },
        (opened) => ({ session, phone } = opened)
    );

    it('an agent picks a disposition and types notes, never presses Save, and the countdown runs out: both are on the call log', async () => {
        await talkToMariaAndHangUp(phone);
        await phone.frame.getByLabel('Disposition').selectOption('Follow-up Required');
        await phone.frame.getByLabel('Notes').fill('Wants the renewal quote by Friday');
        // Typing paused the countdown, in words the agent sees.
        await phone.frame.getByText(/Countdown paused while you type/).waitFor();
        await phone.frame.getByText(/Not saved yet: kept as a draft/).waitFor();
        await session.screenshot('wrapup-02-draft-countdown-paused');
        await assertSoftphoneAccessible(session);

        // Ten seconds after the last keystroke the countdown resumes and ends: no Save pressed.
        await session.clock.runFor(13_000);
        await phone.frame
            .getByRole('heading', { name: 'Wrap up' })
            .waitFor({ state: 'detached', timeout: 30_000 });
        assert.equal(await phone.agentState(), 'Available');
        const [log] = await waitForRecords(
            session,
            'Phone_Call__c',
            (records) => mariasLog(records)[0]?.Notes__c === 'Wants the renewal quote by Friday'
        ).then(mariasLog);
        assert.equal(log.Disposition__c, 'Follow-up Required');
        assert.equal(log.Outcome__c, 'Connected');
        assert.deepEqual(session.pageErrors, []);
    });
});

describe('wrap-up that waits for the agent', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        { query: 'setting.wrapUp.afterCallWorkSeconds=0' },
        (opened) => ({ session, phone } = opened)
    );

    it('after Hang up, the keyboard is in the wrap-up form, on the disposition', async () => {
        await talkToMariaAndHangUp(phone);
        const disposition = phone.frame.getByLabel('Disposition');
        await until(() => isFocused(disposition), 'focus on the disposition');
        await session.screenshot('wrapup-01-focus-after-hang-up');
        // The agent can go on from the keyboard alone.
        await session.page.keyboard.press('Tab');
        assert.ok(await isFocused(phone.frame.getByLabel('Notes')));
        await assertSoftphoneAccessible(session);
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
    });

    it('an agent presses Save and is told it saved, on screen and to the screen reader', async () => {
        const before = mariasLog(
            await session.hook(() => window.localConsole.records('Phone_Call__c'))
        );
        await talkToMariaAndHangUp(phone);
        await phone.frame.getByLabel('Disposition').selectOption('Resolved');
        await phone.frame.getByLabel('Notes').fill('Reset the password');
        await phone.button('Save').click();
        await phone.frame.getByText('Saved to the call log.').waitFor();
        await until(
            async () =>
                (await phone.frame.locator('[role="status"]').allInnerTexts()).some((text) =>
                    text.includes('Wrap-up saved to the call log')
                ),
            'the save announced'
        );
        await session.screenshot('wrapup-03-saved-confirmation');
        await assertSoftphoneAccessible(session);
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            mariasLog(all).some((record) => record.Notes__c === 'Reset the password')
        );
        assert.equal(mariasLog(records).length, before.length + 1);
        // Typing again after the save says so: the change is a draft until it is saved.
        await phone.frame.getByLabel('Notes').fill('Reset the password and the PIN');
        await phone.frame.getByText(/Not saved yet/).waitFor();
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
        await waitForRecords(session, 'Phone_Call__c', (all) =>
            mariasLog(all).some((record) => record.Notes__c === 'Reset the password and the PIN')
        );
    });

    it('an agent presses Done with changes never saved: they are on the call log', async () => {
        await talkToMariaAndHangUp(phone);
        await phone.frame.getByLabel('Disposition').selectOption('Callback Requested');
        await phone.frame.getByLabel('Notes').fill('Call back after 3 pm');
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
        assert.equal(await phone.agentState(), 'Available');
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            mariasLog(all).some((record) => record.Notes__c === 'Call back after 3 pm')
        );
        const log = mariasLog(records).find((record) => record.Notes__c === 'Call back after 3 pm');
        assert.equal(log.Disposition__c, 'Callback Requested');
    });

    it('the softphone reloads during wrap-up: nothing the agent picked or typed is lost, and they are told', async () => {
        await talkToMariaAndHangUp(phone);
        await phone.frame.getByLabel('Disposition').selectOption('Wrong Number');
        await phone.frame.getByLabel('Notes').fill('Was looking for the billing line');
        phone = await reloadSoftphone(session);
        await phone.frame
            .getByText(
                /reloaded during wrap-up of the call with Maria Lopez: what you had chosen and typed is saved/
            )
            .waitFor();
        await session.screenshot('wrapup-07-after-reload');
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            mariasLog(all).some((record) => record.Notes__c === 'Was looking for the billing line')
        );
        const log = mariasLog(records).find(
            (record) => record.Notes__c === 'Was looking for the billing line'
        );
        assert.equal(log.Disposition__c, 'Wrong Number');
        assert.equal(log.Outcome__c, 'Connected');
        assert.deepEqual(session.pageErrors, []);
    });
});

describe('wrap-up with a required disposition', browserTestOptions(), () => {
    let session;
    let phone;

    // About what happens when the countdown ends, not about its seconds: a fake clock runs them.
    consolePerSuite(
        {
            query: 'setting.wrapUp.afterCallWorkSeconds=2&setting.wrapUp.dispositionRequired=true',
            fakeClock: true
        },
        (opened) => ({ session, phone } = opened)
    );

    it('every way out holds until there is a disposition; a call that rings meanwhile is offered, and answering it logs the notes as typed and says so', async () => {
        await talkToMariaAndHangUp(phone);
        await phone.frame.getByLabel('Notes').fill('Asked for a refund');

        // Done: refused, with the reason, and the keyboard on the disposition.
        await phone.button('Done').click();
        await phone.frame
            .getByRole('alert')
            .filter({ hasText: 'Choose a disposition before you finish this call.' })
            .waitFor();
        await until(
            () => isFocused(phone.frame.getByLabel('Disposition')),
            'focus on the disposition'
        );
        await session.screenshot('wrapup-04-required-done-refused');
        await assertSoftphoneAccessible(session);

        // The countdown ends (after the typing pause): the agent stays in wrap-up.
        await session.clock.runFor(13_000);
        await phone.frame
            .locator('.softphone-wrapup__countdown')
            .waitFor({ state: 'hidden', timeout: 30_000 });
        assert.equal(await phone.agentState(), 'AfterCallWork');
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();

        // The status menu: refused, with the reason.
        await phone.frame.getByLabel('Status').selectOption('Available');
        await phone.frame
            .getByRole('alert')
            .filter({ hasText: 'Choose a disposition before you go Available.' })
            .waitFor();
        assert.equal(await phone.agentState(), 'AfterCallWork');
        await session.screenshot('wrapup-05-required-status-refused');

        // A call arrives: it rings (offered), it is not logged Missed.
        await session.page.getByTestId('sim-custom-number').fill('+16505550131');
        await session.page.getByTestId('sim-custom-name').fill('Robert Hayes');
        await session.page.getByTestId('sim-custom-ring').click();
        await phone.button('Answer').waitFor();
        await session.screenshot('wrapup-06-call-rings-during-wrap-up');
        await assertSoftphoneAccessible(session);
        await phone.answer();
        await phone.frame
            .getByText(
                'Wrap-up of the call with Maria Lopez ended without a disposition because you answered the call from Robert Hayes. Add the disposition on its Phone Call record. Your notes are saved on it.'
            )
            .waitFor();
        await session.screenshot('wrapup-08-notice-after-answering');

        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            mariasLog(all).some((record) => record.Notes__c === 'Asked for a refund')
        );
        const first = mariasLog(records)[0];
        assert.equal(first.Notes__c, 'Asked for a refund');
        assert.ok(!first.Disposition__c, `no invented disposition: ${first.Disposition__c}`);

        // The second call: wrap-up with a disposition finishes normally.
        await phone.button('Hang up').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        await phone.frame.getByLabel('Disposition').selectOption('Resolved');
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
        assert.equal(await phone.agentState(), 'Available');
        const all = await waitForRecords(session, 'Phone_Call__c', (logs) =>
            logs.some(
                (record) =>
                    record.From_Number__c === '+16505550131' && record.Disposition__c === 'Resolved'
            )
        );
        const second = all.find((record) => record.From_Number__c === '+16505550131');
        assert.equal(second.Outcome__c, 'Connected');
        assert.equal(all.filter((record) => record.Outcome__c === 'Missed').length, 0);
        assert.deepEqual(session.pageErrors, []);
    });
});
