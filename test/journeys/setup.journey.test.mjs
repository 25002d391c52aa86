// Journeys of an org's first day (issue 13, Deliver 2 and 5): a fresh org's softphone layout
// shows no Do Not Call on its Outbound section, so the softphone cannot tell whether a person may
// be called. The agent sees what dialing/doNotCallCheckFailure decides (Block or Warn), the
// admin is told what to add in Setup → Softphone Layouts, and once it is there the flag is
// honoured. Each test then checks the Phone_Call__c records the console's org holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const LAYOUT_NOTICE = 'For admins: the softphone layout is missing what the softphone needs';

/** Clicks the phone number of a Contact or Lead on its record page (click-to-dial). */
async function clickToDial(session, list, name) {
    await session.page.locator('[data-testid="workspace-tab"][data-tab-id="home"]').click();
    await session.page.getByTestId(`list-${list}`).getByText(name).click();
    await session.page.getByTestId('record-title').filter({ hasText: name }).waitFor();
    await session.page.getByTestId('click-to-dial').first().click();
}

async function phoneCalls(session) {
    return session.hook((type) => window.localConsole.records(type), 'Phone_Call__c');
}

describe(
    'first day on a fresh org: Do Not Call cannot be read (Block)',
    browserTestOptions(),
    () => {
        let session;
        let phone;

        consolePerSuite({ query: 'layout=fresh-org' }, (opened) => ({ session, phone } = opened));

        it('an agent clicks to call Maria Lopez: refused, told an admin must fix the layout, nothing logged', async () => {
            await phone.frame.getByText(LAYOUT_NOTICE).waitFor();
            await clickToDial(session, 'Contact', 'Maria Lopez');
            const reason = phone.frame.getByText(
                "The call was not placed: the Do Not Call list could not be checked (the softphone layout's Outbound section does not show Contact DoNotCall; an admin adds it in Setup → Softphone Layouts)."
            );
            await reason.first().waitFor();
            await session.screenshot('setup-journey-01-blocked-by-layout');
            assert.equal(await phone.frame.locator('.softphone-call').count(), 0);
            assert.deepEqual(await phoneCalls(session), []);
        });
    }
);

describe(
    'first day on a fresh org: Do Not Call cannot be read (Warn)',
    browserTestOptions(),
    () => {
        let session;
        let phone;

        consolePerSuite(
            { query: 'layout=fresh-org&setting.dialing.doNotCallCheckFailure=Warn' },
            (opened) => ({ session, phone } = opened)
        );

        it('an agent clicks to call Maria Lopez: the call goes with a warning and is logged to her', async () => {
            await clickToDial(session, 'Contact', 'Maria Lopez');
            await phone.waitForCallState('Connected');
            const warning = phone.frame.locator('.softphone-alerts .slds-theme_warning', {
                hasText: "the softphone layout's Outbound section does not show Contact DoNotCall"
            });
            await warning.waitFor();
            await session.screenshot('setup-journey-02-warned-by-layout');
            await phone.hangupAndWrapUp({ disposition: 'Resolved' });
            const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
                all.some((r) => r.To_Number__c === SAMPLE.mariaLopez.number && r.Disposition__c)
            );
            assert.equal(records.length, 1);
            assert.equal(records[0].Contact__c, SAMPLE.mariaLopez.id);
            assert.equal(records[0].Outcome__c, 'Connected');
        });
    }
);

describe('after the admin adds Do Not Call to the Outbound section', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite(
        {
            query: [
                'layout=fresh-org',
                'layout.Outbound.Contact=Name,Phone,DoNotCall',
                'layout.Outbound.Lead=Name,Phone,DoNotCall'
            ].join('&')
        },
        (opened) => ({ session, phone } = opened)
    );

    it('no layout warning; Marcus Reed (Do Not Call) is refused as such and Maria Lopez is called', async () => {
        await clickToDial(session, 'Lead', 'Marcus Reed');
        await phone.frame
            .getByText('Marcus Reed has asked not to be called (Do Not Call)')
            .first()
            .waitFor();
        assert.equal(await phone.frame.getByText(LAYOUT_NOTICE).count(), 0);
        await clickToDial(session, 'Contact', 'Maria Lopez');
        await phone.waitForCallState('Connected');
        await phone.hangupAndWrapUp({ disposition: 'Resolved' });
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.To_Number__c === SAMPLE.mariaLopez.number && r.Disposition__c)
        );
        assert.deepEqual(
            records.map((r) => [r.Contact__c, r.Lead__c ?? null]),
            [[SAMPLE.mariaLopez.id, null]]
        );
    });
});
