// Journey (issues 19, 20): the call engine refuses and fails in codes, and the softphone words
// them in the agent's language. A French agent's transfer to a busy line fails: the panel says
// why in French (the engine's code `transfer-failed`, worded by ui/engine-words.ts), the caller
// stays on the line, and the call is logged as a connected call that was not transferred.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

// The simulator answers any number after 1.5 s; one ending in 0000 is busy after 1 s.
const BUSY_LINE = '+14155550000';

const french = {
    answer: 'Répondre',
    connected: 'En communication',
    transfer: 'Transférer',
    transferTo: 'Transférer vers',
    transferNow: 'Transférer maintenant',
    hangUp: 'Raccrocher',
    wrapUp: "Bilan d'appel",
    done: 'Terminé'
};

describe('an agent whose Salesforce language is French', browserTestOptions(), () => {
    let session;
    let phone;
    consolePerSuite({ query: 'lang=fr&locale=fr-FR' }, (opened) => ({ session, phone } = opened));

    it('transfers Maria Lopez to a busy line: told why in French, keeps her, and her call is logged as not transferred', async () => {
        const button = (name) => phone.frame.getByRole('button', { name, exact: true });
        await session.page.getByTestId('sim-known').click();
        await button(french.answer).first().click();
        const card = phone.frame.locator('.softphone-call', { hasText: 'Maria Lopez' });
        await card.locator('.softphone-call__status', { hasText: french.connected }).waitFor();

        await card.getByRole('button', { name: french.transfer, exact: true }).click();
        await card.getByLabel(french.transferTo).fill(BUSY_LINE);
        await card.getByRole('button', { name: french.transferNow, exact: true }).click();

        // The engine's refusal, worded in the agent's language with the number she typed.
        const refusal = `Impossible de transférer l'appel au ${BUSY_LINE} : la ligne est occupée.`;
        await phone.frame.getByText(refusal, { exact: true }).waitFor();
        await session.screenshot('engine-words-01-transfer-refused-fr');
        // No English is left in what the agent reads.
        const panel = await phone.frame.locator('#softphone-root').innerText();
        assert.ok(!panel.includes('Could not'), panel);

        // The caller is still there: the agent talks on, then hangs up and finishes wrap-up.
        await card.locator('.softphone-call__status', { hasText: french.connected }).waitFor();
        await button(french.hangUp).click();
        await phone.frame.getByRole('heading', { name: french.wrapUp }).waitFor();
        await button(french.done).click();
        await phone.frame
            .getByRole('heading', { name: french.wrapUp })
            .waitFor({ state: 'detached' });

        const hers = (record) =>
            record.Contact__c === SAMPLE.mariaLopez.id && record.Direction__c === 'Inbound';
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((record) => hers(record) && record.Outcome__c === 'Connected')
        );
        const log = records.find(hers);
        // The record keeps the org's values: the picklist in English, no transfer target.
        assert.equal(log.Outcome__c, 'Connected');
        assert.equal(log.From_Number__c, SAMPLE.mariaLopez.number);
        assert.equal(log.Transfer_Target__c, undefined);
        assert.deepEqual(session.pageErrors, []);
    });
});
