// Where the system programs that some tests need live, and the one command that installs each.
import { existsSync } from 'node:fs';

export const systemPrograms = {
    chromium: {
        path: () => process.env.CHROME_PATH || '/usr/bin/chromium',
        install: 'sudo apt-get install -y chromium'
    },
    kamailio: {
        path: () => '/usr/sbin/kamailio',
        install: 'sudo apt-get install -y kamailio kamailio-websocket-modules'
    },
    sipp: {
        path: () => '/usr/bin/sipp',
        install: 'sudo apt-get install -y sip-tester'
    }
};

/** Returns the program's path, or undefined when it is not installed here. */
export function findSystemProgram(name) {
    const program = systemPrograms[name];
    const path = program.path();
    return existsSync(path) ? path : undefined;
}

/** CI sets REQUIRE_SYSTEM_TESTS=1: a missing program is then a failure, not a skip. */
export const systemTestsRequired = process.env.REQUIRE_SYSTEM_TESTS === '1';
