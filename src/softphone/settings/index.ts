export type {
    ConnectorType,
    DoNotCallCheckFailure,
    FallbackPopAction,
    ListenerSettings,
    MultipleMatchAction,
    ScreenPopSettings,
    SipSettings,
    SoftphoneSettings
} from './softphone-settings';
export { defaultSoftphoneSettings } from './softphone-settings';
export type { SettingError, SettingsResult } from './call-center-settings';
export { parseCallCenterSettings } from './call-center-settings';
export type { MergedSettings, SettingOverrideSource } from './setting-overrides';
export { mergeSettingOverrides, nameOverrideSource, overridePlace } from './setting-overrides';
