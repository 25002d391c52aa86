// The project's own rules, beyond what the Metadata API schema says.
import { checkAgentLeastPrivilege } from './rule-agent-least-privilege.mjs';
import { checkCallCenters } from './rule-call-center.mjs';
import { checkCallMetricsLocked } from './rule-call-metrics-locked.mjs';
import { checkHistoryTracking } from './rule-history-tracking.mjs';
import { checkLabels } from './rule-labels.mjs';
import { checkNameReferences } from './rule-name-references.mjs';
import { checkNoApex } from './rule-no-apex.mjs';
import { checkPhoneCallFieldReferences } from './rule-phone-call-fields.mjs';
import { checkRequiredFieldPermissions } from './rule-required-field-permissions.mjs';
import { checkSettingOverrides } from './rule-setting-overrides.mjs';

export function checkProjectRules(projectRoot, { sourceDir = 'force-app' } = {}) {
    return [
        ...checkNoApex(projectRoot),
        ...checkPhoneCallFieldReferences(projectRoot, { sourceDir }),
        ...checkAgentLeastPrivilege(projectRoot, { sourceDir }),
        ...checkRequiredFieldPermissions(projectRoot, { sourceDir }),
        ...checkCallCenters(projectRoot, { sourceDir }),
        ...checkSettingOverrides(projectRoot, { sourceDir }),
        ...checkCallMetricsLocked(projectRoot, { sourceDir }),
        ...checkHistoryTracking(projectRoot, { sourceDir }),
        ...checkNameReferences(projectRoot, { sourceDir }),
        ...checkLabels(projectRoot)
    ];
}
