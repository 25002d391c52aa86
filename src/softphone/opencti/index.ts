// The only code that touches window.sforce.opencti: typed, promised, validated.
export type {
    CallTypeKey,
    FieldValue,
    FieldValues,
    OpenCtiApi,
    OpenCtiCallback,
    OpenCtiListener,
    OpenCtiMethod,
    ScreenPopType
} from './opencti-api';
export { openCtiNotLoadedMessage, OpenCtiError, type OpenCtiErrorReason } from './opencti-error';
export {
    DEFAULT_OPEN_CTI_TIMEOUT_MS,
    OpenCtiHost,
    type CallType,
    type OpenCtiHostOptions,
    type OpenCtiSubscription,
    type ScreenPopRequest,
    type SearchAndScreenPopRequest,
    type Timers
} from './opencti-host';
export { connectOpenCti, findOpenCti, type OpenCtiConnection } from './find-open-cti';
export { InvalidPayloadError, type PayloadKind, type Validated } from './invalid-payload-error';
export { parseClickToDialRequest, type ClickToDialRequest } from './click-to-dial-request';
export { parseSearchResult, type SearchMatch, type SearchResult } from './search-result';
export {
    parseCallCenterSettings,
    type CallCenterSettingsMap
} from './call-center-settings-response';
export { parseAppViewInfo, type AppViewInfo } from './app-view-info';
export { parseSaveLogResult } from './save-log-result';
export {
    LAYOUT_CALL_TYPES,
    layoutFieldsOf,
    parseSoftphoneLayout,
    type LayoutCallType,
    type SoftphoneLayout,
    type SoftphoneLayoutSection
} from './softphone-layout';
