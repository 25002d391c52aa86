// Journeys: settings that survive a package upgrade. The admin sets values in the Softphone
// Settings custom setting (served to the page as $Setup values: the console's setup.<Object>.<Field>
// parameters); the upgrade replaces the packaged call center with a newer version's defaults (the
// console's setting.<section>.<item> parameters, which play the call center). The agent gets the
// admin's values, and the call log follows them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const adminSettings = {
    'setup.Softphone_Settings__c.After_Call_Work_Seconds__c': '2',
    'setup.Softphone_Settings__c.Disposition_Required__c': 'true',
    'setup.Softphone_Settings__c.Disposition_Values__c': 'Resolved, Callback Requested'
};
/** The call center a newer package version ships: other defaults, the admin's edits there gone. */
const newerCallCenter = {
    'setting.wrapUp.afterCallWorkSeconds': '300',
    'setting.wrapUp.dispositionRequired': 'false',
    'setting.wrapUp.dispositionValues': 'Resolved,Follow-up Required,Wrong Number'
};
const query = (values) => new URLSearchParams(values).toString();

/** The softphone frame's document, for what the page rendered from $Setup. */
const overridesOnPage = (session) =>
    session.hook(() =>
        [
            ...document
                .querySelector('[data-testid="softphone-frame"]')
                .contentDocument.querySelectorAll('#softphone-setting-overrides [data-setting]')
        ]
            .filter((element) => element.textContent.trim() !== '')
            .map((element) => [element.dataset.setting, element.textContent])
    );

describe('after an upgrade, the admin’s settings stand', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        { query: query({ ...newerCallCenter, ...adminSettings }) },
        (opened) => ({ session, phone } = opened)
    );

    it('an agent wraps up a call with the dispositions and the countdown the admin set, not the new version’s defaults', async () => {
        assert.deepEqual(await overridesOnPage(session), [
            ['/wrapUp/afterCallWorkSeconds', '2'],
            ['/wrapUp/dispositionRequired', 'true'],
            ['/wrapUp/dispositionValues', 'Resolved, Callback Requested']
        ]);
        await phone.ring('sim-known');
        await phone.answer();
        await phone.button('Hang up').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        const choices = await phone.frame
            .getByLabel('Disposition')
            .locator('option')
            .evaluateAll((options) => options.map((option) => option.value).filter(Boolean));
        assert.deepEqual(choices, ['Resolved', 'Callback Requested']);
        // The admin's 2 seconds (not the new default's 300) run out, and the admin made the
        // disposition required: wrap-up waits for it instead of ending.
        await phone.frame.getByText('Choose a disposition before you finish this call.').waitFor();
        await session.screenshot('settings-upgrade-01-admin-dispositions');
        await phone.frame.getByLabel('Disposition').selectOption('Callback Requested');
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
        assert.equal(await phone.agentState(), 'Available');
        const [log] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some(
                (record) =>
                    record.Contact__c === SAMPLE.mariaLopez.id &&
                    record.Disposition__c === 'Callback Requested'
            )
        );
        assert.equal(log.Outcome__c, 'Connected');
        assert.deepEqual(session.pageErrors, []);
    });
});

describe('a wrong value in Softphone Settings', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        {
            query: query({ 'setup.Softphone_Settings__c.Default_Country__c': 'France' }),
            expectStart: false
        },
        (opened) => ({ session, phone } = opened)
    );

    it('the agent sees which setting is wrong and that it was set in Softphone Settings, and cannot dial', async () => {
        await phone.frame
            .getByText(
                'must be a two-letter country code such as US or GB (set in Setup → Custom Settings → Softphone Settings)'
            )
            .waitFor();
        await phone.frame.getByText('/dialing/defaultCountry').first().waitFor();
        await session.screenshot('settings-upgrade-02-wrong-override-named');
        assert.equal(
            await session.hook((type) => window.localConsole.records(type).length, 'Phone_Call__c'),
            0
        );
    });
});
