// Screen pops for inbound calls (pure rules + executor) and the click-to-dial Do Not Call check.
export {
    loadPhoneNumberLibrary,
    normalisePhoneNumber,
    searchVariants,
    type AnonymousCaller,
    type InvalidPhoneNumber,
    type PhoneNumberResult,
    type ValidPhoneNumber
} from './phone-number';
export {
    MIN_SEARCH_LENGTH,
    SEARCH_FALLBACK_ENTITY,
    decideScreenPop,
    type Match,
    type NewRecordEntity,
    type ScreenPopDecision,
    type ScreenPopInput,
    type ScreenPopRule
} from './screen-pop-rules';
export {
    ScreenPopper,
    type PopMoment,
    type ScreenPopHost,
    type ScreenPopOutcome,
    type ScreenPopSearch,
    type ScreenPopTarget,
    type ScreenPopperOptions
} from './screen-pop-executor';
export { noInternalNumbers, parseDialPlan, type DialPlan, type DialPlanResult } from './dial-plan';
export { checkDoNotCall, type DoNotCallDecision, type DoNotCallRecord } from './do-not-call';
export { unreadableDoNotCallField, unreadableDoNotCallProblem } from './do-not-call-unreadable';
