/** How this browser rings for calls: chosen by the agent, kept in localStorage. */
export interface AlertPreferences {
    readonly ringtone: boolean;
    /** 0 to 1. */
    readonly volume: number;
    /** An audiooutput device id (setSinkId); '' = the browser's default output. */
    readonly outputDeviceId: string;
}

export const ALERT_PREFERENCES_KEY = 'openCtiSoftphone.alertPreferences';

export const defaultAlertPreferences: AlertPreferences = {
    ringtone: true,
    volume: 0.8,
    outputDeviceId: ''
};

/** Device ids are opaque strings of a few dozen characters; anything odd is dropped. */
const MAX_DEVICE_ID_LENGTH = 200;

/** Reads stored preferences; every field that is missing or wrong takes its default. */
export function parseAlertPreferences(raw: string | null): AlertPreferences {
    if (raw === null) {
        return defaultAlertPreferences;
    }
    let value: unknown;
    try {
        value = JSON.parse(raw);
    } catch {
        return defaultAlertPreferences;
    }
    if (typeof value !== 'object' || value === null) {
        return defaultAlertPreferences;
    }
    const { ringtone, volume, outputDeviceId } = value as Record<string, unknown>;
    return {
        ringtone: typeof ringtone === 'boolean' ? ringtone : defaultAlertPreferences.ringtone,
        volume:
            typeof volume === 'number' && Number.isFinite(volume) && volume >= 0 && volume <= 1
                ? volume
                : defaultAlertPreferences.volume,
        outputDeviceId:
            typeof outputDeviceId === 'string' && outputDeviceId.length <= MAX_DEVICE_ID_LENGTH
                ? outputDeviceId
                : defaultAlertPreferences.outputDeviceId
    };
}

/** The agent's alert preferences in this browser; storage failures keep them for this page. */
export class AlertPreferenceStore {
    private current: AlertPreferences;

    constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
        let raw: string | null = null;
        try {
            raw = storage?.getItem(ALERT_PREFERENCES_KEY) ?? null;
        } catch {
            raw = null;
        }
        this.current = parseAlertPreferences(raw);
    }

    get value(): AlertPreferences {
        return this.current;
    }

    update(change: Partial<AlertPreferences>): AlertPreferences {
        this.current = { ...this.current, ...change };
        try {
            this.storage?.setItem(ALERT_PREFERENCES_KEY, JSON.stringify(this.current));
        } catch {
            // Blocked or full: the choice holds until the page reloads.
        }
        return this.current;
    }
}
