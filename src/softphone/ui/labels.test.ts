import { installLabels } from '../i18n/label-catalog';
import {
    agentStateLabels,
    callStateLabels,
    connectionLabels,
    directionLabel,
    outcomeLabel,
    remoteLabel
} from './labels';

describe('state words', () => {
    afterEach(() => installLabels({}));

    it('read English by default', () => {
        expect(agentStateLabels.AfterCallWork).toBe('After Call Work');
        expect(connectionLabels.reconnecting).toBe('Reconnecting…');
        expect(callStateLabels.held).toBe('On hold');
        expect(outcomeLabel('No Answer')).toBe('No Answer');
        expect(directionLabel('Outbound')).toBe('Outbound call');
        expect(remoteLabel({ number: '' })).toBe('Withheld number');
    });

    it('follow the language installed after they were imported', () => {
        installLabels({
            Softphone_Agent_After_Call_Work: '後処理中',
            Softphone_Outcome_No_Answer: '応答なし',
            Softphone_Withheld_Number: '非通知',
            Softphone_Inbound_Call: '着信'
        });
        expect(agentStateLabels.AfterCallWork).toBe('後処理中');
        expect(outcomeLabel('No Answer')).toBe('応答なし');
        expect(remoteLabel({ number: '' })).toBe('非通知');
        expect(remoteLabel({ name: ' 山田 ', number: '' })).toBe('山田');
        expect(directionLabel('Inbound')).toBe('着信');
        // A state without a translation stays English.
        expect(agentStateLabels.Break).toBe('Break');
    });

    it('list every state, as the status menu does', () => {
        expect(Object.keys(agentStateLabels)).toEqual([
            'Offline',
            'Available',
            'Busy',
            'AfterCallWork',
            'Break'
        ]);
    });
});
