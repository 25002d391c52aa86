// `npm run check:metadata`: every offline metadata check, one line per problem, exit 1 on any.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRequiredTypes } from './convert-source.mjs';
import { listDirectories } from './find-files.mjs';
import { compileLwcBundles } from './lwc-compile.mjs';
import { checkLwcContractModule } from './lwc-contract-module.mjs';
import { lintMetadata } from './metadata-lint.mjs';
import { checkProjectRules } from './project-rules.mjs';
import { checkStaticResourceContent } from './static-resource-content.mjs';

const baseRequiredTypes = [
    'CallCenter',
    'LightningMessageChannel',
    'CustomObject',
    'CustomField',
    'StaticResource',
    'ApexPage',
    'PermissionSet',
    'CustomTab'
];

/** The types the converted package must contain, given which folders exist. */
export function requiredTypesFor(projectRoot, sourceDir = 'force-app') {
    const defaultDir = join(projectRoot, sourceDir, 'main', 'default');
    const types = [...baseRequiredTypes];
    if (listDirectories(join(defaultDir, 'lwc')).some((name) => name !== '__tests__')) {
        types.push('LightningComponentBundle');
    }
    if (existsSync(join(defaultDir, 'applications'))) {
        types.push('CustomApplication');
    }
    if (existsSync(join(defaultDir, 'flexipages'))) {
        types.push('FlexiPage');
    }
    if (existsSync(join(defaultDir, 'flows'))) {
        types.push('Flow');
    }
    return types;
}

/** All problems of all checks, convert included (skipped when static resources are not built). */
export async function runMetadataChecks(projectRoot, { sourceDir = 'force-app' } = {}) {
    // Convert starts first: the CLI (~1.5 s) runs while the in-process checks do.
    const missingContent = checkStaticResourceContent(projectRoot, { sourceDir });
    const convertProblems =
        missingContent.length > 0
            ? Promise.resolve(missingContent) // convert would only fail with ExpectedSourceFilesError
            : checkRequiredTypes(projectRoot, requiredTypesFor(projectRoot, sourceDir), {
                  sourceDir
              });
    const problems = [
        ...lintMetadata(projectRoot, { sourceDir }),
        ...checkProjectRules(projectRoot, { sourceDir }),
        ...compileLwcBundles(projectRoot, { lwcDir: join(sourceDir, 'main', 'default', 'lwc') }),
        ...(sourceDir === 'force-app' ? await checkLwcContractModule(projectRoot) : [])
    ];
    return [...problems, ...(await convertProblems)];
}

async function main() {
    const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const problems = await runMetadataChecks(projectRoot);
    for (const { file, message } of problems) {
        console.log(`${file}: ${message}`);
    }
    const files = new Set(problems.map(({ file }) => file));
    console.log(`metadata checks: ${problems.length} problems in ${files.size} files`);
    process.exitCode = problems.length > 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    await main();
}
