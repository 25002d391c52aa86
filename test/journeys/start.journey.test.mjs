// The softphone's start with the words of its host page (issue 19): the static resource carries
// no words; the page renders every softphone label through $Label. An agent whose page renders
// them all never downloads the English catalogue; an agent whose page is older than the static
// resource (a label missing) reads that label in English, every other word in their language,
// and works as usual.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { screenshotDir } from '../browser/support/local-console-session.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

const hostPage = 'force-app/main/default/pages/Softphone.page';

async function panelShot(session, name) {
    mkdirSync(screenshotDir, { recursive: true });
    await session.page
        .getByTestId('softphone-frame')
        .screenshot({ path: join(screenshotDir, `start-${name}.png`) });
}

/** The static resource's scripts the softphone frame downloaded, by file name. */
async function downloadedScripts(phone) {
    return phone.frame.locator('html').evaluate(() =>
        performance
            .getEntriesByType('resource')
            .map((entry) => entry.name.split('?')[0].split('/').pop())
            .filter((name) => name.endsWith('.js'))
    );
}

/** A copy of the host page without one label: a page older than the static resource. */
function pageWithout(labelName) {
    const source = readFileSync(hostPage, 'utf8');
    const span = new RegExp(`<span data-label="${labelName}"[\\s\\S]*?</span\\s*>`);
    assert.match(source, span);
    const dir = mkdtempSync(join(tmpdir(), 'softphone-page-'));
    writeFileSync(join(dir, 'Softphone.page'), source.replace(span, ''));
    return dir;
}

/** A known caller rings, the agent answers, hangs up and saves the wrap-up. */
async function takeACall(session, phone, words, notes) {
    const button = (name) => phone.frame.getByRole('button', { name, exact: true });
    await session.page.getByTestId('sim-known').click();
    await button(words.answer).first().click();
    await phone.frame
        .locator('.softphone-call__status', { hasText: words.connected })
        .first()
        .waitFor();
    await button(words.hangUp).click();
    await phone.frame.getByRole('heading', { name: words.wrapUp }).waitFor();
    await phone.frame.getByLabel(words.notes).fill(notes);
    await button(words.save).click();
    await phone.frame.locator('#softphone-root').getByText(words.saved, { exact: true }).waitFor();
    await button(words.done).click();
    await phone.frame.getByRole('heading', { name: words.wrapUp }).waitFor({ state: 'detached' });
    const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
        all.some((record) => record.Notes__c === notes)
    );
    return records.find((record) => record.Notes__c === notes);
}

/** The agent declines the ringing call: no call is left ringing. */
async function declineTheCall(phone) {
    const decline = phone.frame.getByRole('button', { name: japanese.decline, exact: true });
    await decline.click();
    await decline.waitFor({ state: 'detached' });
}

const japanese = {
    answer: '応答',
    connected: '通話中',
    decline: '拒否',
    hangUp: '切断',
    wrapUp: '後処理',
    notes: 'メモ',
    save: '保存',
    saved: '通話ログに保存しました。',
    done: '完了'
};

describe('a Japanese agent whose page renders every label', browserTestOptions(), () => {
    let session;
    let phone;
    consolePerSuite({ query: 'lang=ja&locale=ja-JP' }, (opened) => ({ session, phone } = opened));

    it('starts without downloading the English words, and takes a call in Japanese', async () => {
        await session.page.getByTestId('sim-known').click();
        await phone.frame.getByRole('button', { name: japanese.answer, exact: true }).waitFor();
        await phone.frame.getByRole('button', { name: japanese.decline, exact: true }).waitFor();
        await panelShot(session, 'ja-every-label-ringing');
        await declineTheCall(phone);
        const scripts = await downloadedScripts(phone);
        assert.ok(scripts.includes('softphone.js'), scripts.join(', '));
        // Preloaded by the page (modulepreload) and imported by softphone.js: fetched once.
        assert.equal(
            scripts.filter((name) => name === 'phone-number-library.js').length,
            1,
            scripts.join(', ')
        );
        assert.equal(
            scripts.filter((name) => name.startsWith('english-labels')).length,
            0,
            scripts.join(', ')
        );
        const call = await takeACall(session, phone, japanese, '請求書について');
        assert.equal(call.Direction__c, 'Inbound');
        assert.equal(call.Outcome__c, 'Connected');
        assert.equal(call.From_Number__c, SAMPLE.mariaLopez.number);
    });
});

const english = {
    answer: 'Answer',
    connected: 'Connected',
    decline: 'Decline',
    hangUp: 'Hang up',
    wrapUp: 'Wrap up',
    notes: 'Notes',
    save: 'Save',
    saved: 'Saved to the call log.',
    done: 'Done'
};

describe('an agent opens Salesforce', browserTestOptions(), () => {
    let session;
    let phone;
    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    it('is told ready once the panel shows, before the layout and channel requests, and takes a call', async () => {
        // The Open CTI calls of the start, in the order the host received them.
        const methods = (await session.hook(() => window.localConsole.activity()))
            .filter((entry) => entry.kind === 'opencti')
            .map((entry) => entry.method);
        const first = (method) => {
            const index = methods.indexOf(method);
            assert.ok(index >= 0, `${method} in ${methods.join(', ')}`);
            return index;
        };
        const ready = first('notifyInitializationComplete');
        assert.equal(methods.filter((m) => m === 'notifyInitializationComplete').length, 1);
        // The settings come first (the panel depends on them); the spinner goes before the
        // softphone asks for its layout and subscribes to the LMS channel.
        assert.ok(first('getCallCenterSettings') < ready, methods.join(', '));
        assert.ok(ready < first('getSoftphoneLayout'), methods.join(', '));
        assert.ok(ready < first('subscribe'), methods.join(', '));
        await panelShot(session, 'en-ready');
        const call = await takeACall(session, phone, english, 'Ready at once');
        assert.equal(call.Direction__c, 'Inbound');
        assert.equal(call.Outcome__c, 'Connected');
        assert.equal(call.From_Number__c, SAMPLE.mariaLopez.number);
    });
});

describe(
    'a Japanese agent whose page is older than the softphone (no Answer label)',
    browserTestOptions(),
    () => {
        const pagesDir = pageWithout('Softphone_Answer');
        after(() => rmSync(pagesDir, { recursive: true, force: true }));
        let session;
        let phone;
        consolePerSuite(
            { query: 'lang=ja&locale=ja-JP', serverArgs: ['--pages-dir', pagesDir] },
            (opened) => ({ session, phone } = opened)
        );

        it('reads Answer in English, every other word in Japanese, and the call is logged', async () => {
            await session.page.getByTestId('sim-known').click();
            await phone.frame.getByRole('button', { name: 'Answer', exact: true }).waitFor();
            await phone.frame
                .getByRole('button', { name: japanese.decline, exact: true })
                .waitFor();
            await panelShot(session, 'ja-missing-label-ringing');
            const scripts = await downloadedScripts(phone);
            assert.equal(
                scripts.filter((name) => name.startsWith('english-labels')).length,
                1,
                scripts.join(', ')
            );
            await declineTheCall(phone);
            const call = await takeACall(
                session,
                phone,
                { ...japanese, answer: 'Answer' },
                '古いページ'
            );
            assert.equal(call.Direction__c, 'Inbound');
            assert.equal(call.Outcome__c, 'Connected');
        });
    }
);
