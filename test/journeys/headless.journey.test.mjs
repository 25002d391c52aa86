// Agent journeys in headless mode (issue 18): the call center's display/headless is on, so the
// softphone loads in the background and never opens its panel; the agent works only from the
// shipped Softphone Call Bar (the utility bar's Call Controls item, compiled from force-app
// unchanged) and the Click to Dial card. Each journey then checks the Phone_Call__c records in the
// console's record store, that the softphone panel stayed closed, and what the agent saw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertComponentAccessible } from '../browser/support/axe.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { waitForSoftphone } from '../browser/support/local-console-session.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const COLLEAGUE = '+14155551234';

const QUERY = [
    'setting.display.headless=true',
    'callBar=open',
    'setting.wrapUp.dispositionRequired=true',
    'setting.wrapUp.afterCallWorkSeconds=0',
    'setting.agentStatus.breakReasons=Lunch,Training'
].join('&');

/** The Call Controls utility: the call bar and what the agent reads and presses in it. */
function callBar(session) {
    const root = session.page.locator('c-softphone-call-bar');
    return {
        root,
        button: (name) => root.getByRole('button', { name, exact: true }),
        status: () => root.getByLabel('Status'),
        callState: (text) => root.locator('.call-state', { hasText: text }),
        wrapUp: root.locator('.wrap-up')
    };
}

/** The softphone never asked Salesforce to open its panel, and the panel is minimised. */
async function assertPanelStayedClosed(session) {
    const utility = await session.hook(() => window.localConsole.utility());
    assert.equal(utility.visible, false);
    const opened = await session.hook(() =>
        window.localConsole
            .activity()
            .filter((entry) => entry.method === 'setSoftphonePanelVisibility')
    );
    assert.deepEqual(opened, []);
}

/** Polls a form field until it holds `value` (the softphone's state came back to the bar). */
async function waitForValue(locator, value, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while ((await locator.inputValue()) !== value) {
        if (Date.now() > deadline) {
            throw new Error(`the field never read ${value}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

async function phoneCalls(session) {
    return session.hook((type) => window.localConsole.records(type), 'Phone_Call__c');
}

/** Wrap-up in the call bar: Done refused without a disposition, then saved with it. */
async function wrapUpInCallBar(bar, { disposition, notes }) {
    await bar.wrapUp.waitFor();
    await bar.button('Done').click();
    await bar.wrapUp
        .locator('.wrap-up-error', {
            hasText: 'Choose a disposition before you finish this call.'
        })
        .waitFor();
    await bar.wrapUp.getByLabel('Disposition').selectOption(disposition);
    await bar.wrapUp.getByLabel('Notes').fill(notes);
    await bar.button('Done').click();
    await bar.wrapUp.waitFor({ state: 'detached' });
}

/** Maria rings; the agent answers her from the call bar and consults the colleague, Maria held. */
async function consultFromCallBar(session) {
    const bar = callBar(session);
    await session.page.getByTestId('sim-known').click();
    await bar.callState('Incoming call from Maria Lopez').waitFor();
    await bar.button('Answer').click();
    await bar.callState('Connected with Maria Lopez').waitFor();
    await bar.button('Transfer').click();
    await bar.root.getByLabel('Transfer to').fill(COLLEAGUE);
    await bar.button('Consult first').click();
    return bar;
}

describe('journeys: headless, the agent works from the call bar', browserTestOptions(), () => {
    let session;

    consolePerSuite({ query: QUERY }, (opened) => ({ session } = opened));

    it('an agent takes a break, then takes, controls, wraps up and logs a call from Maria Lopez only from the call bar, with the softphone panel closed', async () => {
        const bar = callBar(session);
        await bar.status().waitFor();
        assert.equal(await bar.status().inputValue(), 'Available');
        await assertPanelStayedClosed(session);
        await session.screenshot('headless-01-ready');
        await assertComponentAccessible(session, 'c-softphone-call-bar', 'ready');

        // A break with its reason, then back.
        await bar.status().selectOption({ label: 'Break: Lunch' });
        await waitForValue(bar.status(), 'Break:Lunch');
        await session.screenshot('headless-02-break-lunch');
        await bar.status().selectOption({ label: 'Available' });
        await waitForValue(bar.status(), 'Available');

        // Maria calls: the call bar rings; the panel does not open.
        await session.page.getByTestId('sim-known').click();
        await bar.callState('Incoming call from Maria Lopez').waitFor();
        await session.screenshot('headless-03-ringing');
        await assertComponentAccessible(session, 'c-softphone-call-bar', 'a ringing call');
        await bar.button('Answer').click();
        await bar.callState('Connected with Maria Lopez').waitFor();
        await bar.root.locator('.call-timer').waitFor();

        await bar.button('Hold').click();
        await bar.callState('On hold with Maria Lopez').waitFor();
        await bar.button('Resume').click();
        await bar.callState('Connected with Maria Lopez').waitFor();
        await bar.button('Mute').click();
        await bar.button('Unmute').waitFor();
        await bar.button('Keypad').click();
        await bar.button('1').click();
        await bar.root.locator('.dialed', { hasText: '1' }).waitFor();
        await session.screenshot('headless-04-connected-keypad');
        await assertComponentAccessible(
            session,
            'c-softphone-call-bar',
            'a call with the keypad open'
        );
        await assertPanelStayedClosed(session);

        await bar.button('Hang Up').click();
        await bar.wrapUp.waitFor();
        await bar.root.getByText('Wrap up the call with Maria Lopez').waitFor();
        await session.screenshot('headless-05-wrap-up');
        await assertComponentAccessible(session, 'c-softphone-call-bar', 'wrap-up');
        await wrapUpInCallBar(bar, {
            disposition: 'Resolved',
            notes: 'Answered from the call bar'
        });
        assert.equal(await bar.status().inputValue(), 'Available');

        const calls = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some((record) => record.Disposition__c === 'Resolved')
        );
        assert.equal(calls.length, 1);
        const [call] = calls;
        assert.equal(call.Direction__c, 'Inbound');
        assert.equal(call.Outcome__c, 'Connected');
        assert.equal(call.Contact__c, SAMPLE.mariaLopez.id);
        assert.equal(call.Notes__c, 'Answered from the call bar');
        await assertPanelStayedClosed(session);
        await session.screenshot('headless-06-logged');
        assert.deepEqual(session.pageErrors, []);
    });

    it("an agent calls Maria Lopez from her Contact's Click to Dial card and controls the call from the call bar", async () => {
        const before = (await phoneCalls(session)).length;
        await session.page.getByTestId('workspace-tab').filter({ hasText: 'Home' }).click();
        await session.page
            .getByTestId('list-Contact')
            .getByTestId('record-link')
            .filter({ hasText: 'Maria Lopez' })
            .first()
            .click();
        const card = session.page.locator(
            '.lc-record-components__column:not([hidden]) c-click-to-dial'
        );
        await card.getByRole('button', { name: 'Call Phone' }).click();

        const bar = callBar(session);
        await bar.callState('Connected with').waitFor();
        assert.equal(await bar.status().count(), 0);
        await bar.root.locator('.status-text', { hasText: 'On a call' }).waitFor();
        await bar.button('Hold').click();
        await bar.callState('On hold with').waitFor();
        await session.screenshot('headless-07-outbound-held');
        await bar.button('Resume').click();
        await bar.callState('Connected with').waitFor();
        await bar.button('Hang Up').click();
        await wrapUpInCallBar(bar, {
            disposition: 'Left Voicemail',
            notes: 'Called from the card'
        });

        const calls = await waitForRecords(
            session,
            'Phone_Call__c',
            (records) =>
                records.length === before + 1 &&
                records.some((record) => record.Disposition__c === 'Left Voicemail')
        );
        const call = calls.find((record) => record.Disposition__c === 'Left Voicemail');
        assert.equal(call.Direction__c, 'Outbound');
        assert.equal(call.Contact__c, SAMPLE.mariaLopez.id);
        assert.equal(call.Notes__c, 'Called from the card');
        assert.match(call.To_Number__c, /4155550101$/);
        await assertPanelStayedClosed(session);
        assert.deepEqual(session.pageErrors, []);
    });

    it('an agent answers Maria Lopez from the call bar and transfers her blind to a colleague from it', async () => {
        const bar = callBar(session);
        await session.page.getByTestId('sim-known').click();
        await bar.callState('Incoming call from Maria Lopez').waitFor();
        await bar.button('Answer').click();
        await bar.callState('Connected with Maria Lopez').waitFor();
        await bar.button('Transfer').click();
        await bar.root.getByLabel('Transfer to').fill(COLLEAGUE);
        await session.screenshot('headless-10-transfer-form');
        await assertComponentAccessible(session, 'c-softphone-call-bar', 'the transfer form');
        await bar.button('Transfer now').click();
        await wrapUpInCallBar(bar, { disposition: 'Resolved', notes: 'Handed to billing' });

        const calls = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some((record) => record.Outcome__c === 'Transferred')
        );
        const call = calls.find((record) => record.Outcome__c === 'Transferred');
        assert.equal(call.Transfer_Target__c, COLLEAGUE);
        assert.equal(call.Contact__c, SAMPLE.mariaLopez.id);
        assert.equal(call.Disposition__c, 'Resolved');
        await assertPanelStayedClosed(session);
    });

    it('an agent answers Maria Lopez from the call bar, consults a colleague with her on hold, and hands her over from the call bar: two logs, the consult linked to hers', async () => {
        const before = (await phoneCalls(session)).map((record) => record.Id);
        const bar = await consultFromCallBar(session);

        // Two calls: the colleague live, Maria on hold, each said in words.
        const lines = bar.root.locator('.call-line');
        await bar.button('Complete transfer').waitFor();
        await lines.filter({ hasText: 'Maria Lopez' }).getByText('On hold').waitFor();
        await bar.root.locator('.active-line').getByText('Live', { exact: true }).waitFor();
        await bar.root.getByText('Consult call about Maria Lopez').waitFor();
        await session.screenshot('headless-11-consult-live-caller-held');
        await assertComponentAccessible(session, 'c-softphone-call-bar', 'a consult');
        await assertPanelStayedClosed(session);

        await bar.button('Complete transfer').click();
        await wrapUpInCallBar(bar, {
            disposition: 'Resolved',
            notes: 'Consulted, then handed over'
        });

        const isParent = (record) =>
            !before.includes(record.Id) &&
            record.Direction__c === 'Inbound' &&
            record.Outcome__c === 'Transferred';
        const calls = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some(
                (record) =>
                    isParent(record) &&
                    record.Disposition__c === 'Resolved' &&
                    records.some((leg) => leg.Parent_Call__c === record.Id)
            )
        );
        const parent = calls.find(isParent);
        assert.equal(parent.Transfer_Target__c, COLLEAGUE);
        assert.equal(parent.Contact__c, SAMPLE.mariaLopez.id);
        const legs = calls.filter((record) => record.Parent_Call__c === parent.Id);
        assert.equal(legs.length, 1);
        assert.equal(legs[0].Direction__c, 'Outbound');
        assert.equal(legs[0].To_Number__c, COLLEAGUE);
        assert.equal(legs[0].Outcome__c, 'Transferred');
        // The wrap-up is about the customer: it lands on her call, not on the consult leg.
        assert.equal(parent.Disposition__c, 'Resolved');
        assert.equal(parent.Notes__c, 'Consulted, then handed over');
        assert.equal(legs[0].Disposition__c ?? null, null);
        await assertPanelStayedClosed(session);
        assert.deepEqual(session.pageErrors, []);
    });

    it('an agent merges Maria Lopez and a colleague into a conference from the call bar, then drops the colleague and finishes with Maria', async () => {
        const before = (await phoneCalls(session)).map((record) => record.Id);
        const bar = await consultFromCallBar(session);
        await bar.button('Conference').waitFor();
        await bar.root.locator('.active-line').getByText('Live', { exact: true }).waitFor();
        await bar.button('Conference').click();

        await bar.root.getByRole('heading', { name: 'Conference (3)' }).waitFor();
        assert.equal(await bar.root.getByText('In conference', { exact: true }).count(), 2);
        assert.equal(await bar.button('Drop').count(), 2);
        await session.screenshot('headless-12-conference-of-three');
        await assertComponentAccessible(session, 'c-softphone-call-bar', 'a conference');

        await bar.root
            .locator('.call-line', { hasText: COLLEAGUE })
            .getByRole('button', { name: 'Drop' })
            .click();
        await bar.root
            .getByRole('heading', { name: 'Conference (3)' })
            .waitFor({ state: 'detached' });
        await bar.callState('Connected with Maria Lopez').waitFor();
        await bar.button('Hang Up').click();
        await wrapUpInCallBar(bar, { disposition: 'Resolved', notes: 'Three-way call' });

        const isParent = (record) =>
            !before.includes(record.Id) &&
            record.Direction__c === 'Inbound' &&
            record.Conference_Parties__c === COLLEAGUE;
        const calls = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some(
                (record) =>
                    isParent(record) &&
                    record.Notes__c === 'Three-way call' &&
                    records.some((leg) => leg.Parent_Call__c === record.Id)
            )
        );
        const parent = calls.find(isParent);
        assert.equal(parent.Outcome__c, 'Connected');
        assert.equal(parent.Contact__c, SAMPLE.mariaLopez.id);
        assert.equal(parent.Disposition__c, 'Resolved');
        const legs = calls.filter((record) => record.Parent_Call__c === parent.Id);
        assert.equal(legs.length, 1);
        assert.equal(legs[0].To_Number__c, COLLEAGUE);
        assert.equal(legs[0].Conference_Parties__c, SAMPLE.mariaLopez.number);
        await assertPanelStayedClosed(session);
        assert.deepEqual(session.pageErrors, []);
    });

    it('the softphone reloads during a call: the call bar says it stopped, then shows what the reloaded softphone reports, without a page reload', async () => {
        const bar = callBar(session);
        // Marks this page's call bar: a page reload would lose the mark.
        await session.page.evaluate(() => {
            document.querySelector('c-softphone-call-bar').dataset.mark = 'same-page';
        });
        await session.page.getByTestId('sim-known').click();
        await bar.callState('Incoming call from Maria Lopez').waitFor();
        await bar.button('Answer').click();
        await bar.callState('Connected with Maria Lopez').waitFor();

        await session.page.getByTestId('close-softphone').click();
        await bar.root
            .locator('.unavailable-title', { hasText: 'The softphone stopped answering.' })
            .waitFor();
        await session.screenshot('headless-08-softphone-stopped');
        await assertComponentAccessible(session, 'c-softphone-call-bar', 'the softphone stopped');

        await session.page.getByTestId('reload-softphone').click();
        await waitForSoftphone(session.page);
        // The reloaded softphone lost the simulated call (it lived in the old page): it logs the
        // call as Dropped and is Available again; the call bar picks that state up by itself.
        await bar.root.locator('.softphone-missing').waitFor({ state: 'detached' });
        await bar.callState('Connected with').waitFor({ state: 'detached' });
        await waitForValue(bar.status(), 'Available');
        await session.screenshot('headless-09-after-reload');
        assert.equal(
            await session.page.evaluate(
                () => document.querySelector('c-softphone-call-bar').dataset.mark
            ),
            'same-page'
        );
        const calls = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some((record) => record.Outcome__c === 'Dropped')
        );
        const dropped = calls.filter((record) => record.Outcome__c === 'Dropped');
        assert.equal(dropped.length, 1);
        assert.equal(dropped[0].Contact__c, SAMPLE.mariaLopez.id);
        // The call bar still works with the reloaded softphone.
        await bar.status().selectOption({ label: 'Break: Training' });
        await waitForValue(bar.status(), 'Break:Training');
        await bar.status().selectOption({ label: 'Available' });
        await waitForValue(bar.status(), 'Available');
        await assertPanelStayedClosed(session);
    });
});
