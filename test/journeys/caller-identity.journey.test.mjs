// Journey (issue 14): callers the phone system identifies in ways a phone number parser does not
// expect. A colleague's extension known by a name rings as that name, is searched by it and is
// logged with it; an international number that does not validate keeps its "+" everywhere it is
// used: the search, the new-record form and the log. (The SIP headers that carry such ids are
// played by sipp in test/sip/softphone-sip.browser.test.mjs; here the simulator rings.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { waitForRecords } from '../browser/support/softphone-driver.mjs';

// Forms open as the call rings, so the agent sees what the softphone prefilled before deciding.
const QUERY = [
    'setting.screenPop.noMatchAction=NewCase',
    'setting.screenPop.newRecordPopTiming=OnRing'
].join('&');

describe(
    'journey: callers known by a name, and numbers that do not validate',
    browserTestOptions(),
    () => {
        let session;
        let phone;

        consolePerSuite({ query: QUERY }, (opened) => ({ session, phone } = opened));

        /** The ringing call's panel (the recent calls list also shows numbers, hidden). */
        function incoming() {
            return phone.frame.locator('.softphone-incoming').first();
        }

        async function ringFrom(number, name) {
            await session.page.getByTestId('sim-custom-number').fill(number);
            await session.page.getByTestId('sim-custom-name').fill(name);
            await session.page.getByTestId('sim-custom-ring').click();
            await phone.frame.getByText('Incoming call').first().waitFor();
        }

        /** What the softphone asked the host for since entry `from`: searches and screen pops. */
        async function hostRequests(from) {
            const activity = (await session.hook(() => window.localConsole.activity())).slice(from);
            return {
                searches: activity
                    .filter((entry) => entry.method === 'searchAndScreenPop')
                    .map((entry) => entry.args.searchParams),
                pops: activity
                    .filter((entry) => entry.method === 'screenPop')
                    .map((entry) => entry.args)
            };
        }

        async function activityLength() {
            return (await session.hook(() => window.localConsole.activity())).length;
        }

        it('a colleague known as "alice" rings as alice, is searched as alice, and the declined call is logged from alice', async () => {
            const from = await activityLength();
            await ringFrom('alice', 'Front Desk');
            await incoming().getByText('alice', { exact: true }).waitFor();
            await session.screenshot('caller-identity-01-named-caller-ringing');
            const { searches, pops } = await waitForPops(from, 1);
            assert.deepEqual(searches, ['alice']);
            // Nobody matches: a new Case, with no name in its phone field (sforce.opencti's
            // SCREENPOP_TYPE.NEW_RECORD_MODAL is the string 'newRecord').
            assert.equal(pops[0].type, 'newRecord');
            assert.deepEqual(pops[0].params.defaultFieldValues, { Origin: 'Phone' });

            await phone.decline();
            const [log] = await waitForRecords(session, 'Phone_Call__c', (records) =>
                records.some((record) => record.From_Number__c === 'alice')
            ).then((records) => records.filter((record) => record.From_Number__c === 'alice'));
            assert.equal(log.Direction__c, 'Inbound');
            assert.equal(log.Outcome__c, 'Rejected');
            await session.screenshot('caller-identity-02-named-caller-logged');
        });

        it('an international number that does not validate (+15550100999) keeps its + in the search, the form and the log', async () => {
            const from = await activityLength();
            await ringFrom('+15550100999', '');
            await incoming().getByText('+15550100999', { exact: true }).waitFor();
            const { searches, pops } = await waitForPops(from, 1);
            assert.deepEqual(searches, ['+15550100999']);
            assert.deepEqual(pops[0].params.defaultFieldValues, {
                Origin: 'Phone',
                SuppliedPhone: '+15550100999'
            });
            await session.screenshot('caller-identity-03-international-number-form');

            await phone.decline();
            const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
                all.some((record) => record.From_Number__c === '+15550100999')
            );
            const log = records.find((record) => record.From_Number__c === '+15550100999');
            assert.equal(log.Outcome__c, 'Rejected');
        });

        /** Waits until the softphone made `count` screen pops since activity entry `from`. */
        async function waitForPops(from, count) {
            const deadline = Date.now() + 10_000;
            for (;;) {
                const requests = await hostRequests(from);
                if (requests.pops.length >= count) {
                    return requests;
                }
                assert.ok(Date.now() < deadline, `no screen pop: ${JSON.stringify(requests)}`);
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
        }
    }
);
