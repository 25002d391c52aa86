import { defaultSoftphoneSettings } from '../settings/softphone-settings';
import { SimulatorConnector } from '../telephony/simulator/simulator-connector';
import {
    createConnector,
    LAST_CONNECTOR_KEY,
    preloadConnector,
    preloadLastConnector
} from './connector-factory';

const scheduler = { setTimeout: () => 0, clearTimeout: () => undefined };

describe('the connector the call center names', () => {
    it('builds the simulator from its chunk, which the softphone can ring', async () => {
        const settings = { ...defaultSoftphoneSettings, connectorType: 'simulator' as const };
        preloadConnector(settings);
        const choice = await createConnector(settings, { scheduler, credentials: {} });
        expect(choice.connector).toBeInstanceOf(SimulatorConnector);
        expect(choice.simulator).toBe(choice.connector);
        expect(choice.label).toBe('Simulator');
    });
});

/** localStorage as a map; `blocked` throws on every access, as a browser blocking storage does. */
function storage(entries: Record<string, string> = {}, blocked = false): Storage {
    const values = new Map(Object.entries(entries));
    const guard = () => {
        if (blocked) {
            throw new Error('SecurityError: storage is blocked');
        }
    };
    return {
        get length() {
            return values.size;
        },
        clear: () => values.clear(),
        key: (index) => [...values.keys()][index] ?? null,
        getItem: (key) => {
            guard();
            return values.get(key) ?? null;
        },
        setItem: (key, value) => {
            guard();
            values.set(key, value);
        },
        removeItem: (key) => values.delete(key)
    };
}

describe("the connector of this browser's last start", () => {
    it('is remembered when the settings name a connector, and loaded first at the next start', () => {
        const local = storage();
        expect(preloadLastConnector(local)).toBeUndefined();
        preloadConnector({ ...defaultSoftphoneSettings, connectorType: 'simulator' }, local);
        expect(local.getItem(LAST_CONNECTOR_KEY)).toBe('simulator');
        expect(preloadLastConnector(local)).toBe('simulator');
    });

    it('loads nothing for a value it does not know (edited by hand, from another version)', () => {
        expect(preloadLastConnector(storage({ [LAST_CONNECTOR_KEY]: 'carrier-pigeon' }))).toBe(
            undefined
        );
    });

    it('loads nothing where the browser gives no storage or blocks it, and the start goes on', () => {
        expect(preloadLastConnector(undefined)).toBeUndefined();
        const blocked = storage({ [LAST_CONNECTOR_KEY]: 'simulator' }, true);
        expect(preloadLastConnector(blocked)).toBeUndefined();
        expect(() =>
            preloadConnector({ ...defaultSoftphoneSettings, connectorType: 'simulator' }, blocked)
        ).not.toThrow();
    });
});
