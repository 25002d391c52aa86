// Agent journeys for dialing, notices and the call panel (issue 12, Deliver 4, 6 and 8): each
// test plays what an agent does in the local console, then checks the Phone_Call__c records the
// console's org holds and what the agent saw in the softphone.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { screenshotDir } from '../browser/support/local-console-session.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

/** The softphone panel alone (360 × 560, as the call center sizes it), as the agent sees it. */
async function panelShot(session, name) {
    mkdirSync(screenshotDir, { recursive: true });
    await session.page
        .getByTestId('softphone-frame')
        .screenshot({ path: join(screenshotDir, `dialing-${name}.png`) });
}

/** Types a number on the keypad and presses Call. */
async function typeAndCall(phone, number) {
    await phone.frame.getByRole('tab', { name: 'Keypad' }).click();
    const field = phone.frame.getByLabel('Phone number');
    await field.fill(number);
    await phone.button('Call').click();
    return field;
}

/** The reason shown beside the number field (what aria-describedby points at), once it shows. */
async function fieldReason(phone) {
    const field = phone.frame.getByLabel('Phone number');
    await phone.frame.locator('.softphone-keypad .slds-has-error').waitFor();
    const describedBy = await field.getAttribute('aria-describedby');
    assert.ok(describedBy, 'the field is described by its reason');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    return phone.frame.locator(`[id="${describedBy}"]`).innerText();
}

async function phoneCalls(session) {
    return session.hook((type) => window.localConsole.records(type), 'Phone_Call__c');
}

/** Outbound searches the softphone made (the Do Not Call check). */
async function outboundSearches(session) {
    const activity = await session.hook(() => window.localConsole.activity());
    return activity
        .filter((entry) => entry.method === 'searchAndScreenPop')
        .map((entry) => entry.args)
        .filter((args) => args.callType === 'outbound');
}

describe('dialing journeys: what agents dial', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    it('an agent dials extension 1002: the call goes to 1002 as typed and is logged To 1002', async () => {
        await typeAndCall(phone, '1002');
        await phone.waitForCallState('Connected');
        await panelShot(session, '01-extension-connected');
        assert.equal(
            await phone.frame.locator('.softphone-call__name').first().innerText(),
            '1002'
        );
        await phone.hangupAndWrapUp({ disposition: 'Resolved', notes: 'Asked IT about 1002' });

        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.To_Number__c === '1002' && r.Disposition__c === 'Resolved')
        );
        const call = records.find((r) => r.To_Number__c === '1002');
        assert.equal(call.Direction__c, 'Outbound');
        assert.equal(call.Outcome__c, 'Connected');
        // An extension is a colleague, not a person on a Do Not Call list: no search for it.
        assert.deepEqual(await outboundSearches(session), []);
        // The field is empty again once the call was placed.
        assert.equal(await phone.frame.getByLabel('Phone number').inputValue(), '');
    });

    it('an agent types a Do Not Call number: refused with the reason by the field, no call, no log', async () => {
        const before = (await phoneCalls(session)).length;
        const field = await typeAndCall(phone, SAMPLE.robertHayes.number);

        assert.equal(
            await fieldReason(phone),
            'Robert Hayes has asked not to be called (Do Not Call)'
        );
        await panelShot(session, '02-do-not-call-typed');
        // The number stays for the agent; nothing was dialled.
        assert.equal(await field.inputValue(), SAMPLE.robertHayes.number);
        assert.equal(await phone.frame.locator('.softphone-call').count(), 0);
        // The check was a deferred outbound search, as for a record's number, and popped nothing.
        const searches = await outboundSearches(session);
        assert.ok(searches.some((args) => args.searchParams === '+16505550131'));
        assert.ok(searches.every((args) => args.deferred === true));
        assert.ok(
            !(await session.hook(() => window.localConsole.openTabs())).some(
                (tab) => tab.recordId === SAMPLE.robertHayes.id
            )
        );
        // It was said to a screen reader too.
        assert.match(
            await phone.frame.locator('.softphone-announcer [aria-live="assertive"]').innerText(),
            /Call not placed: Robert Hayes has asked not to be called/
        );
        assert.equal((await phoneCalls(session)).length, before);
        // Editing the number takes the reason away.
        await field.press('End');
        await field.press('Backspace');
        assert.equal(await field.inputValue(), '650.555.013');
        assert.equal(await field.getAttribute('aria-invalid'), null);
    });

    it('an agent types what cannot be dialled: the reason shows at once and the field keeps it', async () => {
        const before = (await phoneCalls(session)).length;
        let field = await typeAndCall(phone, 'abc');
        assert.equal(
            await fieldReason(phone),
            'abc is not a phone number or an extension: enter its digits.'
        );
        assert.equal(await field.inputValue(), 'abc');
        await panelShot(session, '03-not-a-number');

        field = await typeAndCall(phone, '415 555 0101 9999 9999');
        assert.match(await fieldReason(phone), /is not a valid number for US$/);
        assert.equal(await field.inputValue(), '415 555 0101 9999 9999');
        await panelShot(session, '04-too-long');
        assert.equal((await phoneCalls(session)).length, before);
    });

    it("an agent types Maria Lopez's number on the keypad: the call is logged to her, as the search found", async () => {
        await typeAndCall(phone, '(415) 555-0101');
        await phone.waitForCallState('Connected');
        await phone.frame
            .locator('.softphone-call')
            .first()
            .getByText('Logged to: Maria Lopez (Contact)')
            .waitFor();
        await panelShot(session, '02-typed-number-logged-to-its-contact');
        await phone.hangupAndWrapUp({
            disposition: 'Resolved',
            notes: 'Called back from the keypad'
        });

        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.Notes__c === 'Called back from the keypad')
        );
        const call = records.find((r) => r.Notes__c === 'Called back from the keypad');
        assert.equal(call.To_Number__c, SAMPLE.mariaLopez.number);
        assert.equal(call.Contact__c, SAMPLE.mariaLopez.id);
        assert.equal(call.Related_Record_Id__c, SAMPLE.mariaLopez.id);
    });

    it('an agent holds and mutes a call: the panel shows On hold with its timer, and Unmute', async () => {
        await typeAndCall(phone, '(415) 555-0102');
        await phone.waitForCallState('Connected');
        const mute = phone.button('Mute');
        await mute.click();
        await phone.button('Unmute').waitFor();
        assert.equal(await phone.button('Unmute').getAttribute('aria-pressed'), 'true');
        await phone.button('Hold').click();
        await phone.waitForCallState('On hold');
        const panel = phone.frame.locator('.softphone-call').first();
        await panel
            .locator('.softphone-call__hold-timer', { hasText: /^00:0[1-9]$/ })
            .waitFor({ timeout: 5000 });
        const status = (await panel.locator('.softphone-call__status').innerText()).replace(
            /\s+/g,
            ' '
        );
        // (innerText keeps the screen-reader words "held for".)
        assert.match(status, /^On hold\s*·\s*(held for )?00:0\d\s*·\s*Total \d\d:\d\d/);
        assert.ok((await panel.getAttribute('class')).includes('softphone-call_held'));
        await panelShot(session, '05-held-and-muted');
        await phone.button('Resume').click();
        await phone.waitForCallState('Connected');
        await phone.button('Unmute').click();
        await phone.button('Mute').waitFor();
        assert.equal(await phone.button('Mute').getAttribute('aria-pressed'), 'false');
        await phone.hangupAndWrapUp();

        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.To_Number__c === '+14155550102')
        );
        assert.equal(
            records.find((r) => r.To_Number__c === '+14155550102').Outcome__c,
            'Connected'
        );
    });

    it('a refused double-click on Answer leaves a banner that goes when the call ends, never twice', async () => {
        await phone.ring('sim-known');
        await phone.button('Answer').first().dblclick();
        await phone.waitForCallState('Connected');
        const banner = phone.frame.locator('.softphone-alerts [role="alert"]');
        await banner.first().waitFor();
        assert.equal(await banner.count(), 1);
        assert.match(
            await banner.first().innerText(),
            /Wait until the phone system confirms your last request on this call/
        );
        await panelShot(session, '06-refused-answer-banner');
        await phone.hangupAndWrapUp();
        // Its cause (that call) is gone: so is the banner, through the following calls.
        await banner.first().waitFor({ state: 'detached' });
        await phone.ring('sim-known');
        await phone.answer();
        assert.equal(await banner.count(), 0);
        await phone.hangupAndWrapUp();
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.filter((r) => r.From_Number__c === SAMPLE.mariaLopez.number).length === 2
        );
        assert.ok(
            records
                .filter((r) => r.From_Number__c === SAMPLE.mariaLopez.number)
                .every((r) => r.Outcome__c === 'Connected' && r.Contact__c === SAMPLE.mariaLopez.id)
        );
    });

    it("a caller the org doesn't know keeps the phone system's name in wrap-up and recent calls", async () => {
        await session.page.getByTestId('sim-custom-number').fill('+13125550188');
        await session.page.getByTestId('sim-custom-name').fill('Priya Raman');
        await session.page.getByTestId('sim-custom-ring').click();
        await phone.frame.getByText('Incoming call', { exact: false }).first().waitFor();
        await phone.answer();
        // Nobody has the number: a new Contact form opens on answer; the agent closes it.
        await session.page.getByTestId('modal-cancel').click();
        await phone.button('Hang up').click();
        const wrapUp = phone.frame.locator('.softphone-wrapup');
        await wrapUp.getByText('Priya Raman').first().waitFor();
        await panelShot(session, '07-wrap-up-display-name');
        await phone.button('Done').click();
        await phone.frame.getByRole('tab', { name: 'Recent calls' }).click();
        const row = phone.frame.locator('.softphone-recent__item').first();
        assert.equal(await row.locator('.softphone-recent__label').innerText(), 'Priya Raman');
        // No record was related, so the name is not a link.
        assert.equal(await row.locator('.softphone-recent__record').isVisible(), false);
        await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.From_Number__c === '+13125550188')
        );
    });

    it('at 360 × 560, recent calls are one tab away, dated, and a call with a record opens it', async () => {
        const utility = await session.hook(() => window.localConsole.utility());
        assert.equal(utility.widthPX, 360);
        assert.equal(utility.heightPX, 560);
        await phone.frame.getByRole('tab', { name: 'Recent calls' }).click();
        const rows = phone.frame.locator('.softphone-recent__item');
        // Every row fits in the panel: the last one is inside the frame's 560 px.
        const count = await rows.count();
        assert.ok(count >= 5, `expected the calls of this suite, got ${count}`);
        const frameBox = await session.page.getByTestId('softphone-frame').boundingBox();
        const lastBox = await rows.nth(Math.min(count, 5) - 1).boundingBox();
        assert.ok(lastBox.y + lastBox.height <= frameBox.y + frameBox.height);
        for (let index = 0; index < count; index += 1) {
            assert.match(
                await rows.nth(index).locator('.softphone-recent__meta').innerText(),
                /^Today, /
            );
        }
        await panelShot(session, '08-recent-calls');
        // Maria Lopez's call was related to her Contact by the screen pop: her name is a link.
        await session.page.locator('[data-testid="workspace-tab"][data-tab-id="home"]').click();
        await phone.frame.getByRole('button', { name: 'Maria Lopez', exact: true }).first().click();
        await session.page.getByTestId('record-title').filter({ hasText: 'Maria Lopez' }).waitFor();
        const tabs = await session.hook(() => window.localConsole.openTabs());
        assert.equal(tabs.find((tab) => tab.active)?.recordId, SAMPLE.mariaLopez.id);
    });
});

describe('dialing journeys: the Do Not Call check cannot run (Block)', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        { query: 'fault.searchFailure=true' },
        (opened) => ({ session, phone } = opened)
    );

    it('blocks a typed number, saying why by the field, and logs nothing', async () => {
        const field = await typeAndCall(phone, '(415) 555-0102');
        assert.match(
            await fieldReason(phone),
            /^The call was not placed: the Do Not Call list could not be checked \(.+\)\. Try again in a moment\.$/
        );
        assert.equal(await field.inputValue(), '(415) 555-0102');
        await panelShot(session, '09-check-failed-blocked');
        assert.equal(await phone.frame.locator('.softphone-call').count(), 0);
        assert.deepEqual(await phoneCalls(session), []);
        // An extension needs no check: it still goes through.
        await typeAndCall(phone, '1002');
        await phone.waitForCallState('Connected');
        await phone.hangupAndWrapUp();
        await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.To_Number__c === '1002')
        );
    });
});

describe('dialing journeys: the Do Not Call check cannot run (Warn)', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        { query: 'fault.searchFailure=true&setting.dialing.doNotCallCheckFailure=Warn' },
        (opened) => ({ session, phone } = opened)
    );

    it('places the call with a warning that lasts as long as the call', async () => {
        await typeAndCall(phone, '(415) 555-0102');
        await phone.waitForCallState('Connected');
        const warning = phone.frame.locator('.softphone-alerts .slds-theme_warning', {
            hasText: 'The Do Not Call list could not be checked for (415) 555-0102'
        });
        await warning.waitFor();
        await panelShot(session, '10-check-failed-warned');
        await phone.hangupAndWrapUp();
        await warning.waitFor({ state: 'detached' });
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.To_Number__c === '+14155550102')
        );
        assert.equal(records.length, 1);
        assert.equal(records[0].Outcome__c, 'Connected');
    });
});

describe('dialing journeys: a wrong dial plan', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        { query: `setting.dialing.internalNumberPattern=${encodeURIComponent('(\\d+)+')}` },
        (opened) => ({ session, phone } = opened)
    );

    it('names the setting; the admin reading it can dismiss the error', async () => {
        const error = phone.frame.locator('.softphone-alerts [role="alert"]');
        await error.first().waitFor();
        assert.match(
            await error.first().innerText(),
            /Setting \/dialing\/internalNumberPattern: must not repeat a group that itself repeats/
        );
        await panelShot(session, '11-dial-plan-setting-error');
        await error.first().getByRole('button', { name: 'Dismiss' }).click();
        await error.first().waitFor({ state: 'detached' });
        assert.deepEqual(await phoneCalls(session), []);
    });
});
