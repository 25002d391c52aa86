// Jest transformer for the adapter's TypeScript: esbuild strips types (tsc checks them separately),
// which keeps the unit tests as fast as plain JavaScript.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync } = require('esbuild');

// Jest's cache key leaves the transformer out: a change here would reuse stale output.
const ownSource = readFileSync(__filename, 'utf8');

module.exports = {
    getCacheKey(sourceText, sourcePath, options) {
        return createHash('sha256')
            .update(ownSource)
            .update(options.configString)
            .update(options.instrument ? 'instrumented' : 'plain')
            .update(sourcePath)
            .update(sourceText)
            .digest('hex');
    },
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
