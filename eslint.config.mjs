import { createRequire } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import eslintJs from '@eslint/js';

const require = createRequire(import.meta.url);
// @salesforce/eslint-config-lwc has no exports map: require its flat config file directly.
const lwcRecommended = require('@salesforce/eslint-config-lwc/recommended');

const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

export default [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'test-results/**',
            'dist/**',
            '.sf/**',
            '.sfdx/**',
            'force-app/main/default/staticresources/**',
            // Generated from src/softphone/channel/lwc-module.ts by scripts/build.mjs.
            'force-app/main/default/lwc/softphoneChannel/softphoneChannel.js'
        ]
    },
    ...scoped(lwcRecommended, [
        'force-app/**/lwc/**/*.js',
        'src/local-console/lwc-runtime/components/**/*.js'
    ]),
    {
        files: ['force-app/**/lwc/**/*.js', 'src/local-console/lwc-runtime/components/**/*.js'],
        languageOptions: { globals: { ...globals.browser } }
    },
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
        languageOptions: { globals: { ...globals.node, ...globals.jest } }
    },
    ...scoped(tseslint.configs.recommended, ['src/**/*.ts']),
    {
        files: ['src/**/*.ts'],
        languageOptions: { globals: { ...globals.browser } },
        rules: {
            'no-console': 'error',
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/consistent-type-imports': 'error',
            '@typescript-eslint/no-unused-vars': [
                'error',
                { ignoreRestSiblings: true, argsIgnorePattern: '^_' }
            ],
            'no-restricted-syntax': [
                'error',
                { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }
            ]
        }
    },
    {
        files: ['src/**/*.test.ts', 'src/**/test-support/**/*.ts'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } }
    },
    {
        ...eslintJs.configs.recommended,
        files: ['scripts/**/*.{js,mjs,cjs}', 'test/**/*.{js,mjs}', '*.{js,mjs,cjs}', '.ci/**/*.mjs']
    },
    {
        files: [
            'scripts/**/*.{js,mjs,cjs}',
            'test/**/*.{js,mjs}',
            '*.{js,mjs,cjs}',
            '.ci/**/*.mjs'
        ],
        languageOptions: { globals: { ...globals.node } }
    },
    {
        files: ['test/**/*.{js,mjs}', 'src/local-console/**/*.js'],
        languageOptions: { globals: { ...globals.node, ...globals.browser } }
    }
];
