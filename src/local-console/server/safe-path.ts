import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Maps the rest of a URL path (already split off its route prefix, still percent-encoded) onto a
 * file under `root`, or returns undefined when the path could leave `root`: `..` segments,
 * encoded or not, backslashes, NUL bytes, empty or hidden segments (`.git`, `.env`), and symbolic
 * links that point outside `root`.
 */
export function resolveSafePath(root: string, encodedPath: string): string | undefined {
    let decoded: string;
    try {
        decoded = decodeURIComponent(encodedPath);
    } catch {
        return undefined;
    }
    if (decoded === '' || decoded.includes('\0') || decoded.includes('\\')) {
        return undefined;
    }
    const segments = decoded.split('/');
    if (segments.some((segment) => segment === '' || segment.startsWith('.'))) {
        return undefined;
    }
    const absoluteRoot = resolve(root);
    const candidate = resolve(join(absoluteRoot, ...segments));
    return isInside(absoluteRoot, candidate) ? candidate : undefined;
}

/**
 * True when `file` exists and its real path (symbolic links followed) is inside the real path of
 * `root`. Call it before serving a file that `resolveSafePath` returned.
 */
export function isRealPathInside(root: string, file: string): boolean {
    try {
        return isInside(realpathSync(root), realpathSync(file));
    } catch {
        return false;
    }
}

function isInside(root: string, candidate: string): boolean {
    const path = relative(root, candidate);
    return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path);
}
