// node:test wrapper for the SIP suites: a describe() when Kamailio, sipp and Chromium are
// installed; otherwise one visible test, skipped with the install command, or failed when
// REQUIRE_SYSTEM_TESTS=1 (CI).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemTestsRequired } from '../support/system-programs.mjs';
import { missingSipPrograms, sipInstallCommand } from './sip-rig.mjs';

export function sipSuite(name, options, body) {
    const missing = missingSipPrograms();
    if (missing.length === 0) {
        describe(name, options, body);
        return;
    }
    const message = `not installed: ${missing.join(', ')}. Install with: ${sipInstallCommand}`;
    it(name, { skip: systemTestsRequired ? false : message }, () => {
        assert.fail(`REQUIRE_SYSTEM_TESTS=1 but ${message}`);
    });
}
