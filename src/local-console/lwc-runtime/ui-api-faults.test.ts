import { parseUiApiFaults, uiApiFaultNames } from './ui-api-faults';

describe('fault.uiApi: which UI API calls the console makes fail', () => {
    it('reads a comma-separated list of adapter and function names', () => {
        const { faults, problems } = parseUiApiFaults(
            new URLSearchParams('fault.uiApi=getRecord, updateRecord,,getPicklistValues')
        );
        expect([...faults]).toEqual(['getRecord', 'updateRecord', 'getPicklistValues']);
        expect(problems).toEqual([]);
    });

    it('names what it does not know, with the names it knows', () => {
        const { faults, problems } = parseUiApiFaults(
            new URLSearchParams('fault.uiApi=getRecord,getRecords')
        );
        expect([...faults]).toEqual(['getRecord']);
        expect(problems).toEqual([`fault.uiApi=getRecords (known: ${uiApiFaultNames.join(', ')})`]);
    });

    it('fails nothing without the parameter', () => {
        expect(parseUiApiFaults(new URLSearchParams('')).faults.size).toBe(0);
    });
});
