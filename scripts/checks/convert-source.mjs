// Runs the real `sf project convert source` on the package directory and reads the package.xml
// it produces: proof that the CLI recognises every file and which metadata types will ship.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// This repo's CLI, also for fixture projects elsewhere (where `npx sf` would try to download it).
const sfBinary = join(repoRoot, 'node_modules', '.bin', 'sf');
const cliEnvironment = {
    ...process.env,
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_TELEMETRY: 'true'
};

/** Resolves to { types: Set<string>, problems } — never rejects. */
export async function convertSourceTypes(
    projectRoot,
    { sourceDir = 'force-app', tempParent = tmpdir() } = {}
) {
    const outputRoot = mkdtempSync(join(tempParent, 'convert-source-'));
    const outputDir = join(outputRoot, 'mdapi');
    const args = ['project', 'convert', 'source', '--root-dir', sourceDir];
    try {
        const { error, stdout, stderr } = await run(
            sfBinary,
            [...args, '--output-dir', outputDir, '--json'],
            projectRoot
        );
        if (error) {
            return failure(sourceDir, cliMessage(stdout, stderr) ?? error.message);
        }
        return { types: readPackageTypes(join(outputDir, 'package.xml')), problems: [] };
    } catch (error) {
        return failure(sourceDir, error.message);
    } finally {
        rmSync(outputRoot, { recursive: true, force: true });
    }
}

function failure(sourceDir, detail) {
    const message = `sf project convert source failed: ${detail}`;
    return { types: new Set(), problems: [{ file: sourceDir, message }] };
}

/** Problems for each of `requiredTypes` the converted package does not contain. */
export async function checkRequiredTypes(
    projectRoot,
    requiredTypes,
    { sourceDir = 'force-app' } = {}
) {
    const { types, problems } = await convertSourceTypes(projectRoot, { sourceDir });
    if (problems.length > 0) {
        return problems;
    }
    return requiredTypes
        .filter((type) => !types.has(type))
        .map((type) => ({
            file: sourceDir,
            message: `converted package has no ${type} (expected in package.xml)`
        }));
}

function run(command, args, cwd) {
    return new Promise((resolve) => {
        execFile(
            command,
            args,
            { cwd, env: cliEnvironment, maxBuffer: 16 * 1024 * 1024 },
            (error, stdout, stderr) => {
                resolve({ error, stdout, stderr });
            }
        );
    });
}

// With --json the CLI prints { name, message } on failure; fall back to raw output.
function cliMessage(stdout, stderr) {
    for (const output of [stdout, stderr]) {
        try {
            const { name, message } = JSON.parse(output);
            if (message) {
                return name ? `${name}: ${message}` : message;
            }
        } catch {
            // not JSON: try the next stream
        }
    }
    const output = (stderr || stdout).trim();
    return output ? output.split('\n').slice(0, 5).join(' ') : undefined;
}

function readPackageTypes(packageXmlPath) {
    const parser = new XMLParser({ isArray: (name) => name === 'types' || name === 'members' });
    const manifest = parser.parse(readFileSync(packageXmlPath, 'utf8'));
    return new Set((manifest.Package?.types ?? []).map((type) => type.name));
}
