// Journey (issue 21): what the phone system knows drives the screen pop and lands on the call
// log. The IVR collected an account number and the call came through the Billing queue: the
// account pops (a call-data rule searches with the number before the caller's own number), the
// agent sees "Queue: Billing · Account: 10442", and the Phone_Call__c has the queue, the dialled
// number, the recording link and the rest of the data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { waitForRecords } from '../browser/support/softphone-driver.mjs';

const setting = (item, value) => `setting.callData.${item}=${encodeURIComponent(value)}`;
const QUERY = [
    setting('popRules', 'RecordId? record; AccountNumber? search'),
    setting('visibleKeys', 'Queue=Queue, AccountNumber=Account'),
    'setting.wrapUp.afterCallWorkSeconds=0'
].join('&');

describe('journey: call data from the phone system', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({ query: QUERY }, (opened) => ({ session, phone } = opened));

    it('IVR collected an account number → the account pops → the log has the queue and the data', async () => {
        const [account] = (await session.hook(() => window.localConsole.records('Account'))).filter(
            (record) => record.AccountNumber === '10442'
        );
        assert.ok(account, 'the sample data has the account 10442');

        // The caller's number is nobody's: only the IVR's account number can find the account.
        await phone.ring('sim-ivr-account');
        await session.page.waitForFunction(
            (id) => window.localConsole.openTabs().some((tab) => tab.active && tab.recordId === id),
            account.Id
        );
        const searches = (await session.hook(() => window.localConsole.activity()))
            .filter((entry) => entry.method === 'searchAndScreenPop')
            .map((entry) => entry.args.searchParams);
        assert.deepEqual(searches, ['10442'], 'the account number is searched, not the caller');

        // The banner shows what the admin marked visible, as text, in the admin's order.
        const details = phone.frame.locator('.softphone-call__details').first();
        await details.getByText('Billing').waitFor();
        const shown = (await details.innerText()).replace(/\s+/g, ' ').trim();
        assert.match(shown, /Queue:? ?Billing.*Account:? ?10442/);
        assert.ok(!shown.includes('Balance'), 'a key not marked visible is not shown');
        await session.screenshot('call-data-01-ringing-account-popped');

        await phone.answer();
        await phone.frame.locator('.softphone-call__details').first().getByText('10442').waitFor();
        await session.screenshot('call-data-02-connected');
        await phone.button('Hang up').click();

        const [log] = await waitForRecords(
            session,
            'Phone_Call__c',
            (records) => records.length === 1 && records[0].Queue__c !== undefined
        );
        assert.equal(log.Queue__c, 'Billing');
        assert.equal(log.Dialled_Number__c, '+18005550142');
        assert.equal(log.Recording_URL__c, 'https://recordings.example.com/calls/ivr-10442.wav');
        assert.equal(log.Account__c, account.Id, 'the log is related to the popped account');
        assert.deepEqual(JSON.parse(log.Call_Data__c), {
            AccountNumber: '10442',
            IvrPath: 'Billing > Balance'
        });
        await session.screenshot('call-data-03-logged');
    });
});
