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
