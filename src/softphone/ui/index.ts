export { SoftphoneView } from './softphone-view';
export type { SoftphoneViewOptions, ViewTimers } from './softphone-view';
export type {
    CallView,
    ErrorView,
    NoticeView,
    RecentCallView,
    SoftphoneActions,
    SoftphoneViewModel,
    WrapUpView
} from './view-model';
export {
    askForCredentials,
    type CredentialField,
    type CredentialsPrompt
} from './credentials-form';
export { AlertPreferenceStore, type AlertPreferences } from './alert-preferences';
export { AlertSettingsView } from './alert-settings-view';
export { DesktopNotifier } from './desktop-notifier';
export { createIdFactory } from './dom';
export { canChooseOutputDevice, RingtonePlayer } from './ringtone-player';
export { engineErrorText, engineReasonText } from './engine-words';
