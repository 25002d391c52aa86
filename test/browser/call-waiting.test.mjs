import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from './support/browser-test.mjs';
import { consolePerSuite } from './support/console-suite.mjs';
import { waitForRecords } from './support/softphone-driver.mjs';

describe('call waiting in the local console', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    it('rings a second call during a call, holds the first to answer it, and logs both', async () => {
        await phone.ring('sim-known');
        await phone.answer();

        await session.page.getByTestId('sim-custom-number').fill('+1 628 555 0111');
        await session.page.getByTestId('sim-custom-ring').click();
        await phone.frame.getByText('Call waiting').first().waitFor();
        await session.screenshot('12-call-waiting');
        // The waiting caller's record pops only once answered, not over the current call's.
        assert.equal(
            (await session.hook(() => window.localConsole.openTabs())).find((tab) => tab.active)
                ?.title,
            'Maria Lopez'
        );

        await phone.button('Answer').click();
        await phone.waitForCallState('On hold');
        await phone.waitForCallState('Connected');
        await phone.frame.getByText('Priya Natarajan').first().waitFor();
        await session.screenshot('13-second-call-answered-first-held');
        const held = phone.frame.locator('.softphone-call', { hasText: 'On hold' });
        assert.match(await held.innerText(), /Maria Lopez/);

        // The agent ends the second call, then takes the held one back.
        await phone.frame
            .locator('.softphone-call', { hasText: 'Priya Natarajan' })
            .getByRole('button', { name: 'Hang up' })
            .click();
        await phone.frame
            .locator('.softphone-call', { hasText: 'Priya Natarajan' })
            .waitFor({ state: 'detached' });
        await phone.button('Resume').click();
        await phone.waitForCallState('Connected');
        await phone.hangupAndWrapUp({ disposition: 'Resolved' });

        const records = await waitForRecords(session, 'Phone_Call__c', (all) => all.length === 2);
        assert.deepEqual(
            records.map((record) => [record.From_Number__c, record.Outcome__c]).sort(),
            [
                ['+14155550101', 'Connected'],
                ['+16285550111', 'Connected']
            ]
        );
        assert.equal(await phone.agentState(), 'Available');
    });

    it('declines a waiting call as Rejected and keeps the current one', async () => {
        await phone.ring('sim-known');
        await phone.answer();
        await session.page.getByTestId('sim-custom-number').fill('+1 212 555 0199');
        await session.page.getByTestId('sim-custom-ring').click();
        await phone.button('Answer').waitFor();
        await session.screenshot('14-second-waiting-call');
        await phone.decline();
        await phone.waitForCallState('Connected');
        await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.From_Number__c === '+12125550199' && r.Outcome__c === 'Rejected')
        );
        await phone.hangupAndWrapUp();
    });
});
