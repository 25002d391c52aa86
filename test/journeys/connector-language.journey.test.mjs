// Agent journeys with the phone system's own words in the agent's language (issue 20): the
// simulator refuses a transfer (a number ending in 0005 refuses transfers, as a PBX answering
// 403 to the REFER would), and the agent reads why in Japanese, keeps the caller, and the call is
// logged as a connected call, not a transfer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const REFUSING_LINE = '+14155550005';

const japanese = {
    answer: '応答',
    transfer: '転送',
    transferTo: '転送先',
    hangUp: '切断',
    wrapUp: '後処理',
    done: '完了',
    refused: `電話システムが ${REFUSING_LINE} への転送を拒否しました (403 Forbidden)。`
};

describe(
    'an agent in Japanese whose transfer the phone system refuses',
    browserTestOptions(),
    () => {
        let session;
        let phone;
        consolePerSuite(
            { query: 'lang=ja&locale=ja-JP' },
            (opened) => ({ session, phone } = opened)
        );

        it('reads the refusal in Japanese, keeps Maria Lopez on the line, and her call is logged as connected', async () => {
            const words = japanese;
            const button = (name) => phone.frame.getByRole('button', { name, exact: true });
            await session.page.getByTestId('sim-known').click();
            await button(words.answer).first().click();
            const card = phone.frame.locator('.softphone-call', { hasText: 'Maria Lopez' });
            await card.getByRole('button', { name: words.transfer, exact: true }).click();
            await card.getByLabel(words.transferTo).fill(REFUSING_LINE);
            await card.getByLabel(words.transferTo).press('Enter');

            await phone.frame.getByText(words.refused).first().waitFor();
            await session.screenshot('connector-language-ja-01-transfer-refused');
            // The caller is still there: the agent can hang up her call.
            await button(words.hangUp).waitFor();
            await button(words.hangUp).click();
            await phone.frame.getByRole('heading', { name: words.wrapUp }).waitFor();
            await button(words.done).click();
            await phone.frame
                .getByRole('heading', { name: words.wrapUp })
                .waitFor({ state: 'detached' });

            const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
                all.some((r) => r.Contact__c === SAMPLE.mariaLopez.id && r.Outcome__c)
            );
            const call = records.find((r) => r.Contact__c === SAMPLE.mariaLopez.id);
            assert.equal(call.Direction__c, 'Inbound');
            assert.equal(call.Outcome__c, 'Connected');
            assert.ok(call.Answered__c, 'the call was answered');
            assert.ok(!call.Transfer_Target__c, 'a refused transfer names no target');
        });
    }
);
