// Check setup: every check the org and the browser can answer, with its fix in the admin's words.
export {
    STATUS_LABELS,
    worstStatus,
    type CheckId,
    type CheckResult,
    type CheckStatus
} from './check-result';
export { checkSettings, type SettingProblem } from './settings-check';
export {
    checkLayout,
    layoutFindings,
    layoutWarning,
    LAYOUT_SETUP_PAGE,
    type DoNotCallUnreadable,
    type LayoutFinding
} from './layout-check';
export { type LmsFacts } from './lms-check';
export { runSetupCheck, type SetupProbes } from './run-setup-check';
export { formatSetupReport } from './setup-report';
export { SetupCheck, type SetupCheckOptions } from './setup-check';
export { SetupCheckView, type SetupCheckActions } from './setup-check-view';
export { checkSetupLabel } from './lazy-setup-check';
export { probeBrowser, probeMicrophone, probeWebSocket } from './browser-probes';
export { WRITE_TEST_PREFIX } from './write-check';
export { LmsProbe } from './lms-probe';
// createSetupCheckView is not re-exported: it is loaded as a chunk, through lazySetupCheck.
export { type SetupCheckContext } from './create-setup-check';
export { appendSetupCheck, lazySetupCheck, type LazySetupCheck } from './lazy-setup-check';
