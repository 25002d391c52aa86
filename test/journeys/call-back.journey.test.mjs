// Journey: calling back a missed call. A caller with a number is called back from the missed-call
// notice; a caller the phone system knows only by a name (a SIP user such as "alice") has no
// number to dial, so the softphone says so instead of offering a Call back it would refuse, and
// its recent call shows the name without Redial.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSoftphoneAccessible } from '../browser/support/axe.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { waitForRecords } from '../browser/support/softphone-driver.mjs';

describe('journey: an agent calls back missed calls', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    async function missCallFrom(number, name) {
        await session.page.getByTestId('sim-custom-number').fill(number);
        await session.page.getByTestId('sim-custom-name').fill(name);
        await session.page.getByTestId('sim-custom-ring').click();
        await phone.frame.getByText('Incoming call').first().waitFor();
        await session.page.getByTestId('sim-remote-hangup').click();
    }

    it('a caller known only by the name "alice" hangs up before the agent answers: the notice says there is no number to call back, and nothing offers to dial "alice"', async () => {
        await missCallFrom('alice', 'Front Desk');
        const notice = phone.frame.getByText(
            'Missed call from Front Desk. No number to call back.'
        );
        await notice.waitFor();
        assert.equal(await phone.button('Call back').count(), 0);

        await phone.frame.getByRole('tab', { name: 'Recent calls' }).click();
        const row = phone.frame.locator('.softphone-recent__item').first();
        assert.equal(await row.locator('.softphone-recent__label').innerText(), 'Front Desk');
        assert.equal(await row.getByRole('button', { name: /^Redial/ }).isVisible(), false);
        await session.screenshot('call-back-01-named-caller-no-number');
        await assertSoftphoneAccessible(session, 'a missed call from a name');

        const [missed] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some((record) => record.Outcome__c === 'Missed')
        );
        assert.equal(missed.Direction__c, 'Inbound');
        assert.equal(missed.From_Number__c, 'alice');
        assert.deepEqual(session.pageErrors, []);
    });
});
