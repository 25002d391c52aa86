// Journeys: an agent who must never miss a call (ringtone, desktop notification, the utility
// item, the missed-call notice) and who understands the status menu (Offline, Break with a
// reason, the status at load). Each plays the agent's whole flow in the local console, then
// checks the Phone_Call__c records and what the agent saw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSoftphoneAccessible } from '../browser/support/axe.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite, reloadSoftphone } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const BREAK_REASONS = 'setting.agentStatus.breakReasons=Lunch,Training,Meeting';

async function softphoneFrame(session) {
    const element = await session.page.waitForSelector('[data-testid="softphone-frame"]');
    return element.contentFrame();
}

/** Every frame of the console records the desktop notifications it shows, in order. */
function captureNotifications() {
    const Real = window.Notification;
    if (typeof Real !== 'function') {
        return;
    }
    const shown = [];
    window.__shownNotifications = shown;
    class CapturedNotification {
        constructor(title, options = {}) {
            this.title = title;
            this.body = options.body;
            this.tag = options.tag;
            this.closed = false;
            shown.push(this);
        }
        close() {
            this.closed = true;
        }
        static get permission() {
            return Real.permission;
        }
        static requestPermission() {
            window.__permissionRequests = (window.__permissionRequests ?? 0) + 1;
            return Real.requestPermission();
        }
    }
    window.Notification = CapturedNotification;
}

async function shownNotifications(session) {
    const frame = await softphoneFrame(session);
    return frame.evaluate(() =>
        (window.__shownNotifications ?? []).map(({ title, body, tag, closed }) => ({
            title,
            body,
            tag,
            closed
        }))
    );
}

async function utility(session) {
    return session.hook(() => window.localConsole.utility());
}

async function waitForUtilityLabel(session, label) {
    await session.page.waitForFunction(
        (expected) => window.localConsole.utility().itemLabel === expected,
        label,
        { timeout: 10_000 }
    );
}

/** The ringtone element in the softphone's frame: whether it is playing now. */
async function ringtone(session) {
    const frame = await softphoneFrame(session);
    return frame.evaluate(() => {
        const audio = document.querySelector('audio.softphone-ringtone');
        return audio === null
            ? undefined
            : { paused: audio.paused, loop: audio.loop, src: audio.currentSrc || audio.src };
    });
}

async function waitForRingtone(session, playing) {
    const frame = await softphoneFrame(session);
    await frame.waitForFunction(
        (expected) => {
            const audio = document.querySelector('audio.softphone-ringtone');
            return audio !== null && audio.paused === !expected;
        },
        playing,
        { timeout: 10_000 }
    );
}

/** Emulates the Salesforce tab going to the background (or coming back). */
async function setTabHidden(session, hidden) {
    const frame = await softphoneFrame(session);
    await frame.evaluate((isHidden) => {
        Object.defineProperty(document, 'visibilityState', {
            configurable: true,
            get: () => (isHidden ? 'hidden' : 'visible')
        });
        document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
}

/** Waits until the status menu shows `label` (e.g. "Break: Lunch") as the current status. */
async function waitForStatus(phone, label) {
    const select = await phone.frame.getByLabel('Status').elementHandle();
    const frame = await select.ownerFrame();
    await frame.waitForFunction(
        ([element, expected]) => element.selectedOptions[0]?.text === expected,
        [select, label],
        { timeout: 10_000 }
    );
}

/** Opens the settings area (a disclosure) unless it is open already. */
async function openSettings(phone) {
    if ((await phone.frame.locator('details.softphone-settings[open]').count()) === 0) {
        await phone.frame.getByText('Ringtone and notifications').click();
    }
}

function statusBadge(phone) {
    return phone.frame.locator('header .slds-badge');
}

describe('never miss a call: an agent in the local console', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({ query: BREAK_REASONS }, (opened) => ({ session, phone } = opened));

    it('turns on desktop notifications, misses a call while the tab is hidden, then calls back from the notice', async () => {
        const context = session.page.context();
        await context.addInitScript(captureNotifications);
        phone = await reloadSoftphone(session);

        // Permission is asked from the agent's click in the settings area, never on load.
        const frame = await softphoneFrame(session);
        assert.equal(await frame.evaluate(() => window.__permissionRequests ?? 0), 0);
        await openSettings(phone);
        // The browser's prompt, answered "Allow" by the agent.
        await context.grantPermissions(['notifications'], {
            origin: new URL(session.page.url()).origin
        });
        await phone.button('Turn on desktop notifications').click();
        await phone.frame.getByText('Desktop notifications are on', { exact: false }).waitFor();
        assert.equal(await frame.evaluate(() => window.__permissionRequests), 1);
        await session.screenshot('never-miss-01-settings-notifications-on');
        await assertSoftphoneAccessible(session);
        // Done with the settings: the agent closes them.
        await phone.frame.getByText('Ringtone and notifications').click();

        // The Salesforce tab goes to the background; Maria Lopez calls.
        await setTabHidden(session, true);
        await phone.ring('sim-known');
        await waitForUtilityLabel(session, 'Incoming: Maria Lopez');
        assert.equal((await utility(session)).itemIcon, 'incoming_call');
        await session.page.waitForFunction(
            () =>
                document.querySelector('[data-testid="softphone-frame"]')?.contentWindow
                    ?.__shownNotifications?.length === 1
        );
        const [notification] = await shownNotifications(session);
        assert.equal(notification.title, 'Incoming call');
        assert.ok(
            ['Maria Lopez', '(415) 555-0101'].includes(notification.body),
            `plain-text caller in the notification, got ${notification.body}`
        );
        await phone.button('Answer').first().scrollIntoViewIfNeeded();
        await session.screenshot('never-miss-02-ringing-tab-hidden');

        // The caller gives up before the agent comes back: a missed call.
        await session.page.getByTestId('sim-remote-hangup').click();
        await phone.frame.getByText('Missed call from Maria Lopez.').waitFor();
        await waitForUtilityLabel(session, 'Phone · 1 missed');
        assert.equal((await utility(session)).itemIcon, 'missed_call');
        const [missed] = await waitForRecords(
            session,
            'Phone_Call__c',
            (records) => records.length === 1 && records[0].Outcome__c === 'Missed'
        );
        assert.equal(missed.Direction__c, 'Inbound');
        assert.equal(missed.From_Number__c, SAMPLE.mariaLopez.number);
        assert.equal(missed.Contact__c, SAMPLE.mariaLopez.id);
        // The agent stays Available (the documented choice).
        assert.equal(await phone.agentState(), 'Available');
        await setTabHidden(session, false);
        await phone.button('Call back').scrollIntoViewIfNeeded();
        await session.screenshot('never-miss-03-missed-call-notice');
        await assertSoftphoneAccessible(session);

        // Clicking the notification brings the softphone forward.
        await session.page.getByTestId('softphone-minimise').click();
        assert.equal((await utility(session)).visible, false);
        await frame.evaluate(() => window.__shownNotifications[0].onclick());
        await session.page.waitForFunction(() => window.localConsole.utility().visible);

        // Call back: dials Maria's number, and the notice and the count go.
        await phone.button('Call back').click();
        await phone.waitForCallState('Connected');
        await waitForUtilityLabel(session, 'On a call');
        assert.equal(await phone.frame.getByText('Missed call from Maria Lopez.').count(), 0);
        await phone.hangupAndWrapUp();
        await waitForUtilityLabel(session, 'Phone');
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.length === 2 && all.some((record) => record.Direction__c === 'Outbound')
        );
        const callBack = records.find((record) => record.Direction__c === 'Outbound');
        assert.equal(callBack.To_Number__c, SAMPLE.mariaLopez.number);
        assert.equal(callBack.Outcome__c, 'Connected');
        assert.deepEqual(session.pageErrors, []);
    });

    it('rings with the ringtone until the agent answers, and remembers the ringtone turned off after a reload', async () => {
        const before = await ringtone(session);
        assert.equal(before.paused, true);
        assert.match(before.src, /ringtone\.wav$/);
        await phone.ring('sim-known');
        await waitForRingtone(session, true);
        assert.equal((await ringtone(session)).loop, true);
        await phone.button('Answer').first().scrollIntoViewIfNeeded();
        await session.screenshot('never-miss-04-ringing-ringtone');
        await phone.answer();
        await waitForRingtone(session, false);
        await phone.hangupAndWrapUp();

        await openSettings(phone);
        const ringtoneBox = phone.frame.getByLabel('Ring for incoming calls');
        assert.equal(await ringtoneBox.isChecked(), true);
        // The agent clicks the visible label (SLDS draws the box; the input itself is hidden).
        await phone.frame.getByText('Ring for incoming calls').click();
        assert.equal(await ringtoneBox.isChecked(), false);
        assert.equal(await phone.frame.getByLabel('Ringtone volume').isDisabled(), true);
        await session.screenshot('never-miss-05-ringtone-off');
        await assertSoftphoneAccessible(session);
        await phone.frame.getByText('Ringtone and notifications').click();

        phone = await reloadSoftphone(session);
        await openSettings(phone);
        assert.equal(await phone.frame.getByLabel('Ring for incoming calls').isChecked(), false);
        await phone.ring('sim-known');
        assert.equal((await ringtone(session)).paused, true);
        await phone.decline();
        assert.equal((await ringtone(session)).paused, true);
        await phone.frame.getByText('Ring for incoming calls').click();
        assert.equal(await phone.frame.getByLabel('Ring for incoming calls').isChecked(), true);
        await phone.frame.getByText('Ringtone and notifications').click();
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((record) => record.Outcome__c === 'Rejected')
        );
        assert.deepEqual(records.map((record) => record.Outcome__c).sort(), [
            'Connected',
            'Connected',
            'Missed',
            'Rejected'
        ]);
    });

    it('takes a Lunch break: the status shows it, a call during it is turned away busy and never logged as Missed', async () => {
        const logged = (await session.hook(() => window.localConsole.records('Phone_Call__c')))
            .length;
        const status = phone.frame.getByLabel('Status');
        const options = await status.locator('option').allTextContents();
        assert.deepEqual(options, [
            'Offline',
            'Available',
            'Break: Lunch',
            'Break: Training',
            'Break: Meeting'
        ]);
        await status.selectOption({ label: 'Break: Lunch' });
        await waitForStatus(phone, 'Break: Lunch');
        await status.scrollIntoViewIfNeeded();
        await session.screenshot('never-miss-06-break-lunch');
        await assertSoftphoneAccessible(session);

        await session.page.getByTestId('sim-known').click();
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.length === logged + 1
        );
        const turnedAway = records[records.length - 1];
        assert.equal(turnedAway.Outcome__c, 'Busy');
        assert.equal(turnedAway.Direction__c, 'Inbound');
        assert.equal(records.filter((record) => record.Outcome__c === 'Missed').length, 1);
        // Never offered: no ringing, no missed notice, the utility item unchanged.
        assert.equal(await phone.button('Answer').count(), 0);
        assert.equal(await phone.frame.getByText('Missed call', { exact: false }).count(), 0);
        assert.equal((await utility(session)).itemLabel, 'Phone');
        assert.equal((await ringtone(session)).paused, true);

        // The break survives a reload (LastState, the default), reason included.
        phone = await reloadSoftphone(session);
        await waitForStatus(phone, 'Break: Lunch');
        await status.selectOption('Available');
        assert.equal(await phone.agentState(), 'Available');
    });

    it('goes Offline as a choice, not an error, and comes back Available from the status menu', async () => {
        const status = phone.frame.getByLabel('Status');
        await status.selectOption('Offline');
        await statusBadge(phone).filter({ hasText: 'Offline' }).waitFor();
        assert.equal(await statusBadge(phone).getAttribute('class'), 'slds-badge');
        assert.equal(await phone.frame.getByText('Disconnected').count(), 0);
        const options = await status.locator('option').allTextContents();
        assert.ok(options.includes('Available'), `Available offered from Offline: ${options}`);
        await status.scrollIntoViewIfNeeded();
        await session.screenshot('never-miss-07-offline-by-choice');
        await assertSoftphoneAccessible(session);

        await status.selectOption('Available');
        await statusBadge(phone).filter({ hasText: 'Connected' }).waitFor();
        assert.equal(await phone.agentState(), 'Available');
        await phone.ring('sim-known');
        await phone.answer();
        await phone.hangupAndWrapUp();
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some(
                (record) =>
                    record.Outcome__c === 'Connected' && record.Contact__c === SAMPLE.mariaLopez.id
            )
        );
        assert.ok(records.length >= 1);
        assert.deepEqual(session.pageErrors, []);
    });
});

describe(
    'never miss a call: the status at load follows the admin setting',
    browserTestOptions(),
    () => {
        let session;
        let phone;

        consolePerSuite(
            { query: 'setting.agentStatus.initialState=Offline' },
            (opened) => ({ session, phone } = opened)
        );

        it('starts Offline on every load when the admin says so, even after the agent went Available', async () => {
            assert.equal(await phone.agentState(), 'Offline');
            await statusBadge(phone).filter({ hasText: 'Offline' }).waitFor();
            await phone.frame.getByLabel('Status').scrollIntoViewIfNeeded();
            await session.screenshot('never-miss-08-initial-offline');

            await phone.frame.getByLabel('Status').selectOption('Available');
            await statusBadge(phone).filter({ hasText: 'Connected' }).waitFor();
            assert.equal(await phone.agentState(), 'Available');

            phone = await reloadSoftphone(session);
            await statusBadge(phone).filter({ hasText: 'Offline' }).waitFor();
            assert.equal(await phone.agentState(), 'Offline');
            // Offline: the phone system cannot reach the agent, so nothing rings and nothing is logged.
            assert.deepEqual(
                await session.hook(() => window.localConsole.records('Phone_Call__c')),
                []
            );
            assert.deepEqual(session.pageErrors, []);
        });
    }
);
