// Journey: an agent hands calls on in the simulator — a blind transfer, a consult completed into
// a transfer, a consult cancelled back to the caller, a consult merged into a conference and a
// party removed, a conference the agent ends for everyone, a target on the Do Not Call list, and
// a transfer to a busy line. Each story asserts the Phone_Call__c records it
// leaves (outcome, transfer target, the consult call's link to its parent, conference parties)
// and what the agent saw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSoftphoneAccessible } from '../browser/support/axe.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

// The simulator answers any number after 1.5 s; one ending in 0000 is busy after 1 s.
const COLLEAGUE = '+14155551234';
const BUSY_LINE = '+14155550000';

/**
 * The logs of calls from Maria Lopez that match `predicate`, once there is one. (A consult call
 * about her call is related to her Contact too, but it is outbound.)
 */
async function mariaCall(session, predicate) {
    const hers = (record) =>
        record.Contact__c === SAMPLE.mariaLopez.id &&
        record.Direction__c === 'Inbound' &&
        predicate(record);
    const records = await waitForRecords(session, 'Phone_Call__c', (all) => all.some(hers));
    return records.filter(hers);
}

describe(
    'journey: an agent transfers, consults and conferences calls',
    browserTestOptions(),
    () => {
        let session;
        let phone;
        /** Provider call ids of the logs earlier stories left, so each story finds its own. */
        const seen = new Set();

        consolePerSuite({}, (opened) => ({ session, phone } = opened));

        const fresh = (record) => !seen.has(record.Provider_Call_Id__c);
        const keep = (...records) =>
            records.forEach((record) => seen.add(record.Provider_Call_Id__c));

        /** Maria rings and the agent answers; returns the card of her call. */
        async function answerMaria() {
            await phone.ring('sim-known');
            await phone.answer();
            return phone.frame.locator('.softphone-call', { hasText: 'Maria Lopez' });
        }

        /** Opens the Transfer form on `card`, types the target. */
        async function typeTarget(card, target) {
            await card.getByRole('button', { name: 'Transfer', exact: true }).click();
            const field = card.getByLabel('Transfer to');
            assert.ok(
                await field.evaluate((input) => input === input.ownerDocument.activeElement),
                'focus moves to the target field'
            );
            await field.fill(target);
        }

        /**
         * This story's conference logs: Maria's call (the colleague among its parties) and the
         * consult leg linked to it (Maria among its parties), each connected.
         */
        async function conferenceLogs() {
            const [parent] = (
                await mariaCall(session, (record) => record.Conference_Parties__c === COLLEAGUE)
            ).filter(fresh);
            assert.equal(parent.Outcome__c, 'Connected');
            const [leg] = (
                await waitForRecords(session, 'Phone_Call__c', (records) =>
                    records.some((record) => record.Parent_Call__c === parent.Id)
                )
            ).filter((record) => record.Parent_Call__c === parent.Id);
            assert.equal(leg.Conference_Parties__c, SAMPLE.mariaLopez.number);
            return { parent, leg };
        }

        async function finishWrapUp() {
            await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
            await phone.button('Done').click();
            await phone.frame
                .getByRole('heading', { name: 'Wrap up' })
                .waitFor({ state: 'detached' });
        }

        it('a caller is transferred blind to a colleague: her log ends Transferred, to the colleague', async () => {
            const card = await answerMaria();
            await typeTarget(card, COLLEAGUE);
            // The related record's phones are offered (from the screen pop's search).
            const offered = await card
                .getByLabel('Suggested numbers')
                .locator('option')
                .allTextContents();
            assert.ok(
                offered.some((text) => text.startsWith('Maria Lopez · Mobile')),
                `Maria's mobile is offered: ${offered.join(' | ')}`
            );
            await session.screenshot('transfer-01-transfer-form');
            await assertSoftphoneAccessible(session, 'the Transfer form open');
            // Keyboard: Enter in the field transfers at once.
            await card.getByLabel('Transfer to').press('Enter');
            await card.getByText('Ringing (415) 555-1234').waitFor();
            await session.screenshot('transfer-02-blind-transfer-ringing');
            await finishWrapUp();

            const [log] = (
                await mariaCall(session, (record) => record.Outcome__c === 'Transferred')
            ).filter(fresh);
            assert.equal(log.Transfer_Target__c, COLLEAGUE);
            assert.equal(log.Direction__c, 'Inbound');
            assert.ok(log.Answered__c, 'the call was answered before it was handed on');
            keep(log);
        });

        it('a caller is held while the agent consults a colleague, then handed to him: two logs, the consult call linked to hers', async () => {
            const card = await answerMaria();
            await typeTarget(card, COLLEAGUE);
            await card.getByRole('button', { name: 'Consult first' }).click();
            const consult = phone.frame.locator('.softphone-call', {
                hasText: 'Consult call about Maria Lopez'
            });
            await consult.getByRole('button', { name: 'Complete transfer' }).waitFor();
            // Two calls: the caller on hold, the colleague live.
            await card.getByText(/^On hold/).waitFor();
            await consult.getByText('Live', { exact: true }).waitFor();
            await session.screenshot('transfer-03-consult-live-caller-held');
            await assertSoftphoneAccessible(session, 'a consult call with the caller on hold');

            await consult.getByRole('button', { name: 'Complete transfer' }).click();
            await finishWrapUp();

            const [parent] = (
                await mariaCall(session, (record) => record.Outcome__c === 'Transferred')
            ).filter(fresh);
            assert.equal(parent.Transfer_Target__c, COLLEAGUE);
            const [leg] = (
                await waitForRecords(session, 'Phone_Call__c', (records) =>
                    records.some((record) => record.Parent_Call__c === parent.Id)
                )
            ).filter((record) => record.Parent_Call__c === parent.Id);
            assert.equal(leg.Direction__c, 'Outbound');
            assert.equal(leg.To_Number__c, COLLEAGUE);
            assert.equal(leg.Outcome__c, 'Transferred');
            assert.equal(leg.Transfer_Target__c, SAMPLE.mariaLopez.number);
            keep(parent, leg);
        });

        it('the agent consults, the colleague cannot help, the agent cancels and goes back to the caller', async () => {
            const card = await answerMaria();
            // The colleague was called a moment ago: the agent picks him from the recent calls.
            await card.getByRole('button', { name: 'Transfer', exact: true }).click();
            const picker = card.getByLabel('Suggested numbers');
            const offered = await picker
                .locator('option')
                .evaluateAll((options) => options.map((option) => option.value));
            // As the recent calls show it; it is sent normalised (the log's To_Number__c below).
            const colleague = '(415) 555-1234';
            assert.ok(offered.includes(colleague), `the colleague is offered: ${offered}`);
            await picker.selectOption(colleague);
            assert.equal(await card.getByLabel('Transfer to').inputValue(), colleague);
            await card.getByRole('button', { name: 'Consult first' }).click();
            const consult = phone.frame.locator('.softphone-call', {
                hasText: 'Consult call about Maria Lopez'
            });
            await consult.getByRole('button', { name: 'Cancel consult' }).waitFor();
            await consult.getByText('Live', { exact: true }).waitFor();
            await consult.getByRole('button', { name: 'Cancel consult' }).click();
            await consult.waitFor({ state: 'detached' });
            await phone.waitForCallState('Connected');
            await session.screenshot('transfer-04-consult-cancelled-back-to-caller');
            await phone.hangupAndWrapUp();

            const [parent] = (
                await mariaCall(session, (record) => record.Outcome__c === 'Connected')
            ).filter(fresh);
            assert.equal(parent.Transfer_Target__c, undefined);
            // The consult call was logged first; the link follows once the caller's log exists.
            const [leg] = (
                await waitForRecords(session, 'Phone_Call__c', (records) =>
                    records.some((record) => record.Parent_Call__c === parent.Id)
                )
            ).filter((record) => record.Parent_Call__c === parent.Id);
            assert.equal(leg.Outcome__c, 'Connected');
            assert.equal(leg.To_Number__c, COLLEAGUE);
            keep(parent, leg);
        });

        it('the agent merges the caller and the colleague into a conference, then drops the colleague', async () => {
            const card = await answerMaria();
            await typeTarget(card, COLLEAGUE);
            await card.getByRole('button', { name: 'Consult first' }).click();
            const consult = phone.frame.locator('.softphone-call', {
                hasText: 'Consult call about Maria Lopez'
            });
            await consult.getByRole('button', { name: 'Conference' }).waitFor();
            await consult.getByRole('button', { name: 'Conference' }).click();
            await phone.frame.getByRole('heading', { name: 'Conference (3)' }).waitFor();
            assert.equal(await phone.frame.getByText('In conference', { exact: true }).count(), 2);
            // Each party can be removed; only End conference, under the heading, ends it all.
            assert.equal(
                await phone.frame.getByRole('button', { name: 'Remove from call' }).count(),
                2
            );
            assert.equal(await phone.frame.getByRole('button', { name: 'Hang up' }).count(), 0);
            await phone.frame.getByRole('button', { name: 'End conference' }).waitFor();
            await phone.frame
                .getByRole('heading', { name: 'Conference (3)' })
                .scrollIntoViewIfNeeded();
            await session.screenshot('transfer-05-conference-of-three');
            await assertSoftphoneAccessible(session, 'a conference with two parties');

            await consult.getByRole('button', { name: 'Remove from call' }).click();
            await phone.frame
                .getByRole('heading', { name: 'Conference (3)' })
                .waitFor({ state: 'detached' });
            await phone.waitForCallState('Connected');
            await phone.frame.getByRole('button', { name: 'Hang up' }).waitFor();
            await session.screenshot('transfer-06-colleague-dropped');
            await phone.hangupAndWrapUp();

            const { parent, leg } = await conferenceLogs();
            assert.equal(leg.Outcome__c, 'Connected');
            keep(parent, leg);
        });

        it('the agent ends a conference for everyone: both parties are hung up, each log says who else was on it', async () => {
            const card = await answerMaria();
            await typeTarget(card, COLLEAGUE);
            await card.getByRole('button', { name: 'Consult first' }).click();
            const consult = phone.frame.locator('.softphone-call', {
                hasText: 'Consult call about Maria Lopez'
            });
            await consult.getByRole('button', { name: 'Conference' }).click();
            await phone.frame.getByRole('heading', { name: 'Conference (3)' }).waitFor();
            // Keyboard only: focus End conference and press Enter.
            await phone.frame.getByRole('button', { name: 'End conference' }).focus();
            await phone.frame.getByRole('button', { name: 'End conference' }).press('Enter');
            await phone.frame.locator('.softphone-call').first().waitFor({ state: 'detached' });
            // Wrap-up is about the caller, whose call ended last.
            await phone.frame.locator('.softphone-wrapup', { hasText: 'Maria Lopez' }).waitFor();
            await session.screenshot('transfer-08-conference-ended');
            await finishWrapUp();

            const { parent, leg } = await conferenceLogs();
            keep(parent, leg);
        });

        it('a transfer to a person on the Do Not Call list is refused before it is sent: the agent keeps the caller', async () => {
            const card = await answerMaria();
            await typeTarget(card, SAMPLE.robertHayes.number);
            await card.getByRole('button', { name: 'Consult first' }).click();
            await phone.frame
                .getByText('Robert Hayes has asked not to be called (Do Not Call)')
                .waitFor();
            // No consult call: Maria was never put on hold.
            assert.equal(await phone.frame.locator('.softphone-call').count(), 1);
            await phone.waitForCallState('Connected');
            await session.screenshot('transfer-09-target-on-do-not-call-list');
            await assertSoftphoneAccessible(session, 'a transfer refused for Do Not Call');
            await typeTarget(card, SAMPLE.robertHayes.number);
            await card.getByRole('button', { name: 'Transfer now' }).click();
            await phone.frame
                .getByText('Robert Hayes has asked not to be called (Do Not Call)')
                .first()
                .waitFor();
            await phone.hangupAndWrapUp();

            const [log] = (
                await mariaCall(session, (record) => record.Outcome__c === 'Connected')
            ).filter(fresh);
            assert.equal(log.Transfer_Target__c, undefined);
            keep(log);
            const toRobert = (
                await session.hook((type) => window.localConsole.records(type), 'Phone_Call__c')
            ).filter((record) => record.Contact__c === SAMPLE.robertHayes.id);
            assert.deepEqual(toRobert, [], 'nothing was logged to Robert: no call reached him');
        });

        it('a transfer to a busy line fails: the agent is told and keeps the caller', async () => {
            const card = await answerMaria();
            await typeTarget(card, BUSY_LINE);
            await card.getByRole('button', { name: 'Transfer now' }).click();
            await card.getByText('Transfer failed to (415) 555-0000: busy').waitFor();
            await phone.frame
                .getByText(`Could not transfer the call to ${BUSY_LINE}: the line is busy.`)
                .waitFor();
            await session.screenshot('transfer-07-target-busy');
            // The caller is still there: the agent resumes talking and hangs up later.
            await phone.waitForCallState('Connected');
            await phone.hangupAndWrapUp();

            const [log] = (
                await mariaCall(session, (record) => record.Outcome__c === 'Connected')
            ).filter(fresh);
            assert.equal(log.Transfer_Target__c, undefined);
            keep(log);
            assert.deepEqual(session.pageErrors, []);
        });
    }
);
