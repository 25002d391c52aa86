// Call data from the generic listener (issue 21): the phone system's extra pairs drive the
// screen pop (an account number the IVR collected pops the account; a Billing call with no number
// pops a screen flow with the pairs as its arguments), show in the softphone as the admin marks
// them, and land on the Phone_Call__c. Runs the built bridge and softphone like
// listener-softphone.browser.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitForSoftphone } from '../browser/support/local-console-session.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';
import { TOKENS, getEvent, sign } from './support/listener-bridge-process.mjs';
import { listenerBrowserTestOptions, openListenerConsole } from './support/listener-console.mjs';

describe(
    'call data from the listener connector in the local console',
    listenerBrowserTestOptions(),
    () => {
        let listener;
        let bridge;
        let page;
        let session;
        let phone;
        let pageErrors;
        let screenshot;
        let waitForAgentState;

        before(async () => {
            listener = await openListenerConsole({
                'setting.wrapUp.afterCallWorkSeconds': '0',
                'setting.callData.popRules':
                    'AccountNumber? search; Queue=Billing flow Billing_Call_Screen',
                'setting.callData.visibleKeys': 'Queue=Queue, AccountNumber=Account'
            });
            ({ bridge, page, session, phone, pageErrors, screenshot, waitForAgentState } =
                listener);
        });

        after(async () => listener?.close());

        async function signIn() {
            const frame = phone.frame;
            await frame.getByLabel('Agent id', { exact: true }).waitFor({ timeout: 15_000 });
            await frame.getByLabel('Agent id', { exact: true }).fill('agent1');
            await frame.getByLabel('Listener token', { exact: true }).fill(TOKENS.agent1);
            await phone.button('Connect').click();
            await waitForSoftphone(page);
            await waitForAgentState('Available');
        }

        async function callEvent(fields) {
            const query = new URLSearchParams({ agent: 'agent1', ...fields }).toString();
            const sent = await getEvent(bridge, query, sign(query));
            assert.equal(sent.status, 200);
        }

        it('an account number in the extra pairs pops the account; the log has the queue and the data', async () => {
            await signIn();
            const [account] = (
                await session.hook(() => window.localConsole.records('Account'))
            ).filter((record) => record.AccountNumber === '10442');
            await callEvent({
                type: 'ringing',
                callid: 'pbx-data-1',
                ani: SAMPLE.unknownNumber,
                dnis: '+18005550142',
                AccountNumber: '10442',
                Queue: 'Support',
                RecordingUrl: 'https://recordings.example.com/pbx-data-1.wav',
                Branch: 'Oakland'
            });
            await page.waitForFunction(
                (id) =>
                    window.localConsole.openTabs().some((tab) => tab.active && tab.recordId === id),
                account.Id
            );
            const details = phone.frame.locator('.softphone-call__details').first();
            await details.getByText('10442').waitFor();
            assert.match(
                (await details.innerText()).replace(/\s+/g, ' '),
                /Queue:? ?Support.*Account:? ?10442/
            );
            await screenshot('listener-call-data-01-account-popped');

            await callEvent({ type: 'answered', callid: 'pbx-data-1' });
            await phone.waitForCallState('Connected');
            await callEvent({ type: 'ended', callid: 'pbx-data-1' });
            const [log] = await waitForRecords(session, 'Phone_Call__c', (records) =>
                records.some((record) => record.Provider_Call_Id__c === 'pbx-data-1')
            );
            assert.equal(log.Queue__c, 'Support');
            assert.equal(log.Dialled_Number__c, '+18005550142');
            assert.equal(log.Recording_URL__c, 'https://recordings.example.com/pbx-data-1.wav');
            assert.equal(log.Account__c, account.Id);
            assert.deepEqual(JSON.parse(log.Call_Data__c), {
                AccountNumber: '10442',
                Branch: 'Oakland'
            });
        });

        it('a Billing call without an account number pops the screen flow with the call data', async () => {
            await callEvent({
                type: 'ringing',
                callid: 'pbx-data-2',
                ani: SAMPLE.unknownNumber,
                Queue: 'Billing',
                Reason: 'Invoice'
            });
            // Offered during the last call's wrap-up: the pop waits for the answer (as for any caller).
            await callEvent({ type: 'answered', callid: 'pbx-data-2' });
            await page.waitForFunction(() =>
                window.localConsole.openTabs().some((tab) => tab.active && tab.kind === 'flow')
            );
            const flow = (await session.hook(() => window.localConsole.openTabs())).find(
                (tab) => tab.kind === 'flow'
            );
            assert.equal(flow.flowDevName, 'Billing_Call_Screen');
            assert.deepEqual(flow.flowArgs, [
                { name: 'Queue', type: 'String', value: 'Billing' },
                { name: 'Reason', type: 'String', value: 'Invoice' }
            ]);
            await screenshot('listener-call-data-02-flow-popped');
            await callEvent({ type: 'ended', callid: 'pbx-data-2' });
            assert.deepEqual(pageErrors, []);
        });
    }
);
