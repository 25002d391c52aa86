// What each libphonenumber-js metadata set costs and loses, read with the library's own API on
// the numbers the tests, the seed data and the docs use: for each set, its size and every number
// whose validity or type differs from "max" (the set the softphone ships, see
// src/softphone/screenpop/phone-number-library.ts). "min" checks only lengths, so made-up or
// impossible numbers pass as valid and no number has a type (MobilePhone is never prefilled);
// "mobile" knows only mobile numbers, so landlines fail.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSize } from './measure-bundle-size.mjs';

const require = createRequire(import.meta.url);
const { parsePhoneNumberFromString } = require('libphonenumber-js/core');

export const METADATA_SETS = ['max', 'min', 'mobile'];

/** Numbers as written in src/softphone/screenpop/phone-number.test.ts, data/ and the docs. */
export const SAMPLE_NUMBERS = [
    ['(415) 555-2671', 'US'],
    ['(415) 555-0100', 'US'],
    ['+1 628 555 0110', 'US'],
    ['408-555-0141', 'US'],
    ['+14165550123', 'US'],
    ['+44 20 7946 0958', 'GB'],
    ['07911 123456', 'GB'],
    ['+44 7700 900123', 'GB'],
    ['+81312345678', 'US'],
    ['+800 1234 5678', 'US'],
    ['0123456789', 'US'],
    ['+999 123 456 789', 'US']
];

function read(set, [number, country]) {
    const metadata = require(`libphonenumber-js/metadata.${set}.json`);
    const parsed = parsePhoneNumberFromString(number, { defaultCountry: country }, metadata);
    if (parsed === undefined) {
        return 'unreadable';
    }
    return parsed.isValid() ? `valid ${parsed.getType() ?? '(no type)'}` : 'invalid';
}

/** Per set: its size (raw, gzip) and the sample numbers it reads differently from "max". */
export function comparePhoneMetadata() {
    const reference = SAMPLE_NUMBERS.map((sample) => read('max', sample));
    return METADATA_SETS.map((set) => {
        const content = readFileSync(require.resolve(`libphonenumber-js/metadata.${set}.json`));
        const differences = SAMPLE_NUMBERS.flatMap((sample, index) => {
            const reading = read(set, sample);
            return reading === reference[index]
                ? []
                : [
                      {
                          number: sample[0],
                          country: sample[1],
                          max: reference[index],
                          [set]: reading
                      }
                  ];
        });
        return { set, raw: content.length, gzip: gzipSize(content), differences };
    });
}
