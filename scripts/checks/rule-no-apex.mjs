// The package is Apex-free: no Apex sources anywhere, and no Visualforce page or component bound
// to an Apex controller or extension (a page with none, or a standardController, needs no Apex).
import { readFileSync } from 'node:fs';
import { listFiles, toProjectPath } from './find-files.mjs';

const apexFilePattern = /\.(cls|trigger|apex)(-meta\.xml)?$/;
const visualforcePattern = /\.(page|component)$/;
// `controller=` / `extensions=` as whole attribute names; `standardController=` is not Apex.
const apexAttributePattern = /(?<![\w:.-])(controller|extensions)\s*=/gi;

export function checkNoApex(projectRoot) {
    const problems = [];
    for (const path of listFiles(projectRoot)) {
        const file = toProjectPath(projectRoot, path);
        if (apexFilePattern.test(file)) {
            problems.push({ file, message: 'Apex source file: the package must stay Apex-free' });
        } else if (visualforcePattern.test(file)) {
            problems.push(...findApexAttributes(path, file));
        }
    }
    return problems;
}

function findApexAttributes(path, file) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    } catch {
        return [];
    }
    return [...text.matchAll(apexAttributePattern)].map((match) => ({
        file,
        message: `line ${lineOf(text, match.index)}: '${match[1]}=' binds the page to Apex; the package must stay Apex-free`
    }));
}

function lineOf(text, index) {
    return text.slice(0, index).split('\n').length;
}
