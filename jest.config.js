const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    // The coverage gate. collectCoverageFrom and coverageThreshold are global options (they apply
    // to both projects); `npm test` runs jest with --coverage, so a folder below 95 % fails it.
    collectCoverageFrom: [
        'src/softphone/{calls,screenpop,calllog,channel,tabs}/**/*.ts',
        '!**/*.test.ts',
        '!**/test-support/**',
        // Barrels only re-export.
        '!**/index.ts',
        // Files with only types (interfaces): no code runs, so they would read 0 %.
        '!src/softphone/calllog/call-log-writer.ts',
        '!src/softphone/calllog/log-outbox-events.ts',
        '!src/softphone/calllog/outbox-store.ts',
        '!src/softphone/calls/engine-events.ts'
    ],
    coverageThreshold: {
        './src/softphone/calls/': { lines: 95, branches: 95 },
        './src/softphone/screenpop/': { lines: 95, branches: 95 },
        './src/softphone/calllog/': { lines: 95, branches: 95 },
        './src/softphone/channel/': { lines: 95, branches: 95 },
        // One softphone across tabs: a gap here is a lost pop or a doubled log.
        './src/softphone/tabs/': { lines: 95, branches: 95 }
    },
    // Two projects: the Lightning Web Components (sfdx-lwc-jest, as Salesforce's sample apps run
    // them) and the adapter's TypeScript (unit tests beside their code, plus the scripts' tests).
    projects: [
        {
            ...lwcJestConfig,
            displayName: 'lwc',
            roots: ['<rootDir>/force-app'],
            moduleNameMapper: {
                '^lightning/messageService$':
                    '<rootDir>/force-app/test/jest-mocks/lightning/messageService'
            },
            setupFilesAfterEnv: ['<rootDir>/force-app/test/jest-setup.js'],
            testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/.localdevserver']
        },
        {
            displayName: 'adapter',
            roots: ['<rootDir>/src'],
            testMatch: ['**/*.test.ts'],
            // The softphone loads the phone-number library as a chunk before it starts; the unit
            // tests have it from the start.
            setupFiles: [
                '<rootDir>/src/softphone/screenpop/test-support/use-phone-number-library.ts',
                '<rootDir>/src/softphone/i18n/test-support/use-english-labels.ts'
            ],
            transform: {
                '^.+\\.ts$': '<rootDir>/scripts/jest/esbuild-transformer.cjs',
                // The LMS contract test (src/softphone/channel/lwc-contract.test.ts) imports the
                // LWC contract module, plain ES module JavaScript: transform that one file too.
                '/lwc/softphoneChannel/softphoneChannel\\.js$':
                    '<rootDir>/scripts/jest/esbuild-transformer.cjs'
            },
            moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
            testEnvironment: 'node'
        }
    ]
};
