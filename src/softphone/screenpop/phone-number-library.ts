// What phone-number.ts takes from libphonenumber-js, with its metadata: loaded as a chunk of its
// own (loadPhoneNumberLibrary) so that the core static resource does not carry it, and fetched
// while the softphone reads its settings.
//
// The "max" metadata (~150 kB, 38 kB gzip): the smallest set with which isValid() checks the
// digits and not only the length ("min" makes isValid() behave like isPossible(): 555-0100-style
// numbers and numbers with an impossible area code pass), and with which getType() can tell a
// mobile number (to prefill MobilePhone). "mobile" would reject landlines. `npm run bench`
// shows what each set costs and which of the tests' numbers each one gets wrong.
export {
    Metadata,
    getCountryCallingCode,
    isSupportedCountry,
    parsePhoneNumberFromString,
    validatePhoneNumberLength
} from 'libphonenumber-js/core';
export { default as metadata } from 'libphonenumber-js/metadata.max.json';
