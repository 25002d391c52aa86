import { label } from '../i18n';
import { invalid, type Validated } from './invalid-payload-error';

/**
 * The flat map `getCallCenterSettings` returns: keys are '/section/item' paths (plus '/label',
 * '/sortOrder' entries), values are strings. Numbers and booleans are accepted as their text,
 * since the docs show only strings but a value is still readable that way.
 */
export type CallCenterSettingsMap = Readonly<Record<string, string>>;

const MAX_ENTRIES = 2000;
const MAX_VALUE_LENGTH = 10_000;

export function parseCallCenterSettings(returnValue: unknown): Validated<CallCenterSettingsMap> {
    if (typeof returnValue !== 'object' || returnValue === null || Array.isArray(returnValue)) {
        return invalid('callCenterSettings', [label('Softphone_Pop_Not_Settings_Map')]);
    }
    const entries = Object.entries(returnValue as Record<string, unknown>);
    if (entries.length > MAX_ENTRIES) {
        return invalid('callCenterSettings', [
            label('Softphone_Pop_Too_Many_Entries', MAX_ENTRIES)
        ]);
    }
    const issues: string[] = [];
    const settings: Record<string, string> = {};
    for (const [key, value] of entries) {
        const name = key.slice(0, 80);
        if (!key.startsWith('/')) {
            issues.push(`${name}: ${label('Softphone_Pop_Not_Setting_Key')}`);
        } else if (typeof value === 'string') {
            if (value.length > MAX_VALUE_LENGTH) {
                issues.push(`${name}: ${label('Softphone_Pop_Too_Long')}`);
            } else {
                settings[key] = value;
            }
        } else if (
            typeof value === 'boolean' ||
            (typeof value === 'number' && Number.isFinite(value))
        ) {
            settings[key] = String(value);
        } else {
            issues.push(`${name}: ${label('Softphone_Pop_Not_Text')}`);
        }
    }
    return issues.length > 0
        ? invalid('callCenterSettings', issues)
        : { ok: true, value: settings };
}
