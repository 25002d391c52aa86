import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
    CALL_DATA_LOG_FIELDS,
    PHONE_CALL_FIELD_NAMES,
    callDataFieldRefusal,
    canonicalPhoneCallField
} from './phone-call-fields';

const FIELDS_DIR = join(__dirname, '../../../force-app/main/default/objects/Phone_Call__c/fields');

describe('the Phone_Call__c fields the package ships', () => {
    it('are the fields of the metadata, one file each', () => {
        const shipped = readdirSync(FIELDS_DIR)
            .filter((name) => name.endsWith('.field-meta.xml'))
            .map((name) => name.replace('.field-meta.xml', ''))
            .sort();
        expect([...PHONE_CALL_FIELD_NAMES].sort()).toEqual(shipped);
    });

    it.each(CALL_DATA_LOG_FIELDS)('lets call data fill %s', (field) => {
        expect(callDataFieldRefusal(field)).toBeUndefined();
    });

    it('takes a field name in any case', () => {
        expect(callDataFieldRefusal('queue__C')).toBeUndefined();
    });

    it.each([
        ['Nope__c', 'Nope__c is not a Phone_Call__c field the package ships'],
        ['Outcome__c', 'Outcome__c is written by the softphone itself'],
        ['Call_Data__c', 'Call_Data__c is written by the softphone itself']
    ])('refuses %s', (field, message) => {
        expect(callDataFieldRefusal(field)).toContain(message);
    });
});

describe('canonicalPhoneCallField', () => {
    it.each([
        ['queue__C', 'Queue__c'],
        ['Unknown__c', 'Unknown__c']
    ])('spells %s as %s', (field, expected) => {
        expect(canonicalPhoneCallField(field)).toBe(expected);
    });
});
