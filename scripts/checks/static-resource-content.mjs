// A .resource-meta.xml needs its content beside it (a file or folder of the same name); the build
// produces the softphone's, and without it `sf project convert source` fails.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles, toProjectPath } from './find-files.mjs';

const suffix = '.resource-meta.xml';

export function checkStaticResourceContent(projectRoot, { sourceDir = 'force-app' } = {}) {
    return listFiles(join(projectRoot, sourceDir))
        .filter((path) => path.endsWith(suffix))
        .filter((path) => !hasContent(path))
        .map((path) => {
            const name = path.split(/[\\/]/).pop().slice(0, -suffix.length);
            const folder = toProjectPath(projectRoot, join(dirname(path), name));
            return {
                file: toProjectPath(projectRoot, path),
                message: `static resource content missing (no ${folder}/ nor ${folder}.*): run npm run build first`
            };
        });
}

function hasContent(metaPath) {
    const directory = dirname(metaPath);
    const name = metaPath.split(/[\\/]/).pop().slice(0, -suffix.length);
    if (existsSync(join(directory, name))) {
        return true;
    }
    return readdirSync(directory).some(
        (entry) => entry.startsWith(`${name}.`) && entry !== `${name}${suffix}`
    );
}
