// axe-core in every main state of the softphone (issue 12, Deliver 8): idle, ringing, connected,
// muted, held, two calls, wrap-up, recent calls, a refused Call, the sign-in form and a settings
// error. Each state is asserted clean ([] violations), with a screenshot of the panel.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertSoftphoneAccessible } from './support/axe.mjs';
import { browserTestOptions } from './support/browser-test.mjs';
import { consolePerSuite } from './support/console-suite.mjs';
import { screenshotDir } from './support/local-console-session.mjs';

/** Runs axe on the softphone as it is now and asserts it clean; keeps a picture of the state. */
async function assertAccessible(session, state) {
    mkdirSync(screenshotDir, { recursive: true });
    await session.page
        .getByTestId('softphone-frame')
        .screenshot({ path: join(screenshotDir, `axe-${state}.png`) });
    await assertSoftphoneAccessible(session, `state "${state}"`);
}

describe('the softphone is accessible in every state (axe)', browserTestOptions(), () => {
    let session;
    let phone;

    consolePerSuite({}, (opened) => ({ session, phone } = opened));

    it('idle: status, keypad tab', async () => {
        await assertAccessible(session, '01-idle');
    });

    it('ringing', async () => {
        await phone.ring('sim-known');
        await assertAccessible(session, '02-ringing');
    });

    it('connected, muted and held', async () => {
        await phone.answer();
        await assertAccessible(session, '03-connected');
        await phone.button('Mute').click();
        await phone.button('Unmute').waitFor();
        await assertAccessible(session, '04-muted');
        await phone.button('Hold').click();
        await phone.waitForCallState('On hold');
        await assertAccessible(session, '05-held');
    });

    it('two calls: one held, one ringing', async () => {
        await session.page.getByTestId('sim-ambiguous-contacts').click();
        await phone.frame.getByText('Call waiting').first().waitFor();
        await assertAccessible(session, '06-two-calls');
        await phone.decline();
        await phone.button('Resume').click();
        await phone.waitForCallState('Connected');
    });

    it('wrap-up', async () => {
        await phone.button('Hang up').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        await assertAccessible(session, '07-wrap-up');
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
    });

    it('recent calls', async () => {
        await phone.frame.getByRole('tab', { name: 'Recent calls' }).click();
        await phone.frame.locator('.softphone-recent__item').first().waitFor();
        await assertAccessible(session, '08-recent-calls');
    });

    it('a refused Call, with its reason by the field', async () => {
        await phone.frame.getByRole('tab', { name: 'Keypad' }).click();
        await phone.frame.getByLabel('Phone number').fill('abc');
        await phone.button('Call').click();
        await phone.frame.locator('.softphone-keypad .slds-has-error').waitFor();
        await assertAccessible(session, '09-refused-call');
    });
});

describe('the sign-in form is accessible (axe)', browserTestOptions(), () => {
    let session;

    consolePerSuite(
        {
            query: 'setting.connector.connectorType=listener&setting.connector.listenerUrl=ws%3A%2F%2F127.0.0.1%3A9%2Fsoftphone'
        },
        (opened) => ({ session } = opened)
    );

    it('asks for the token with a labelled field', async () => {
        await session.softphone().locator('form.softphone-credentials').waitFor();
        await assertAccessible(session, '10-sign-in');
    });
});

describe('a settings error is accessible (axe)', browserTestOptions(), () => {
    let session;

    consolePerSuite(
        { query: 'setting.wrapUp.afterCallWorkSeconds=soon' },
        (opened) => ({ session } = opened)
    );

    it('names the setting', async () => {
        await session.softphone().getByText('/wrapUp/afterCallWorkSeconds').waitFor();
        await assertAccessible(session, '11-settings-error');
    });
});
