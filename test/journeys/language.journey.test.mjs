// Agent journeys in the agent's language (issue 20): the local console plays a user whose
// Salesforce settings say Japanese, Arabic (right to left) or German (`lang=…&locale=…`); the
// softphone shows the package's translated labels, formats times in the user's locale, keeps
// the 360 px panel whole, and logs the same Phone_Call__c records as in English.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import { consolePerSuite } from '../browser/support/console-suite.mjs';
import { screenshotDir } from '../browser/support/local-console-session.mjs';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';

async function panelShot(session, name) {
    mkdirSync(screenshotDir, { recursive: true });
    await session.page
        .getByTestId('softphone-frame')
        .screenshot({ path: join(screenshotDir, `language-${name}.png`) });
}

/**
 * What sticks out of the panel or is cut: an element past the panel's left or right edge, a
 * button or label whose text is wider than its box, or a panel that scrolls sideways.
 */
async function overflow(phone) {
    return phone.frame.locator('#softphone-root').evaluate((root) => {
        const width = document.documentElement.clientWidth;
        const problems = [];
        const describe = (element) =>
            `<${element.tagName.toLowerCase()} class="${element.className}"> "${element.textContent.trim().slice(0, 40)}"`;
        for (const element of root.querySelectorAll('*')) {
            const box = element.getBoundingClientRect();
            if (box.width === 0 || element.closest('.slds-assistive-text, [hidden]')) {
                continue;
            }
            if (box.left < -0.5 || box.right > width + 0.5) {
                problems.push(
                    `${describe(element)} spans ${box.left}..${box.right} of 0..${width}`
                );
            }
            const cut =
                ['BUTTON', 'LABEL', 'OPTION', 'H2', 'SPAN'].includes(element.tagName) &&
                !element.closest('.slds-truncate') &&
                element.scrollWidth > element.clientWidth + 1 &&
                getComputedStyle(element).overflow !== 'visible';
            if (cut) {
                problems.push(
                    `${describe(element)} is cut (${element.scrollWidth} > ${element.clientWidth})`
                );
            }
        }
        if (document.documentElement.scrollWidth > width) {
            problems.push(
                `the panel scrolls sideways (${document.documentElement.scrollWidth} > ${width})`
            );
        }
        return problems;
    });
}

/** One inbound call taken, wrapped up and saved, in the agent's language. */
async function takeACall(phone, words) {
    const button = (name) => phone.frame.getByRole('button', { name, exact: true });
    await button(words.answer).first().click();
    await phone.frame
        .locator('.softphone-call__status', { hasText: words.connected })
        .first()
        .waitFor();
}

async function wrapUp(phone, words, { disposition, notes }) {
    const button = (name) => phone.frame.getByRole('button', { name, exact: true });
    await button(words.hangUp).click();
    await phone.frame.getByRole('heading', { name: words.wrapUp }).waitFor();
    await phone.frame.getByLabel(words.disposition).selectOption(disposition);
    await phone.frame.getByLabel(words.notes).fill(notes);
    await button(words.save).click();
    await phone.frame.locator('#softphone-root').getByText(words.saved, { exact: true }).waitFor();
}

async function finishWrapUp(phone, words) {
    await phone.frame.getByRole('button', { name: words.done, exact: true }).click();
    await phone.frame.getByRole('heading', { name: words.wrapUp }).waitFor({ state: 'detached' });
}

const japanese = {
    status: '状態',
    available: '受付可',
    incoming: '着信',
    answer: '応答',
    decline: '拒否',
    connected: '通話中',
    hold: '保留',
    mute: 'ミュート',
    hangUp: '切断',
    wrapUp: '後処理',
    disposition: '対応結果',
    notes: 'メモ',
    save: '保存',
    saved: '通話ログに保存しました。',
    done: '完了',
    recentCalls: '最近の通話',
    outcomeConnected: '接続',
    today: '今日'
};

const arabic = {
    status: 'الحالة',
    available: 'متاح',
    incoming: 'مكالمة واردة',
    answer: 'رد',
    decline: 'رفض',
    connected: 'متصلة',
    hold: 'انتظار',
    mute: 'كتم',
    hangUp: 'إنهاء المكالمة',
    wrapUp: 'ختام المكالمة',
    disposition: 'التصنيف',
    notes: 'ملاحظات',
    save: 'حفظ',
    saved: 'تم الحفظ في سجل المكالمات.',
    done: 'تم',
    recentCalls: 'المكالمات الحديثة',
    outcomeConnected: 'تم الاتصال',
    today: 'اليوم'
};

describe('an agent whose Salesforce language is Japanese', browserTestOptions(), () => {
    let session;
    let phone;
    consolePerSuite({ query: 'lang=ja&locale=ja-JP' }, (opened) => ({ session, phone } = opened));

    it('takes a call from Maria Lopez in Japanese, and the call is logged as in English', async () => {
        const words = japanese;
        assert.equal(await phone.frame.locator('html').getAttribute('lang'), 'ja');
        assert.equal(await phone.frame.locator('html').getAttribute('dir'), 'ltr');
        assert.equal(await phone.frame.getByLabel(words.status).inputValue(), 'Available');
        assert.equal(
            await phone.frame.getByLabel(words.status).locator('option:checked').innerText(),
            words.available
        );
        await panelShot(session, 'ja-01-idle');
        assert.deepEqual(await overflow(phone), []);

        await session.page.getByTestId('sim-known').click();
        await phone.frame.getByRole('button', { name: words.decline, exact: true }).waitFor();
        await panelShot(session, 'ja-02-ringing');
        assert.deepEqual(await overflow(phone), []);

        await takeACall(phone, words);
        for (const name of [words.hold, words.mute, words.hangUp]) {
            await phone.frame.getByRole('button', { name, exact: true }).waitFor();
        }
        await panelShot(session, 'ja-03-connected');
        assert.deepEqual(await overflow(phone), []);

        await wrapUp(phone, words, { disposition: 'Resolved', notes: '請求書について' });
        await panelShot(session, 'ja-04-wrap-up');
        assert.deepEqual(await overflow(phone), []);
        await finishWrapUp(phone, words);

        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => r.Disposition__c === 'Resolved')
        );
        const call = records.find((r) => r.Disposition__c === 'Resolved');
        // The record keeps the org's values: picklists in English, the agent's notes as typed.
        assert.equal(call.Direction__c, 'Inbound');
        assert.equal(call.Outcome__c, 'Connected');
        assert.equal(call.From_Number__c, SAMPLE.mariaLopez.number);
        assert.equal(call.Notes__c, '請求書について');

        await phone.frame.getByRole('tab', { name: words.recentCalls }).click();
        const row = phone.frame.locator('.softphone-recent li').first();
        const meta = await row.innerText();
        assert.match(meta, new RegExp(`${words.today} \\d{1,2}:\\d{2}`), meta);
        assert.ok(meta.includes(words.outcomeConnected), meta);
        await panelShot(session, 'ja-05-recent-calls');
        assert.deepEqual(await overflow(phone), []);

        // The record page's components read the same custom labels, in the same language.
        await session.page.getByTestId('workspace-tab').filter({ hasText: 'Home' }).click();
        await session.page
            .getByTestId('list-Contact')
            .getByTestId('record-link')
            .filter({ hasText: 'Maria Lopez' })
            .first()
            .click();
        const column = session.page.locator('.lc-record-components__column:not([hidden])');
        await column.locator('c-call-log').getByText('通話履歴', { exact: true }).waitFor();
        await column
            .locator('c-click-to-dial')
            .getByRole('button', { name: /^.+ に発信$/ })
            .first()
            .waitFor();
        await column.locator('c-call-log .call-row').first().waitFor();
        mkdirSync(screenshotDir, { recursive: true });
        await session.page.screenshot({
            path: join(screenshotDir, 'language-ja-06-record-page.png')
        });
    });
});

describe(
    'an agent whose Salesforce language is Arabic (right to left)',
    browserTestOptions(),
    () => {
        let session;
        let phone;
        consolePerSuite(
            { query: 'lang=ar&locale=ar-EG' },
            (opened) => ({ session, phone } = opened)
        );

        it('takes a call in Arabic in a mirrored panel, and the call is logged as in English', async () => {
            const words = arabic;
            assert.equal(await phone.frame.locator('html').getAttribute('lang'), 'ar');
            assert.equal(await phone.frame.locator('html').getAttribute('dir'), 'rtl');
            assert.equal(
                await phone.frame.getByLabel(words.status).locator('option:checked').innerText(),
                words.available
            );
            await panelShot(session, 'ar-01-idle');
            assert.deepEqual(await overflow(phone), []);

            await session.page.getByTestId('sim-known').click();
            await phone.frame.getByRole('button', { name: words.decline, exact: true }).waitFor();
            // Mirrored: the ringing card's accent edge is on its right, where the line starts.
            const edge = await phone.frame
                .locator('.softphone-incoming')
                .first()
                .evaluate((card) => {
                    const style = getComputedStyle(card);
                    return { right: style.borderRightWidth, left: style.borderLeftWidth };
                });
            assert.equal(edge.right, '4px');
            assert.notEqual(edge.left, '4px');
            await panelShot(session, 'ar-02-ringing');
            assert.deepEqual(await overflow(phone), []);

            await takeACall(phone, words);
            // Buttons run right to left: the first (Hold) is right of the next.
            const hold = await phone.frame
                .getByRole('button', { name: words.hold, exact: true })
                .boundingBox();
            const mute = await phone.frame
                .getByRole('button', { name: words.mute, exact: true })
                .boundingBox();
            assert.ok(hold.x > mute.x, `Hold at ${hold.x}, Mute at ${mute.x}`);
            await panelShot(session, 'ar-03-connected');
            assert.deepEqual(await overflow(phone), []);

            await wrapUp(phone, words, { disposition: 'Resolved', notes: 'سؤال عن الفاتورة' });
            await panelShot(session, 'ar-04-wrap-up');
            assert.deepEqual(await overflow(phone), []);
            await finishWrapUp(phone, words);

            const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
                all.some((r) => r.Disposition__c === 'Resolved')
            );
            const call = records.find((r) => r.Disposition__c === 'Resolved');
            assert.equal(call.Outcome__c, 'Connected');
            assert.equal(call.Notes__c, 'سؤال عن الفاتورة');

            await phone.frame.getByRole('tab', { name: words.recentCalls }).click();
            const meta = await phone.frame.locator('.softphone-recent li').first().innerText();
            assert.ok(meta.includes(words.today) && meta.includes(words.outcomeConnected), meta);
            await panelShot(session, 'ar-05-recent-calls');
            assert.deepEqual(await overflow(phone), []);
        });
    }
);

describe(
    'an agent whose Salesforce language is German (longer words)',
    browserTestOptions(),
    () => {
        let session;
        let phone;
        consolePerSuite(
            { query: 'lang=de&locale=de-DE' },
            (opened) => ({ session, phone } = opened)
        );

        it('keeps the 360 px panel whole through a call with a held second call', async () => {
            assert.deepEqual(await overflow(phone), []);
            await panelShot(session, 'de-01-idle');
            await session.page.getByTestId('sim-known').click();
            await phone.frame.getByRole('button', { name: 'Annehmen', exact: true }).click();
            await phone.frame.getByRole('button', { name: 'Halten', exact: true }).click();
            await phone.frame.getByRole('button', { name: 'Fortsetzen', exact: true }).waitFor();
            await session.page.getByTestId('sim-unknown').click();
            await phone.frame
                .locator('#softphone-root')
                .getByText('Anklopfender Anruf', { exact: true })
                .first()
                .waitFor();
            await panelShot(session, 'de-02-held-and-waiting');
            assert.deepEqual(await overflow(phone), []);
            await phone.frame.getByRole('button', { name: 'Ablehnen', exact: true }).click();
            await phone.frame.getByRole('button', { name: 'Auflegen', exact: true }).click();
            await phone.frame.getByRole('heading', { name: 'Nachbearbeitung' }).waitFor();
            await panelShot(session, 'de-03-wrap-up');
            assert.deepEqual(await overflow(phone), []);
            await phone.frame.getByRole('tab', { name: 'Tastatur' }).click();
            await panelShot(session, 'de-04-keypad');
            assert.deepEqual(await overflow(phone), []);
        });
    }
);

/** Check setup, opened from the diagnostics area by its name in the agent's language. */
async function openCheckSetup(phone, name) {
    await phone.frame.getByRole('button', { name, exact: true }).click();
    await phone.frame.locator('section[data-setup-check="done"]').waitFor();
    return phone.frame.getByRole('region', { name });
}

async function checkLine(panel, id) {
    const line = panel.locator(`[data-check="${id}"]`);
    return { status: await line.getAttribute('data-status'), text: await line.innerText() };
}

describe(
    'an admin whose Salesforce language is Japanese checks the setup of a fresh org',
    browserTestOptions(),
    () => {
        let session;
        let phone;
        consolePerSuite(
            { query: 'lang=ja&locale=ja-JP&layout=fresh-org' },
            (opened) => ({ session, phone } = opened)
        );

        it('reads the layout warning, each check and its fix in Japanese, and the write test leaves a Japanese note', async () => {
            const warning = phone.frame.getByText('管理者向け: ソフトフォンレイアウトに');
            await warning.waitFor();
            const said = await warning.innerText();
            assert.ok(
                said.includes('Outbound: Contact の Do Not Call, Lead の Do Not Call を追加'),
                said
            );
            assert.ok(said.includes('設定 → ソフトフォンレイアウト で修正してください'), said);

            const panel = await openCheckSetup(phone, '設定を確認');
            const layout = await checkLine(panel, 'layout');
            assert.equal(layout.status, 'fail');
            assert.ok(layout.text.includes('ソフトフォンレイアウト'), layout.text);
            assert.ok(
                layout.text.includes(
                    'Outbound セクション: Do Not Call 項目付きで Contact, Lead を追加'
                ),
                layout.text
            );
            const settings = await checkLine(panel, 'settings');
            assert.equal(settings.status, 'pass');
            assert.ok(
                settings.text.includes('すべてのコールセンター設定が有効です。'),
                settings.text
            );
            const write = await checkLine(panel, 'write');
            assert.equal(write.status, 'not-run');
            assert.ok(write.text.includes('「書き込みテストを実行」を押して'), write.text);
            assert.doesNotMatch(layout.text + settings.text + write.text, /\b(the|is|and|to)\b/);
            await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
            await panelShot(session, 'ja-07-check-setup');
            assert.deepEqual(await overflow(phone), []);

            await panel.getByRole('button', { name: '書き込みテストを実行', exact: true }).click();
            await panel.locator('[data-check="write"][data-status="pass"]').waitFor();
            const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
                all.some((r) => String(r.Provider_Call_Id__c).startsWith('SETUP-CHECK-TEST-'))
            );
            const test = records.find((r) =>
                String(r.Provider_Call_Id__c).startsWith('SETUP-CHECK-TEST-')
            );
            // The note the admin finds on the record is in their language too.
            assert.equal(
                test.Notes__c,
                'ソフトフォンの設定チェック（書き込みテストを実行）で作成したテストレコードです。削除してください。'
            );
            const written = await checkLine(panel, 'write');
            assert.ok(written.text.includes('テスト用の Phone Call を保存しました'), written.text);
            assert.ok(written.text.includes('テストレコードを削除します'), written.text);
            await panel
                .locator('[data-check="write"]')
                .evaluate((element) => element.scrollIntoView({ block: 'center' }));
            await panelShot(session, 'ja-08-write-test');
            assert.deepEqual(await overflow(phone), []);
            await panel.getByRole('button', { name: '閉じる', exact: true }).click();
        });

        it('types a number that is too long for a US number and reads why in Japanese; nothing is dialled', async () => {
            const before = await session.hook(
                (type) => window.localConsole.records(type),
                'Phone_Call__c'
            );
            await phone.frame.getByRole('tab', { name: 'キーパッド' }).click();
            const field = phone.frame.getByLabel('電話番号');
            await field.fill('415 555 0101 9999 9999');
            await phone.frame.getByRole('button', { name: '発信', exact: true }).click();
            await phone.frame.locator('.softphone-keypad .slds-has-error').waitFor();
            const reason = phone.frame.locator(
                `[id="${await field.getAttribute('aria-describedby')}"]`
            );
            assert.equal(
                await reason.innerText(),
                '415 555 0101 9999 9999 は US の有効な番号ではありません'
            );
            await panelShot(session, 'ja-09-refused-dial');
            assert.deepEqual(await overflow(phone), []);
            const after = await session.hook(
                (type) => window.localConsole.records(type),
                'Phone_Call__c'
            );
            assert.equal(after.length, before.length);
        });
    }
);

describe(
    'an admin whose Salesforce language is Arabic starts the softphone with a wrong setting',
    browserTestOptions(),
    () => {
        let session;
        let phone;
        consolePerSuite(
            { query: 'lang=ar&locale=ar-EG&setting.dialing.defaultCountry=USA' },
            (opened) => ({ session, phone } = opened)
        );

        it('reads which setting is wrong and how to fix it in Arabic, in a right-to-left panel', async () => {
            const problem = phone.frame.getByText('/dialing/defaultCountry').first();
            await problem.waitFor();
            const root = await phone.frame.locator('#softphone-root').innerText();
            assert.ok(root.includes('يجب أن يكون رمز بلد من حرفين مثل US أو GB'), root);
            assert.equal(await phone.frame.locator('html').getAttribute('dir'), 'rtl');
            await panelShot(session, 'ar-06-wrong-setting');
            assert.deepEqual(await overflow(phone), []);

            const panel = await openCheckSetup(phone, 'التحقق من الإعداد');
            const settings = await checkLine(panel, 'settings');
            assert.equal(settings.status, 'fail');
            assert.ok(settings.text.includes('إعدادات مركز الاتصال'), settings.text);
            assert.ok(
                // The key is isolated (FSI … PDI): it reads left to right inside the Arabic sentence.
                settings.text.includes(
                    '\u2068/dialing/defaultCountry\u2069: يجب أن يكون رمز بلد من حرفين'
                ),
                settings.text
            );
            assert.ok(
                settings.text.includes('الإعداد ← مراكز الاتصال ← Open CTI Softphone'),
                settings.text
            );
            await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
            await panelShot(session, 'ar-07-check-setup');
            assert.deepEqual(await overflow(phone), []);
        });
    }
);
