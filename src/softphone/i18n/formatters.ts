import { userLocale } from './user-locale';

// Intl formatters in the user's locale (from their Salesforce settings), built once per locale
// and options: building one is costly and lists format a row at every render.
const cache = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const locale = userLocale();
    const key = `${locale ?? ''}|${JSON.stringify(options)}`;
    let format = cache.get(key);
    if (!format) {
        format = new Intl.DateTimeFormat(locale, options);
        cache.set(key, format);
    }
    return format;
}
