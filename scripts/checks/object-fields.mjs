// The custom fields the source tree defines, read from their field files.
import { join } from 'node:path';
import { listFiles, toProjectPath } from './find-files.mjs';
import { childText, readXmlRoot } from './xml-tree.mjs';

const fieldFilePattern = /\/objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/;

/** Map objectName -> Map fieldName -> { file, required, type } for every field file. */
export function readObjectFields(projectRoot, sourceDir = 'force-app') {
    const objects = new Map();
    for (const path of listFiles(join(projectRoot, sourceDir))) {
        const file = toProjectPath(projectRoot, path);
        const match = fieldFilePattern.exec(`/${file}`);
        if (!match) {
            continue;
        }
        const [, objectName, fieldName] = match;
        const root = readXmlRoot(path);
        if (!objects.has(objectName)) {
            objects.set(objectName, new Map());
        }
        objects.get(objectName).set(fieldName, {
            file,
            required: root ? childText(root, 'required') === 'true' : false,
            type: root ? childText(root, 'type') : undefined
        });
    }
    return objects;
}
