// axe-core in the softphone's frame: the accessibility rules a test asserts after each state
// it shows. Evaluated through the browser's debugging protocol, so the page's strict CSP (no
// inline scripts) does not stop it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8'
);

/** The softphone frame of a console tab (playwright's Frame, which can evaluate scripts). */
async function softphoneFrame(session) {
    const element = await session.page.waitForSelector('[data-testid="softphone-frame"]');
    return element.contentFrame();
}

/**
 * Runs axe on the softphone (WCAG 2.x A/AA and best practices) and returns its violations as
 * readable lines, e.g. "label-content-name-mismatch: button[aria-label="1"] …"; [] when clean.
 */
export async function softphoneAxeViolations(session) {
    return axeViolations(await softphoneFrame(session), '#softphone-root');
}

/**
 * The same rules on the active record tab's Lightning web components (Click to Dial, Call
 * History) in the console page: what the agent uses on a record page.
 */
export async function recordPageAxeViolations(session) {
    return axeViolations(session.page, '.lc-record-components__column:not([hidden])');
}

/** axe's violations of `selector` (or the whole document without a match) in a page or frame. */
async function axeViolations(frame, selector) {
    if (!(await frame.evaluate(() => typeof window.axe === 'object'))) {
        await frame.evaluate(axeSource);
    }
    const violations = await frame.evaluate(async (root) => {
        const result = await window.axe.run(document.querySelector(root) ?? document, {
            runOnly: {
                type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
            },
            rules: {
                // The softphone and the cards are panels inside Salesforce's page, not pages.
                region: { enabled: false },
                'page-has-heading-one': { enabled: false },
                'landmark-one-main': { enabled: false }
            }
        });
        return result.violations.map((violation) => ({
            id: violation.id,
            help: violation.help,
            targets: violation.nodes.map((node) => node.target.join(' '))
        }));
    }, selector);
    return violations.map(
        (violation) => `${violation.id}: ${violation.targets.join(', ')} (${violation.help})`
    );
}

/** Fails with axe's violations unless the softphone, as it shows `state` now, has none. */
export async function assertSoftphoneAccessible(session, state = 'this state') {
    assert.deepEqual(await softphoneAxeViolations(session), [], `axe violations in ${state}`);
}

/** Fails with axe's violations unless the record page's components, as they show now, have none. */
export async function assertRecordPageAccessible(session, state = 'this state') {
    assert.deepEqual(await recordPageAxeViolations(session), [], `axe violations in ${state}`);
}

/**
 * Fails with axe's violations unless one component of the console page (a shipped Lightning
 * component such as `c-softphone-call-bar`, with its shadow DOM), as it shows now, has none.
 */
export async function assertComponentAccessible(session, selector, state = 'this state') {
    assert.deepEqual(
        await axeViolations(session.page, selector),
        [],
        `axe violations in ${selector}, ${state}`
    );
}
