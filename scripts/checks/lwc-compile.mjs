// Compiles every LWC bundle's JavaScript and templates with @lwc/compiler the way the platform
// does on deploy, so template and syntax errors show up before an org does (convert ignores them).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { transformSync } from '@lwc/compiler';
import { listDirectories, listFiles, toProjectPath } from './find-files.mjs';

const compiledFilePattern = /\.(js|html)$/;

export function compileLwcBundles(projectRoot, { lwcDir = 'force-app/main/default/lwc' } = {}) {
    const bundlesRoot = join(projectRoot, lwcDir);
    return listDirectories(bundlesRoot)
        .filter((bundle) => bundle !== '__tests__')
        .flatMap((bundle) => checkBundle(projectRoot, join(bundlesRoot, bundle), bundle));
}

function checkBundle(projectRoot, bundleDir, bundle) {
    const problems = [];
    const metaFile = join(bundleDir, `${bundle}.js-meta.xml`);
    if (!existsSync(metaFile)) {
        problems.push({
            file: toProjectPath(projectRoot, bundleDir),
            message: `LWC bundle has no ${bundle}.js-meta.xml (every bundle needs one to deploy)`
        });
    }
    const sources = listFiles(bundleDir, {
        skipDirectory: (path, name) => name === '__tests__'
    }).filter((path) => compiledFilePattern.test(path));
    for (const path of sources) {
        const message = compileError(path, relative(bundleDir, path).split(sep).join('/'), bundle);
        if (message) {
            problems.push({ file: toProjectPath(projectRoot, path), message });
        }
    }
    return problems;
}

function compileError(path, fileName, bundle) {
    try {
        transformSync(readFileSync(path, 'utf8'), fileName, { namespace: 'c', name: bundle });
        return null;
    } catch (error) {
        return describeCompilerError(error);
    }
}

function describeCompilerError(error) {
    const code = error.code ? `LWC${error.code}` : 'LWC';
    const { line, column } = error.location ?? {};
    const where = line ? `line ${line}, col ${column}: ` : '';
    // The compiler repeats the code and the absolute path and adds a code frame: keep the reason.
    const reason = String(error.message ?? error)
        .split('\n')[0]
        .replace(/^\w*Error: /, '')
        .replace(new RegExp(`^${code}: `), '')
        .replace(/^[^:]*\.(js|html): /, '');
    return `${where}${code}: ${reason}`;
}
