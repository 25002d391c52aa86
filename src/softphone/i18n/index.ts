export {
    englishLabel,
    formatLabel,
    label,
    type LabelArgument,
    type LabelName
} from './label-catalog';
export {
    applyPageLanguage,
    completeWithEnglish,
    loadEnglishLabels,
    readPageLanguage,
    sha256Hex,
    type EnglishFallback,
    type PageLanguage
} from './page-labels';
export { directionOf, toLanguageTag, userLocale } from './user-locale';
export { dateTimeFormat } from './formatters';
