// Permission sets must not list required (or master-detail) fields: the platform always grants
// those and rejects a deploy that carries field permissions for them.
import { readObjectFields } from './object-fields.mjs';
import { readPermissionSets } from './permission-set-files.mjs';
import { childrenNamed, childText } from './xml-tree.mjs';

export function checkRequiredFieldPermissions(projectRoot, { sourceDir = 'force-app' } = {}) {
    const objects = readObjectFields(projectRoot, sourceDir);
    const problems = [];
    for (const { file, root } of readPermissionSets(projectRoot, sourceDir)) {
        for (const grant of childrenNamed(root, 'fieldPermissions')) {
            const qualifiedName = childText(grant, 'field') ?? '';
            const [objectName, fieldName] = qualifiedName.split('.');
            const field = objects.get(objectName)?.get(fieldName);
            if (field?.required || field?.type === 'MasterDetail') {
                const reason = field.required ? 'required' : 'a master-detail field';
                problems.push({
                    file,
                    message: `fieldPermissions lists ${qualifiedName}, which is ${reason} (${field.file}); the platform rejects field permissions for it`
                });
            }
        }
    }
    return problems;
}
