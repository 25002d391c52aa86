// CHANGELOG.md: one section per package version, `## <major.minor.patch> — <version name>`; its
// first paragraph is the version's description in the Dev Hub, the rest its release notes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the Dev Hub keeps as a version's description; longer is refused here, before the CLI. */
export const MAX_DESCRIPTION_LENGTH = 255;

/** 'major.minor.patch' of an sfdx-project.json versionNumber such as '0.1.0.NEXT'. */
export function releaseOf(versionNumber) {
    const match = /^(\d+\.\d+\.\d+)(?:\.(?:\d+|NEXT|LATEST))?$/.exec(versionNumber ?? '');
    if (!match) {
        throw new Error(
            `versionNumber '${versionNumber}' in sfdx-project.json is not major.minor.patch.NEXT`
        );
    }
    return match[1];
}

/**
 * The section of `release` in a changelog's text: { release, name, description, notes }, or an
 * Error saying what is missing.
 */
export function readReleaseNotes(text, release) {
    const lines = text.split('\n');
    const heading = new RegExp(
        `^## \\[?${release.replaceAll('.', '\\.')}\\]?(?:\\s+[—–-]\\s+(.+?))?\\s*$`
    );
    const start = lines.findIndex((line) => heading.test(line));
    if (start === -1) {
        return new Error(
            `CHANGELOG.md has no "## ${release} — <version name>" section: add one (its first paragraph is the version's description) before creating the version`
        );
    }
    const name = heading.exec(lines[start])[1]?.trim();
    const rest = lines.slice(start + 1);
    const end = rest.findIndex((line) => /^## /.test(line));
    const body = (end === -1 ? rest : rest.slice(0, end)).join('\n').trim();
    const [first = '', ...others] = body.split(/\n\s*\n/);
    const description = first.replace(/\s+/g, ' ').trim();
    if (description === '' || /^[-*] /.test(description)) {
        return new Error(
            `CHANGELOG.md's ${release} section must start with a one-paragraph description`
        );
    }
    if (description.length > MAX_DESCRIPTION_LENGTH) {
        return new Error(
            `CHANGELOG.md's ${release} description is ${description.length} characters; at most ${MAX_DESCRIPTION_LENGTH}`
        );
    }
    return { release, ...(name ? { name } : {}), description, notes: others.join('\n\n').trim() };
}

export function readReleaseNotesFile(projectRoot, release) {
    let text;
    try {
        text = readFileSync(join(projectRoot, 'CHANGELOG.md'), 'utf8');
    } catch {
        return new Error('CHANGELOG.md is missing: each package version takes its notes from it');
    }
    return readReleaseNotes(text, release);
}
