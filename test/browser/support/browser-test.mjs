// node:test wrapper for browser tests: skipped (with the install command) when Chromium is
// missing, a failure instead when REQUIRE_SYSTEM_TESTS=1 (CI).
import {
    findSystemProgram,
    systemPrograms,
    systemTestsRequired
} from '../../support/system-programs.mjs';

export function browserTestOptions() {
    if (findSystemProgram('chromium') || systemTestsRequired) {
        return { timeout: 180_000 };
    }
    return { skip: `Chromium is not installed: ${systemPrograms.chromium.install}` };
}
