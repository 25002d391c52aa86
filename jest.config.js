const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Two projects: the Lightning Web Components (sfdx-lwc-jest, as Salesforce's sample apps run them)
// and the adapter's TypeScript (unit tests beside their code, plus the scripts' tests).
module.exports = {
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
