import {
    ALERT_PREFERENCES_KEY,
    AlertPreferenceStore,
    defaultAlertPreferences,
    parseAlertPreferences
} from './alert-preferences';

describe('parseAlertPreferences', () => {
    it.each([
        ['nothing stored', null],
        ['not JSON', '{'],
        ['not an object', '3']
    ])('gives the defaults for %s', (_case, raw) => {
        expect(parseAlertPreferences(raw)).toEqual(defaultAlertPreferences);
    });

    it('keeps valid fields and defaults each wrong one', () => {
        expect(
            parseAlertPreferences('{"ringtone":false,"volume":0.3,"outputDeviceId":"abc"}')
        ).toEqual({ ringtone: false, volume: 0.3, outputDeviceId: 'abc' });
        expect(
            parseAlertPreferences(
                JSON.stringify({ ringtone: 'no', volume: 7, outputDeviceId: 'x'.repeat(201) })
            )
        ).toEqual(defaultAlertPreferences);
    });
});

describe('AlertPreferenceStore', () => {
    it('remembers a change for the next page', () => {
        const values = new Map<string, string>();
        const storage = {
            getItem: (key: string) => values.get(key) ?? null,
            setItem: (key: string, value: string) => void values.set(key, value)
        };
        new AlertPreferenceStore(storage).update({ ringtone: false });
        expect(JSON.parse(values.get(ALERT_PREFERENCES_KEY) ?? '')).toMatchObject({
            ringtone: false
        });
        expect(new AlertPreferenceStore(storage).value.ringtone).toBe(false);
    });

    it('keeps working when storage throws or is missing', () => {
        const throwing = {
            getItem: () => {
                throw new Error('blocked');
            },
            setItem: () => {
                throw new Error('blocked');
            }
        };
        const store = new AlertPreferenceStore(throwing);
        expect(store.value).toEqual(defaultAlertPreferences);
        expect(store.update({ volume: 0.5 }).volume).toBe(0.5);
        expect(new AlertPreferenceStore(undefined).value).toEqual(defaultAlertPreferences);
    });
});
