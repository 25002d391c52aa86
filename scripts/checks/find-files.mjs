// Recursive file listing that tolerates missing folders, so checks run on half-built trees.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const alwaysSkipped = new Set(['node_modules', '.git']);

/** Absolute paths of the files under `directory` (none when it does not exist). */
export function listFiles(directory, { skipDirectory = () => false } = {}) {
    let entries;
    try {
        entries = readdirSync(directory, { withFileTypes: true });
    } catch {
        return [];
    }
    // Sorted so problems come out in the same order on every machine.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return entries.flatMap((entry) => {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) {
            if (alwaysSkipped.has(entry.name) || skipDirectory(path, entry.name)) {
                return [];
            }
            return listFiles(path, { skipDirectory });
        }
        return entry.isFile() ? [path] : [];
    });
}

/** Names of the sub-folders of `directory` (none when it does not exist). */
export function listDirectories(directory) {
    try {
        return readdirSync(directory, { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => entry.name)
            .sort();
    } catch {
        return [];
    }
}

/** Path relative to the project root with `/` separators, as problems report it. */
export function toProjectPath(projectRoot, path) {
    return relative(projectRoot, path).split(sep).join('/');
}
