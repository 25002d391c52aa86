import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from './support/browser-test.mjs';
import { consolePerSuite, reloadSoftphone } from './support/console-suite.mjs';
import { waitForRecords } from './support/softphone-driver.mjs';

const CALLS = 50;
const RELOAD_AFTER = new Set([17, 34]);

describe('call logs survive saveLog failures and softphone reloads', browserTestOptions(), () => {
    let session;
    let phone;

    // Unknown callers pop the search page (no modal to dismiss between calls).
    consolePerSuite(
        { query: 'fault.saveLogFailureRate=30&setting.screenPop.noMatchAction=Search' },
        (opened) => ({ session, phone } = opened)
    );

    it(`leaves exactly ${CALLS} Phone_Call__c records after ${CALLS} calls`, async () => {
        const numbers = [];
        for (let index = 0; index < CALLS; index += 1) {
            const number = `+1212555${String(1000 + index).padStart(4, '0')}`;
            numbers.push(number);
            await session.page.getByTestId('sim-custom-number').fill(number);
            await session.page.getByTestId('sim-custom-ring').click();
            await phone.answer();
            await phone.hangupAndWrapUp();
            if (RELOAD_AFTER.has(index + 1)) {
                phone = await reloadSoftphone(session);
                await session.screenshot(`20-after-reload-${index + 1}`);
            }
        }
        const failures = (await session.hook(() => window.localConsole.activity())).filter(
            (entry) => entry.method === 'saveLog' && entry.response && !entry.response.success
        );
        assert.ok(failures.length > 0, 'the fault injection made some saveLog calls fail');

        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) =>
                all.length >= CALLS && new Set(all.map((r) => r.From_Number__c)).size === CALLS,
            120_000
        );
        assert.equal(records.length, CALLS);
        assert.deepEqual(records.map((r) => r.From_Number__c).sort(), numbers.sort());
        assert.equal(new Set(records.map((r) => r.Provider_Call_Id__c)).size, CALLS);
        assert.ok(
            records.every((r) => r.Outcome__c === 'Connected' && r.Direction__c === 'Inbound')
        );
        // Quiet for a moment more: a late retry must not add a record.
        await new Promise((resolve) => setTimeout(resolve, 3000));
        assert.equal(
            (await session.hook(() => window.localConsole.records('Phone_Call__c'))).length,
            CALLS
        );
        await session.screenshot('21-fifty-calls-logged');
    });
});
