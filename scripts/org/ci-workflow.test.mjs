import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workflowText = readFileSync(join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8');
const workflow = parse(workflowText);
const { checks, 'scratch-org': scratchOrg } = workflow.jobs;

const stepUsing = (job, action) => job.steps.find((step) => step.uses?.startsWith(`${action}@`));
const stepRunning = (job, pattern) => job.steps.find((step) => pattern.test(step.run ?? ''));

test('the workflow runs on push and pull request, with the two jobs', () => {
    assert.ok('push' in workflow.on && 'pull_request' in workflow.on);
    assert.deepEqual(Object.keys(workflow.jobs), ['checks', 'scratch-org']);
});

test('job 1 runs the same checks as .ci/run, on the Node version of .nvmrc', () => {
    assert.ok(stepUsing(checks, 'actions/checkout'));
    assert.equal(stepUsing(checks, 'actions/setup-node').with['node-version-file'], '.nvmrc');
    assert.ok(stepRunning(checks, /^bash \.ci\/run$/));
    // .ci/run expects Debian 12; the image's Node must be the one .nvmrc names.
    const nodeVersion = readFileSync(join(repoRoot, '.nvmrc'), 'utf8').trim();
    assert.equal(checks.container, `node:${nodeVersion}-bookworm`);
});

test('job 2 needs job 1 and runs only when the Dev Hub secret exists', () => {
    assert.equal(scratchOrg.needs, 'checks');
    assert.equal(scratchOrg.if, undefined, 'secrets are not allowed in a job-level if');
    const [gate, ...rest] = scratchOrg.steps;
    assert.equal(gate.id, 'devhub');
    assert.equal(gate.env.SFDX_AUTH_URL, '${{ secrets.SFDX_AUTH_URL }}');
    for (const step of rest) {
        assert.match(
            step.if,
            /steps\.devhub\.outputs\.available == 'true'/,
            step.name ?? step.uses
        );
    }
});

test('job 2 logs in, creates the org, smoke-checks it and always deletes it', () => {
    const login = stepRunning(scratchOrg, /sf org login sfdx-url --sfdx-url-stdin/);
    assert.equal(login.env.SFDX_AUTH_URL, '${{ secrets.SFDX_AUTH_URL }}');
    const names = scratchOrg.steps.map((step) => step.run ?? step.uses);
    const order = [
        /sf org login sfdx-url/,
        /npm run org:create/,
        /smoke-check\.mjs/,
        /sf org delete scratch/
    ];
    const positions = order.map((pattern) => names.findIndex((text) => pattern.test(text)));
    assert.ok(
        positions.every((position) => position >= 0),
        `steps missing: ${positions}`
    );
    assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        positions,
        'steps in order'
    );
    assert.match(stepRunning(scratchOrg, /npm run org:create/).run, /--no-open/);
    assert.match(stepRunning(scratchOrg, /sf org delete scratch/).if, /^always\(\) && /);
});

test('the Dev Hub secret reaches only the steps that need it', () => {
    const secretUses = workflowText.match(/secrets\.SFDX_AUTH_URL/g) ?? [];
    const stepsWithSecret = scratchOrg.steps.filter((step) =>
        JSON.stringify(step.env ?? {}).includes('secrets.')
    );
    assert.equal(secretUses.length, 2);
    assert.equal(stepsWithSecret.length, 2, 'the gate and the login step');
    assert.ok(!JSON.stringify(workflow.env ?? {}).includes('secrets.'));
    assert.ok(!JSON.stringify(scratchOrg.env ?? {}).includes('secrets.'));
});
