import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from './support/browser-test.mjs';
import { consolePerSuite, reloadSoftphone } from './support/console-suite.mjs';
import { SAMPLE, waitForRecords } from './support/softphone-driver.mjs';

describe('the softphone after reloads and many navigations', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    it('logs a call cut by a reload as Dropped with its real talk time, and says so', async () => {
        await phone.ring('sim-known');
        await phone.answer();
        await new Promise((resolve) => setTimeout(resolve, 2500));
        phone = await reloadSoftphone(session);
        await phone.frame.getByText(/reloaded during the call with Maria Lopez/).waitFor();
        await session.screenshot('22-after-reload-during-call');
        const [record] = await waitForRecords(session, 'Phone_Call__c', (all) => all.length === 1);
        assert.equal(record.Outcome__c, 'Dropped');
        assert.equal(record.Contact__c, SAMPLE.mariaLopez.id);
        assert.ok(record.Duration_Seconds__c >= 2, `talk time ${record.Duration_Seconds__c}`);
        assert.equal(await phone.agentState(), 'Available');
        await phone.frame.getByText('Maria Lopez').first().waitFor();
    });

    it('keeps the agent on Break across a reload', async () => {
        await phone.frame.getByLabel('Status').selectOption('Break');
        phone = await reloadSoftphone(session);
        await phone.frame.getByLabel('Status').waitFor();
        for (
            let attempt = 0;
            attempt < 50 && (await phone.agentState()) !== 'Break';
            attempt += 1
        ) {
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.equal(await phone.agentState(), 'Break');
        await phone.frame.getByLabel('Status').selectOption('Available');
    });
});

describe('the softphone after many calls and navigations', browserTestOptions(), () => {
    let session;
    let phone;

    // About the twentieth call still working, not about how long each callee takes to answer.
    consolePerSuite({ fakeClock: true }, (opened) => ({ session, phone } = opened));

    it('still dials from click-to-dial after 20 calls and 20 navigations', async () => {
        for (let round = 0; round < 20; round += 1) {
            await session.page.locator('[data-testid="workspace-tab"][data-tab-id="home"]').click();
            await session.page.getByTestId('list-Contact').getByText('James Chen').click();
            await session.page
                .getByTestId('record-title')
                .filter({ hasText: 'James Chen' })
                .waitFor();
            await session.page.getByTestId('click-to-dial').first().click();
            await phone.waitForAnswer();
            await phone.hangupAndWrapUp();
        }
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.filter((r) => r.Contact__c === '003000000000002AAA').length === 20
        );
        assert.equal(records.filter((r) => r.Direction__c === 'Outbound').length, 20);
        assert.deepEqual(session.pageErrors, []);
    });
});
