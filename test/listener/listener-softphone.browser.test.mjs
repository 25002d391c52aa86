// The generic listener end to end in the local console: the built bridge, the built softphone
// with connectorType=listener, and HTTP requests as the phone system sends them.
//
// Needs the softphone's listener wiring (src/softphone/main.ts + ui/): with connectorType
// `listener`, the softphone asks for "Agent id" and "Listener token" (labelled inputs) and a
// "Connect" button, connects with createListenerConnector(), shows the call's extra pairs as
// text, and says the call is controlled on the agent's phone when the bridge has no callback
// URL. Until the built softphone has that form, this file is skipped and says so; the extra
// pairs and "controlled on your phone" are checked by a test of their own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitForSoftphone } from '../browser/support/local-console-session.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';
import { TOKENS, getEvent, sign } from './support/listener-bridge-process.mjs';
import { listenerBrowserTestOptions, openListenerConsole } from './support/listener-console.mjs';

describe('the listener connector in the local console', listenerBrowserTestOptions(), () => {
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
            'setting.wrapUp.afterCallWorkSeconds': '0'
        });
        ({ bridge, page, session, phone, pageErrors, screenshot, waitForAgentState } = listener);
    });

    after(async () => listener?.close());

    it('signs the agent in with the agent id and listener token', async () => {
        const frame = phone.frame;
        await frame.getByLabel('Agent id', { exact: true }).waitFor({ timeout: 15_000 });
        await screenshot('listener-01-sign-in');
        await frame.getByLabel('Agent id', { exact: true }).fill('agent1');
        await frame.getByLabel('Listener token', { exact: true }).fill(TOKENS.agent1);
        await phone.button('Connect').click();
        await waitForSoftphone(page);
        await frame.getByLabel('Agent id', { exact: true }).waitFor({ state: 'detached' });
        await waitForAgentState('Available');
        // The token is never put where the page or the console could keep it.
        const activity = JSON.stringify(await session.hook(() => window.localConsole.activity()));
        assert.ok(!activity.includes(TOKENS.agent1), 'the token reached an Open CTI call');
    });

    it('rings on an HTTP request to the bridge and pops the Contact', async () => {
        const query = new URLSearchParams({
            ani: SAMPLE.mariaLopez.number,
            dnis: '+14155550100',
            callid: 'pbx-call-4711',
            type: 'ringing',
            agent: 'agent1',
            orderId: 'A-1001',
            queue: 'Billing'
        }).toString();
        const rang = await getEvent(bridge, query, sign(query));
        assert.deepEqual([rang.status, rang.body], [200, { ok: true, delivered: 1 }]);

        await phone.frame.getByText('Incoming call', { exact: false }).first().waitFor();
        await phone.frame.getByText('Maria Lopez').first().waitFor();
        await page.waitForFunction(
            (id) => window.localConsole.openTabs().some((tab) => tab.active && tab.recordId === id),
            SAMPLE.mariaLopez.id
        );
        await screenshot('listener-02-ringing');
    });

    it("shows the call's extra pairs and that the call is controlled on the phone", async () => {
        await phone.frame.getByText('A-1001').first().waitFor({ timeout: 5000 });
        await phone.frame.getByText('Billing').first().waitFor({ timeout: 5000 });
        await phone.frame
            .getByText(/controlled on your phone/i)
            .first()
            .waitFor({ timeout: 5000 });
    });

    it('follows the answered and ended events and logs one Phone_Call__c', async () => {
        const answered = await getEvent(bridge, {
            callid: 'pbx-call-4711',
            type: 'answered',
            agent: 'agent1'
        });
        assert.equal(answered.status, 200);
        await phone.waitForCallState('Connected');
        await screenshot('listener-03-connected');

        const ended = await getEvent(bridge, {
            callid: 'pbx-call-4711',
            type: 'ended',
            agent: 'agent1'
        });
        assert.equal(ended.status, 200);
        const [record] = await waitForRecords(
            session,
            'Phone_Call__c',
            (records) => records.length === 1
        );
        assert.equal(record.Provider_Call_Id__c, 'pbx-call-4711');
        assert.equal(record.Direction__c, 'Inbound');
        assert.equal(record.From_Number__c, SAMPLE.mariaLopez.number);
        assert.equal(record.Outcome__c, 'Connected');
        assert.equal(record.Contact__c, SAMPLE.mariaLopez.id);
        await screenshot('listener-04-logged');

        // A replayed ended event is refused and logs nothing more.
        const replay = await getEvent(bridge, {
            callid: 'pbx-call-4711',
            type: 'ended',
            agent: 'agent1'
        });
        assert.equal(replay.status, 409);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        assert.equal(
            (await session.hook(() => window.localConsole.records('Phone_Call__c'))).length,
            1
        );
        assert.deepEqual(pageErrors, []);
    });
});
