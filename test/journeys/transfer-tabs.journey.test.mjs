// Journey: the agent works in a second Salesforce tab, whose softphone follows the first tab's
// (the leader holds the calls). From that tab the agent consults a colleague, swaps between the
// two calls, merges them into a conference, removes the colleague, and later hands a caller on
// blind: every click reaches the leader, and the leader's org holds the logs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { openLocalConsole } from '../browser/support/local-console-session.mjs';
import { SAMPLE, softphoneDriver, waitForRecords } from '../browser/support/softphone-driver.mjs';

const COLLEAGUE = '+14155551234';

/** Maria's inbound call logs in `tab`'s org that match `predicate`, once there is one. */
async function mariaCalls(tab, predicate) {
    const hers = (record) =>
        record.From_Number__c === SAMPLE.mariaLopez.number &&
        record.Direction__c === 'Inbound' &&
        predicate(record);
    const records = await waitForRecords(tab, 'Phone_Call__c', (all) => all.some(hers));
    return records.filter(hers);
}

describe(
    'journey: an agent hands calls on from a second Salesforce tab',
    browserTestOptions(),
    () => {
        let first;
        let second;
        let phone;

        before(async () => {
            first = await openLocalConsole();
            second = await first.openTab();
            phone = softphoneDriver(second);
            await phone.frame.getByText(/Simulator · through another tab/).waitFor();
        });
        // Closing the first tab's session closes the browser, whichever tabs are still open.
        after(async () => first?.close());

        /** Maria rings (rung from the second tab's console) and the agent answers there. */
        async function answerMaria() {
            await phone.ring('sim-known');
            await phone.answer();
            return phone.frame.locator('.softphone-call').first();
        }

        async function consultColleague(card) {
            await card.getByRole('button', { name: 'Transfer', exact: true }).click();
            await card.getByLabel('Transfer to').fill(COLLEAGUE);
            await card.getByRole('button', { name: 'Consult first' }).click();
            const consult = phone.frame.locator('.softphone-call', {
                hasText: 'Consult call about'
            });
            await consult.getByText('Live', { exact: true }).waitFor();
            return consult;
        }

        it('consults a colleague, swaps between the calls, conferences them and removes the colleague', async () => {
            const card = await answerMaria();
            const consult = await consultColleague(card);
            await second.screenshot('transfer-tabs-01-consult-from-follower');

            // Swap: Maria live, the colleague held; and back.
            await phone.frame.getByRole('button', { name: 'Swap' }).click();
            await card.getByText('Live', { exact: true }).waitFor();
            await consult.getByText(/^On hold/).waitFor();
            await phone.frame.getByRole('button', { name: 'Swap' }).click();
            await consult.getByText('Live', { exact: true }).waitFor();

            await consult.getByRole('button', { name: 'Conference' }).click();
            await phone.frame.getByRole('heading', { name: 'Conference (3)' }).waitFor();
            await phone.frame
                .getByRole('heading', { name: 'Conference (3)' })
                .scrollIntoViewIfNeeded();
            await second.screenshot('transfer-tabs-02-conference-from-follower');
            await consult.getByRole('button', { name: 'Remove from call' }).click();
            await phone.frame
                .getByRole('heading', { name: 'Conference (3)' })
                .waitFor({ state: 'detached' });
            await phone.hangupAndWrapUp();

            const [parent] = await mariaCalls(
                first,
                (record) => record.Conference_Parties__c === COLLEAGUE
            );
            const legs = await waitForRecords(first, 'Phone_Call__c', (records) =>
                records.some((record) => record.Parent_Call__c === parent.Id)
            );
            const leg = legs.find((record) => record.Parent_Call__c === parent.Id);
            assert.equal(leg.To_Number__c, COLLEAGUE);
            assert.equal(leg.Conference_Parties__c, SAMPLE.mariaLopez.number);
            assert.deepEqual(
                await second.hook((type) => window.localConsole.records(type), 'Phone_Call__c'),
                [],
                "the follower's org logs nothing: the leader does"
            );
        });

        it('consults and cancels, then consults and completes the transfer', async () => {
            const card = await answerMaria();
            let consult = await consultColleague(card);
            await consult.getByRole('button', { name: 'Cancel consult' }).click();
            await consult.waitFor({ state: 'detached' });
            await phone.waitForCallState('Connected');

            consult = await consultColleague(card);
            await consult.getByRole('button', { name: 'Complete transfer' }).click();
            await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
            await phone.button('Done').click();

            const [transferred] = await mariaCalls(
                first,
                (record) => record.Outcome__c === 'Transferred'
            );
            assert.equal(transferred.Transfer_Target__c, COLLEAGUE);
        });

        it('hands a caller on blind from the second tab', async () => {
            const card = await answerMaria();
            await card.getByRole('button', { name: 'Transfer', exact: true }).click();
            await card.getByLabel('Transfer to').fill(COLLEAGUE);
            await card.getByLabel('Transfer to').press('Enter');
            await card.getByText('Ringing (415) 555-1234').waitFor();
            await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
            await phone.button('Done').click();

            const isTransferred = (record) =>
                record.From_Number__c === SAMPLE.mariaLopez.number &&
                record.Outcome__c === 'Transferred';
            const records = await waitForRecords(
                first,
                'Phone_Call__c',
                (all) => all.filter(isTransferred).length === 2
            );
            // The consult-and-complete story's and this blind one's, both to the colleague.
            assert.deepEqual(
                records.filter(isTransferred).map((record) => record.Transfer_Target__c),
                [COLLEAGUE, COLLEAGUE]
            );
        });
    }
);
