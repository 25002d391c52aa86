import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from './support/browser-test.mjs';
import { consolePerSuite } from './support/console-suite.mjs';
import { SAMPLE, waitForRecords } from './support/softphone-driver.mjs';

describe('inbound calls in the local console', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    it('pops a known caller, survives hold and resume, and logs one linked Phone_Call__c', async () => {
        await session.screenshot('01-idle');
        await phone.ring('sim-known');
        await phone.frame.getByText('Maria Lopez').first().waitFor();
        await session.screenshot('02-ringing-known-caller');
        const tabs = await session.hook(() => window.localConsole.openTabs());
        assert.equal(tabs.find((tab) => tab.active)?.recordId, SAMPLE.mariaLopez.id);

        await phone.answer();
        await session.screenshot('03-connected');
        await phone.button('Hold').click();
        await phone.waitForCallState('On hold');
        await session.screenshot('04-on-hold');
        await phone.button('Resume').click();
        await phone.button('Hold').waitFor();
        await phone.button('Mute').click();
        await session.screenshot('05-muted');

        await phone.button('Hang up').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        await phone.frame.getByLabel('Disposition').selectOption('Resolved');
        await phone.frame.getByLabel('Notes').fill('Asked about the <b>invoice</b>');
        await session.screenshot('06-wrap-up');
        await phone.button('Save').click();
        const [record] = await waitForRecords(
            session,
            'Phone_Call__c',
            (records) => records.length === 1 && records[0].Disposition__c === 'Resolved'
        );
        assert.equal(record.Direction__c, 'Inbound');
        assert.equal(record.From_Number__c, SAMPLE.mariaLopez.number);
        assert.equal(record.Outcome__c, 'Connected');
        assert.equal(record.Contact__c, SAMPLE.mariaLopez.id);
        assert.equal(record.Related_Record_Id__c, SAMPLE.mariaLopez.id);
        assert.equal(record.Notes__c, 'Asked about the <b>invoice</b>');
        assert.equal(record.Agent__c, '005000000000001AAA');
        assert.match(record.Provider_Call_Id__c, /^sim-/);
        assert.ok(Date.parse(record.Answered__c) >= Date.parse(record.Started__c));
        assert.ok(Date.parse(record.Ended__c) >= Date.parse(record.Answered__c));
        assert.equal(typeof record.Duration_Seconds__c, 'number');

        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
        assert.equal(await phone.agentState(), 'Available');
        await session.screenshot('07-after-call-recent-calls');
        assert.deepEqual(session.pageErrors, []);
    });

    it('opens a new Contact form prefilled with an unknown number once the call is answered', async () => {
        const searches = async () =>
            session.hook(
                () =>
                    window.localConsole
                        .activity()
                        .filter((entry) => entry.method === 'searchAndScreenPop').length
            );
        const searchesBefore = await searches();
        await phone.ring('sim-unknown');
        const modal = session.page.getByTestId('new-record-modal');
        // The default newRecordPopTiming (OnAnswer): once the ringing call's search is done
        // (three written forms of the number), nothing covers Answer and Decline.
        await session.page.waitForFunction(
            (before) =>
                window.localConsole
                    .activity()
                    .filter((entry) => entry.method === 'searchAndScreenPop').length >=
                before + 3,
            searchesBefore
        );
        assert.equal(await modal.count(), 0);
        await phone.answer();
        await modal.waitFor();
        assert.match(await modal.innerText(), /New Contact/);
        assert.equal(
            await modal.getByLabel('Phone', { exact: true }).inputValue(),
            SAMPLE.unknownNumber
        );
        await session.page.getByTestId('modal-cancel').click();
        await phone.hangupAndWrapUp();
        await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some(
                (r) => r.From_Number__c === SAMPLE.unknownNumber && r.Outcome__c === 'Connected'
            )
        );
    });

    it('shows the search page when two Contacts share the number', async () => {
        await phone.ring('sim-ambiguous-contacts');
        await session.page.waitForFunction(() =>
            window.localConsole.openTabs().some((tab) => tab.active && tab.kind === 'search')
        );
        await phone.decline();
    });

    it('pops the Contact by priority when a Contact and a Lead share the number', async () => {
        await phone.ring('sim-ambiguous-objects');
        await session.page.waitForFunction(() =>
            window.localConsole
                .openTabs()
                .some(
                    (tab) =>
                        tab.active && tab.objectType === 'Contact' && tab.title === 'Daniel Kim'
                )
        );
        await phone.decline();
    });

    it('falls back to a new Case for a withheld number, opened on answer', async () => {
        await phone.ring('sim-withheld');
        await phone.frame.getByText('Withheld number').first().waitFor();
        await phone.answer();
        const modal = session.page.getByTestId('new-record-modal');
        await modal.waitFor();
        assert.match(await modal.innerText(), /New Case/);
        await session.screenshot('08-withheld-new-case');
        await session.page.getByTestId('modal-cancel').click();
        await phone.hangupAndWrapUp();
    });
});
