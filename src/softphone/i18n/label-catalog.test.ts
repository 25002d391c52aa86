import { englishLabel, formatLabel, installLabels, isLabelName, label } from './label-catalog';

describe('label catalog', () => {
    afterEach(() => installLabels({}));

    it('reads English when nothing is installed', () => {
        expect(label('Softphone_Answer')).toBe('Answer');
        expect(label('Softphone_Redial_Name', 'Ada Lovelace')).toBe('Redial Ada Lovelace');
    });

    it('reads the installed language, placeholders filled', () => {
        installLabels({ Softphone_Answer: '応答', Softphone_Redial_Name: '{0} にリダイヤル' });
        expect(label('Softphone_Answer')).toBe('応答');
        expect(label('Softphone_Redial_Name', '山田')).toBe('山田 にリダイヤル');
    });

    it('falls back to English for a label not installed or installed blank', () => {
        installLabels({ Softphone_Answer: '  ' });
        expect(label('Softphone_Answer')).toBe(englishLabel('Softphone_Answer'));
        expect(label('Softphone_Decline')).toBe('Decline');
    });

    it('fills each placeholder by position, numbers included, and leaves one without argument', () => {
        expect(formatLabel('{1} then {0}, {0} again', ['a', 2])).toBe('2 then a, a again');
        expect(formatLabel('Open the {0} {1}', ['Contact'])).toBe('Open the Contact {1}');
    });

    it('does not read an argument as a placeholder', () => {
        expect(formatLabel('Call {0}: {1}', ['{1}', 'x'])).toBe('Call {1}: x');
    });

    it('knows its label names', () => {
        expect(isLabelName('Softphone_Answer')).toBe(true);
        expect(isLabelName('toString')).toBe(false);
        expect(isLabelName('Softphone_Nope')).toBe(false);
    });
});
