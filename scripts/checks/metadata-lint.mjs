// Lints every source-format metadata XML file under the package directory: well-formed, the root
// element the suffix implies, the Metadata API namespace, and every element checked against the
// @salesforce/types definitions (the CLI's convert checks none of this).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, toProjectPath } from './find-files.mjs';
import { checkElementAgainstType } from './metadata-element-check.mjs';
import { loadMetadataSchema } from './metadata-schema.mjs';
import { metadataTypeForFile } from './metadata-types-by-suffix.mjs';
import { parseXmlTree } from './xml-tree.mjs';

export const metadataNamespace = 'http://soap.sforce.com/2006/04/metadata';

/** Problems ({ file, message }) in the `*-meta.xml` files under `<projectRoot>/<sourceDir>`. */
export function lintMetadata(
    projectRoot,
    { sourceDir = 'force-app', schema = loadMetadataSchema() } = {}
) {
    return listMetadataFiles(join(projectRoot, sourceDir)).flatMap((path) => {
        const file = toProjectPath(projectRoot, path);
        return lintMetadataFile(path, file, schema).map((message) => ({ file, message }));
    });
}

export function listMetadataFiles(directory) {
    // A folder static resource's content is the app's own files, not metadata.
    const isStaticResourceContent = (path) => /[\\/]staticresources[\\/][^\\/]+$/.test(path);
    return listFiles(directory, { skipDirectory: isStaticResourceContent })
        .filter((path) => path.endsWith('-meta.xml'))
        .sort();
}

function lintMetadataFile(path, file, schema) {
    const { suffix, typeName } = metadataTypeForFile(file);
    if (!typeName) {
        return [
            `unknown metadata file suffix '.${suffix}-meta.xml' (no Metadata API type known for it)`
        ];
    }
    let text;
    try {
        text = readFileSync(path, 'utf8');
    } catch (error) {
        return [`cannot read file: ${error.message}`];
    }
    const { root, error } = parseXmlTree(text);
    if (error) {
        return [error];
    }
    if (root.name !== typeName) {
        return [
            `root element is <${root.name}> but a .${suffix}-meta.xml file must have <${typeName}>`
        ];
    }
    const messages = [];
    if (root.attributes.xmlns !== metadataNamespace) {
        messages.push(
            `<${typeName}> xmlns is '${root.attributes.xmlns ?? ''}', expected '${metadataNamespace}'`
        );
    }
    messages.push(...checkElementAgainstType(root, typeName, schema));
    return [...new Set(messages)];
}
