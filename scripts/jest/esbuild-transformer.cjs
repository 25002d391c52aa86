// Jest transformer for the adapter's TypeScript: esbuild strips types (tsc checks them separately),
// which keeps the unit tests as fast as plain JavaScript.
const { transformSync } = require('esbuild');

module.exports = {
    process(sourceText, sourcePath) {
        const { code, map } = transformSync(sourceText, {
            loader: sourcePath.endsWith('.ts') ? 'ts' : 'js',
            format: 'cjs',
            target: 'node20',
            // import('./chunk') as a require (jest runs CommonJS; the build keeps it as a chunk).
            supported: { 'dynamic-import': false },
            sourcemap: 'inline',
            sourcefile: sourcePath
        });
        return { code, map };
    }
};
