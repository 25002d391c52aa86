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
    const frame = await softphoneFrame(session);
    if (!(await frame.evaluate(() => typeof window.axe === 'object'))) {
        await frame.evaluate(axeSource);
    }
    const violations = await frame.evaluate(async () => {
        const result = await window.axe.run(document.getElementById('softphone-root') ?? document, {
            runOnly: {
                type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
            },
            rules: {
                // The softphone is a panel inside Salesforce's page, not a page of its own.
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
    });
    return violations.map(
        (violation) => `${violation.id}: ${violation.targets.join(', ')} (${violation.help})`
    );
}

/** Fails with axe's violations unless the softphone, as it shows `state` now, has none. */
export async function assertSoftphoneAccessible(session, state = 'this state') {
    assert.deepEqual(await softphoneAxeViolations(session), [], `axe violations in ${state}`);
}

/**
 * Runs the same rules on one element of the console page itself (a shipped Lightning component,
 * e.g. `c-softphone-call-bar`, with its shadow DOM) and fails with its violations unless clean.
 */
export async function assertComponentAccessible(session, selector, state = 'this state') {
    const page = session.page;
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
        await page.evaluate(axeSource);
    }
    const violations = await page.evaluate(async (target) => {
        const result = await window.axe.run(document.querySelector(target), {
            runOnly: {
                type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
            },
            rules: {
                // A component inside Salesforce's page, not a page of its own.
                region: { enabled: false },
                'page-has-heading-one': { enabled: false },
                'landmark-one-main': { enabled: false }
            }
        });
        return result.violations.map(
            (violation) =>
                `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')} (${violation.help})`
        );
    }, selector);
    assert.deepEqual(violations, [], `axe violations in ${selector}, ${state}`);
}
