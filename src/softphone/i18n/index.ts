export {
    englishLabel,
    formatLabel,
    label,
    type LabelArgument,
    type LabelName
} from './label-catalog';
export { applyPageLanguage, readPageLanguage, type PageLanguage } from './page-labels';
export { directionOf, toLanguageTag, userLocale } from './user-locale';
export { dateTimeFormat } from './formatters';
