import * as v from 'valibot';
import { StatePayloadSchema } from '../channel/message-contract';
import { initialAppState } from './app-state';
import { withCallBarState } from './call-bar-state';

const BASE = {
    agentState: 'AfterCallWork',
    connectionStatus: 'connected',
    softphoneVersion: '1'
} as const;

describe('withCallBarState', () => {
    it('clips long texts and lists so the state event always keeps the contract', () => {
        const payload = withCallBarState(BASE, {
            calls: [],
            app: {
                ...initialAppState,
                breakReason: 'r'.repeat(300),
                wrapUp: {
                    callId: 'c'.repeat(300),
                    remoteLabel: 'n'.repeat(300),
                    outcome: 'Connected',
                    durationSeconds: 3,
                    disposition: 'd'.repeat(300),
                    notes: 'x'.repeat(40000),
                    endsAt: 12.6,
                    saving: false,
                    error: 'e'.repeat(2000)
                }
            },
            breakReasons: Array.from({ length: 60 }, (_, index) => `reason ${index}`),
            dispositions: ['Resolved', 'z'.repeat(300)],
            dispositionRequired: false
        });
        expect(v.is(StatePayloadSchema, payload)).toBe(true);
        expect(payload.breakReasons).toHaveLength(50);
        expect(payload.wrapUp).toMatchObject({ endsAt: 13, dispositionRequired: false });
        expect(payload.wrapUp?.notes).toHaveLength(32768);
    });

    it('adds nothing when there is no reason, waiting call or wrap-up', () => {
        expect(
            withCallBarState(BASE, {
                calls: [],
                app: initialAppState,
                breakReasons: [],
                dispositions: [],
                dispositionRequired: true
            })
        ).toEqual(BASE);
    });
});
