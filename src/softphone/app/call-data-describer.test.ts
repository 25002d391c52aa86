import type { Call } from '../calls/call-model';
import { toCallData } from '../telephony/call-data';
import { describeCallData } from './call-data-describer';

const call: Call = {
    id: 'c-1',
    direction: 'Inbound',
    from: '+14155550101',
    to: '',
    state: 'ringing',
    startedAt: 0,
    muted: false,
    data: toCallData([
        ['AccountNumber', '10442'],
        ['Queue', 'Billing'],
        ['IvrPath', 'Billing > Balance']
    ]).data
};
const findCall = (callId: string) => (callId === call.id ? call : undefined);

describe('describeCallData', () => {
    it('shows the visible keys in the admin order, with their labels', () => {
        const describe = describeCallData(undefined, findCall, {
            visibleKeys: [
                { key: 'Queue', label: 'Queue' },
                { key: 'AccountNumber', label: 'Account' },
                { key: 'Missing', label: 'Missing' }
            ],
            secretKeys: []
        });
        expect(describe('c-1')).toEqual({
            details: [
                { label: 'Queue', value: 'Billing' },
                { label: 'Account', value: '10442' }
            ],
            controlledOnPhone: false
        });
        expect(describe('gone')).toEqual({ details: [], controlledOnPhone: false });
    });

    it("keeps the connector's details, less secrets, for a call without data", () => {
        const base = () => ({
            details: [
                { label: 'orderId', value: 'A-1001' },
                { label: 'CardNumber', value: '4111' },
                { label: 'pin', value: '1234' }
            ],
            controlledOnPhone: true
        });
        const describe = describeCallData(base, findCall, {
            visibleKeys: [],
            secretKeys: ['CardNumber']
        });
        expect(describe('c-2')).toEqual({
            details: [{ label: 'orderId', value: 'A-1001' }],
            controlledOnPhone: true
        });
    });

    it('shows every pair under its key when no key is marked visible', () => {
        const describe = describeCallData(undefined, findCall, { visibleKeys: [], secretKeys: [] });
        expect(describe('c-1').details).toEqual([
            { label: 'AccountNumber', value: '10442' },
            { label: 'Queue', value: 'Billing' },
            { label: 'IvrPath', value: 'Billing > Balance' }
        ]);
    });
});
