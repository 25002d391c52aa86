// The agent permission set grants only what an agent needs to handle and log calls: no delete,
// no View All / Modify All, no system permissions, no Apex. The admin set may grant more.
import { readPermissionSets } from './permission-set-files.mjs';
import { childrenNamed, childText } from './xml-tree.mjs';

export const agentPermissionSetName = 'Softphone_Agent';

const broadObjectPermissions = [
    'allowDelete',
    'viewAllRecords',
    'modifyAllRecords',
    'viewAllFields'
];

export function checkAgentLeastPrivilege(
    projectRoot,
    { sourceDir = 'force-app', permissionSetName = agentPermissionSetName } = {}
) {
    return readPermissionSets(projectRoot, sourceDir)
        .filter(({ name }) => name === permissionSetName)
        .flatMap(({ file, root }) => findBroadGrants(root).map((message) => ({ file, message })));
}

function findBroadGrants(root) {
    const messages = [];
    for (const grant of childrenNamed(root, 'objectPermissions')) {
        const object = childText(grant, 'object');
        for (const permission of broadObjectPermissions.filter(
            (name) => childText(grant, name) === 'true'
        )) {
            messages.push(
                `agent permission set grants ${permission} on ${object}; keep it to the admin set (least privilege)`
            );
        }
    }
    for (const grant of childrenNamed(root, 'userPermissions').filter(isEnabled)) {
        messages.push(
            `agent permission set grants system permission ${childText(grant, 'name')}; agents need none`
        );
    }
    for (const grant of childrenNamed(root, 'classAccesses').filter(isEnabled)) {
        messages.push(
            `agent permission set grants access to Apex class ${childText(grant, 'apexClass')}; the package is Apex-free`
        );
    }
    return messages;
}

function isEnabled(grant) {
    return childText(grant, 'enabled') === 'true';
}
