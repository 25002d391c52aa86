import { defaultSoftphoneSettings } from '../settings/softphone-settings';
import { SimulatorConnector } from '../telephony/simulator/simulator-connector';
import { createConnector, preloadConnector } from './connector-factory';

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
