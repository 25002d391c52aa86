// Field history tracking: Salesforce tracks at most 20 standard and custom fields per object
// (Salesforce Help, Field History Tracking:
// https://help.salesforce.com/s/articleView?id=sf.tracking_field_history.htm; Field Audit Trail
// raises it, a paid add-on the package cannot assume). A deploy that tracks more fails, and the
// package's tracked fields count against the admin's own: a packaged object keeps ADMIN_RESERVE of
// the 20 free, so an admin can track a field they add.
import { basename, join, sep } from 'node:path';
import { listFiles, toProjectPath } from './find-files.mjs';
import { childText, readXmlRoot } from './xml-tree.mjs';

export const HISTORY_FIELD_LIMIT = 20;
export const ADMIN_RESERVE = 3;

export function checkHistoryTracking(projectRoot, { sourceDir = 'force-app' } = {}) {
    const tracked = new Map();
    for (const path of listFiles(join(projectRoot, sourceDir))) {
        const parts = path.split(sep);
        const at = parts.lastIndexOf('fields');
        if (!path.endsWith('.field-meta.xml') || at < 2 || parts[at - 2] !== 'objects') {
            continue;
        }
        const root = readXmlRoot(path);
        if (root && childText(root, 'trackHistory') === 'true') {
            const objectDir = parts.slice(0, at).join(sep);
            tracked.set(objectDir, [
                ...(tracked.get(objectDir) ?? []),
                basename(path, '.field-meta.xml')
            ]);
        }
    }
    const budget = HISTORY_FIELD_LIMIT - ADMIN_RESERVE;
    const problems = [];
    for (const [objectDir, fields] of tracked) {
        if (fields.length <= budget) {
            continue;
        }
        const objectName = basename(objectDir);
        const over =
            fields.length > HISTORY_FIELD_LIMIT
                ? `Salesforce tracks at most ${HISTORY_FIELD_LIMIT} fields per object: the deploy fails`
                : `the package may track ${budget} so that an admin keeps ${ADMIN_RESERVE} of Salesforce's ${HISTORY_FIELD_LIMIT} for their own fields`;
        problems.push({
            file: toProjectPath(projectRoot, join(objectDir, 'fields')),
            message: `${objectName} tracks the history of ${fields.length} fields (${fields.join(', ')}): ${over}`
        });
    }
    return problems;
}
