// The permission set files of the source tree, parsed.
import { join } from 'node:path';
import { listFiles, toProjectPath } from './find-files.mjs';
import { readXmlRoot } from './xml-tree.mjs';

const suffix = '.permissionset-meta.xml';

/** [{ name, file, root }] for every permission set that parses (the lint reports the others). */
export function readPermissionSets(projectRoot, sourceDir = 'force-app') {
    return listFiles(join(projectRoot, sourceDir))
        .filter((path) => path.endsWith(suffix))
        .map((path) => {
            const file = toProjectPath(projectRoot, path);
            return {
                name: file.split('/').pop().slice(0, -suffix.length),
                file,
                root: readXmlRoot(path)
            };
        })
        .filter(({ root }) => root !== null);
}
