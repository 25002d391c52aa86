import { label } from '../i18n';
import type { SettingError } from './call-center-settings';

/**
 * Settings that survive package upgrades. An unlocked package upgrade replaces the packaged call
 * center, values included, so the call center carries defaults only; what an admin sets lives in
 * the hierarchy custom setting Softphone_Settings__c (org, profile or user level: data, which an
 * upgrade never touches). The Softphone Visualforce page renders the running user's values
 * through `$Setup`, one element per item:
 *
 *     <span data-setting="/dialing/defaultCountry"><apex:outputText value="{!$Setup.…}" /></span>
 *
 * (apex:outputText HTML-escapes by default, so the element's text is the value as typed). The
 * softphone lays the non-blank ones over what `getCallCenterSettings` returned and validates the
 * result with the same parser, so an override is checked exactly like a call-center value.
 */

/** One element of the page: its `data-setting` attribute and its text. */
export interface SettingOverrideSource {
    readonly key: string | null;
    readonly value: string | null;
}

export interface MergedSettings {
    /** The call center's map with the overrides laid over it. */
    readonly settings: Readonly<Record<string, string>>;
    /** The `/section/item` keys whose value came from the custom setting. */
    readonly overridden: ReadonlySet<string>;
    /** Elements that are not an override of a setting (a broken page), each named. */
    readonly errors: readonly SettingError[];
}

/** A custom-setting Text field holds at most 255 characters. */
export const MAX_OVERRIDE_LENGTH = 255;
/** Custom sections only: the `reqGeneralInfo` items are read by Salesforce, not the softphone. */
const overrideKey = /^\/(?!req)[A-Za-z][A-Za-z0-9]{0,39}\/[A-Za-z][A-Za-z0-9]{0,39}$/;

/** Where admins set the overrides, as Setup names it (in the user's language). */
export function overridePlace(): string {
    return label('Softphone_Setting_Override_Place');
}

export function mergeSettingOverrides(
    callCenter: Readonly<Record<string, string>>,
    sources: Iterable<SettingOverrideSource>
): MergedSettings {
    const settings: Record<string, string> = { ...callCenter };
    const overridden = new Set<string>();
    const errors: SettingError[] = [];
    for (const { key, value } of sources) {
        if (key === null || !overrideKey.test(key)) {
            errors.push({
                key: '/',
                message: label('Softphone_Setting_Override_Unknown', String(key).slice(0, 80))
            });
            continue;
        }
        const text = (value ?? '').trim();
        if (text === '') {
            continue; // blank: the call center's value stands
        }
        if (text.length > MAX_OVERRIDE_LENGTH) {
            errors.push({
                key,
                message: label(
                    'Softphone_Setting_Override_Too_Long',
                    MAX_OVERRIDE_LENGTH,
                    overridePlace()
                )
            });
            continue;
        }
        settings[key] = text;
        overridden.add(key);
    }
    return { settings, overridden, errors };
}

/**
 * Says where to fix a wrong value: the custom setting when it was set there, or when the call
 * center has no such item (the SIP server, the listener URL: only the custom setting carries them).
 */
export function nameOverrideSource(
    errors: readonly SettingError[],
    merged: Pick<MergedSettings, 'overridden'>,
    callCenter: Readonly<Record<string, string>>
): SettingError[] {
    return errors.map((error) => {
        if (merged.overridden.has(error.key)) {
            return {
                key: error.key,
                message: label('Softphone_Setting_Set_In', error.message, overridePlace())
            };
        }
        if (overrideKey.test(error.key) && !Object.hasOwn(callCenter, error.key)) {
            return {
                key: error.key,
                message: label('Softphone_Setting_Set_It_In', error.message, overridePlace())
            };
        }
        return error;
    });
}
