import { hostDelays } from './host-delays';

describe('hostDelays', () => {
    it('reads a delay per Open CTI method from the URL', () => {
        expect(
            hostDelays(
                new URLSearchParams(
                    'host.delayMs.searchAndScreenPop=150&host.delayMs.hvs.completeWork=0&layout=full'
                )
            )
        ).toEqual({
            delays: { searchAndScreenPop: 150, 'hvs.completeWork': 0 },
            problems: []
        });
    });

    it.each([
        ['host.delayMs.searchAndScreenPop=-1', 'is not a delay from 0 to 60000 ms'],
        ['host.delayMs.searchAndScreenPop=1.5', 'is not a delay'],
        ['host.delayMs.searchAndScreenPop=60001', 'is not a delay'],
        ['host.delayMs.searchAndScreenPop=', 'is not a delay'],
        ['host.delayMs.<script>=10', 'not an Open CTI method name'],
        ['host.delayMs.=10', 'not an Open CTI method name']
    ])('leaves out %s and says why', (query, problem) => {
        const result = hostDelays(new URLSearchParams(query));
        expect(result.delays).toEqual({});
        expect(result.problems).toEqual([expect.stringContaining(problem)]);
    });
});
