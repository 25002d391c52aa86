// Which Metadata API type a source-format file holds, from its suffix: the root element must match.

const typesBySuffix = new Map([
    ['object', 'CustomObject'],
    ['field', 'CustomField'],
    ['listView', 'ListView'],
    ['compactLayout', 'CompactLayout'],
    ['recordType', 'RecordType'],
    ['validationRule', 'ValidationRule'],
    ['webLink', 'WebLink'],
    ['fieldSet', 'FieldSet'],
    ['businessProcess', 'BusinessProcess'],
    ['layout', 'Layout'],
    ['tab', 'CustomTab'],
    ['messageChannel', 'LightningMessageChannel'],
    ['callCenter', 'CallCenter'],
    ['page', 'ApexPage'],
    ['component', 'ApexComponent'],
    ['resource', 'StaticResource'],
    ['permissionset', 'PermissionSet'],
    ['permissionsetgroup', 'PermissionSetGroup'],
    ['customPermission', 'CustomPermission'],
    ['app', 'CustomApplication'],
    ['flexipage', 'FlexiPage'],
    ['js', 'LightningComponentBundle'],
    ['labels', 'CustomLabels'],
    ['translation', 'Translations'],
    ['globalValueSet', 'GlobalValueSet'],
    ['quickAction', 'QuickAction'],
    ['md', 'CustomMetadata'],
    ['reportType', 'ReportType'],
    ['report', 'Report'],
    ['dashboard', 'Dashboard'],
    ['reportFolder', 'ReportFolder'],
    ['dashboardFolder', 'DashboardFolder'],
    ['documentFolder', 'DocumentFolder'],
    ['emailFolder', 'EmailFolder'],
    ['flow', 'Flow']
]);

const metaSuffix = '-meta.xml';

export const knownSuffixes = [...typesBySuffix.keys()];

/** Returns { suffix, typeName } (typeName undefined for an unknown suffix) for a `*-meta.xml` path. */
export function metadataTypeForFile(projectPath) {
    const fileName = projectPath.split('/').pop().slice(0, -metaSuffix.length);
    const suffix = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1) : '';
    // Aura bundles reuse suffixes such as `.app`: their meta file is always an AuraDefinitionBundle.
    if (projectPath.split('/').includes('aura')) {
        return { suffix, typeName: 'AuraDefinitionBundle' };
    }
    return { suffix, typeName: typesBySuffix.get(suffix) };
}
