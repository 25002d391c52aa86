import { caseSafeSuffix, IdGenerator, toId18 } from './record-ids';

describe('record ids', () => {
    it('computes the case-safety suffix Salesforce uses', () => {
        // Known pair from Salesforce documentation and tools: 001A0000006Vm9r → 001A0000006Vm9rIAC.
        expect(caseSafeSuffix('001A0000006Vm9r')).toBe('IAC');
        expect(caseSafeSuffix('003000000000001')).toBe('AAA');
    });

    it('gives 18-character ids with the key prefix, counting per prefix', () => {
        const ids = new IdGenerator();
        expect(ids.next('003')).toBe('003000000000001AAA');
        expect(ids.next('003')).toBe('003000000000002AAA');
        expect(ids.next('00Q')).toBe('00Q000000000001EAA');
        ids.reset();
        expect(ids.next('003')).toBe('003000000000001AAA');
    });

    it('normalises 15- and 18-character ids', () => {
        expect(toId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
        expect(toId18('001A0000006Vm9rIAC')).toBe('001A0000006Vm9rIAC');
        expect(toId18('001A0000006Vm9riac')).toBe('001A0000006Vm9rIAC');
        expect(toId18('001A0000006Vm9rAAA')).toBeUndefined();
        expect(toId18('not-an-id')).toBeUndefined();
    });
});
