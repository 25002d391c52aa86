import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from './support/browser-test.mjs';
import { consolePerSuite } from './support/console-suite.mjs';
import { lmsEventsFromSoftphone, sendAsLwc } from './support/lms-panel.mjs';
import { SAMPLE, waitForRecords } from './support/softphone-driver.mjs';

describe('outbound calls in the local console', browserTestOptions(), () => {
    let session;
    let phone;

    // The Do Not Call refusals need the flag back from searches: the Outbound section shows it.
    consolePerSuite({ query: 'layout=full' }, (opened) => ({ session, phone } = opened));

    it('dials a click-to-dial number and logs the call against the record it came from', async () => {
        await session.page.getByTestId('sim-known').click();
        await phone.decline();
        await session.page
            .getByTestId('click-to-dial')
            .filter({ hasText: '+1 415 555 0101' })
            .click();
        await phone.frame.getByText('Calling…').first().waitFor();
        await session.screenshot('10-outbound-dialing');
        await phone.waitForCallState('Connected');
        await phone.hangupAndWrapUp({
            disposition: 'Callback Requested',
            notes: 'Call back Friday'
        });
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some(
                (r) => r.Direction__c === 'Outbound' && r.Disposition__c === 'Callback Requested'
            )
        );
        const outbound = records.find((r) => r.Direction__c === 'Outbound');
        assert.equal(outbound.To_Number__c, SAMPLE.mariaLopez.number);
        assert.equal(outbound.Contact__c, SAMPLE.mariaLopez.id);
        assert.equal(outbound.Outcome__c, 'Connected');
        assert.equal(outbound.Notes__c, 'Call back Friday');
    });

    it('dials an LMS dial command and answers with state events that echo nothing invented', async () => {
        await sendAsLwc(session, {
            version: 1,
            type: 'dial',
            requestId: 'lwc-dial-1',
            payload: {
                number: '(415) 555-0102',
                recordId: '003000000000002AAA',
                objectType: 'Contact',
                recordName: 'James Chen'
            }
        });
        await phone.waitForCallState('Connected');
        const started = await lmsEventsFromSoftphone(session, 'callStarted');
        assert.ok(started.some((event) => event.payload.call.to === '+14155550102'));
        await phone.hangupAndWrapUp();
        await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some(
                (r) => r.To_Number__c === '+14155550102' && r.Contact__c === '003000000000002AAA'
            )
        );
    });

    it('refuses a Do Not Call Contact from click-to-dial and from LMS, with the reason', async () => {
        await session.page.locator('[data-testid="workspace-tab"][data-tab-id="home"]').click();
        await session.page.getByTestId('list-Contact').getByText('Robert Hayes').click();
        await session.page
            .getByTestId('record-title')
            .filter({ hasText: 'Robert Hayes' })
            .waitFor();
        await session.page.getByTestId('click-to-dial').first().click();
        await phone.frame
            .getByText('Robert Hayes has asked not to be called (Do Not Call)')
            .first()
            .waitFor();
        await session.screenshot('11-do-not-call-refused');

        await sendAsLwc(session, {
            version: 1,
            type: 'dial',
            requestId: 'lwc-dnc',
            payload: {
                number: SAMPLE.robertHayes.number,
                recordId: SAMPLE.robertHayes.id,
                objectType: 'Contact'
            }
        });
        await session.page.waitForFunction(() =>
            window.localConsole
                .lmsMessages()
                .some(
                    (entry) =>
                        entry.message.type === 'error' && entry.message.requestId === 'lwc-dnc'
                )
        );
        const [error] = (await lmsEventsFromSoftphone(session, 'error')).filter(
            (event) => event.requestId === 'lwc-dnc'
        );
        assert.match(error.payload.message, /Do Not Call/);
        const records = await session.hook(() => window.localConsole.records('Phone_Call__c'));
        assert.equal(records.filter((r) => r.Contact__c === SAMPLE.robertHayes.id).length, 0);
        assert.equal(await phone.agentState(), 'Available');
    });

    it('answers a malformed LMS command with an error event naming the problem', async () => {
        await sendAsLwc(session, { version: 1, type: 'dial', requestId: 'lwc-bad', payload: {} });
        await session.page.waitForFunction(() =>
            window.localConsole
                .lmsMessages()
                .some(
                    (entry) =>
                        entry.message.requestId === 'lwc-bad' && entry.message.type === 'error'
                )
        );
        const [error] = (await lmsEventsFromSoftphone(session, 'error')).filter(
            (event) => event.requestId === 'lwc-bad'
        );
        assert.match(error.payload.message, /number/);
        assert.deepEqual(session.pageErrors, []);
    });
});
