import type { HandoverHost } from './call-handover';
import { callHandover, handoverSupportOf, noHandoverSupport } from './call-handover';

function basicHost(): HandoverHost & { readonly requests: string[] } {
    const requests: string[] = [];
    return {
        kind: 'basic',
        requests,
        hold: (callId) => {
            requests.push(`hold(${callId})`);
            return Promise.resolve();
        },
        resume: (callId) => {
            requests.push(`resume(${callId})`);
            return Promise.resolve();
        },
        hangup: (callId) => {
            requests.push(`hangup(${callId})`);
            return Promise.resolve();
        }
    };
}

describe('callHandover', () => {
    it('rejects what a connector without handover cannot do, saying which phone system', async () => {
        const handover = callHandover(basicHost());
        await expect(handover.blindTransfer('a', '200')).rejects.toThrow(
            'The basic phone system cannot transfer calls.'
        );
        await expect(handover.startConsult('a', '200')).rejects.toThrow(
            'The basic phone system cannot place a consult call.'
        );
        await expect(handover.completeConsult('a', 'b')).rejects.toThrow(
            'The basic phone system cannot complete a consult transfer.'
        );
        await expect(handover.mergeCalls('a', 'b')).rejects.toThrow(
            'The basic phone system cannot hold conferences.'
        );
        await expect(handover.dropParty('a')).rejects.toThrow(
            'The basic phone system cannot hold conferences.'
        );
        expect(handoverSupportOf(basicHost())).toEqual(noHandoverSupport);
    });

    it('swaps and cancels a consult with hold, resume and hang-up when not implemented', async () => {
        const host = basicHost();
        const handover = callHandover(host);
        await handover.swap('a', 'b');
        await handover.cancelConsult('a', 'b');
        expect(host.requests).toEqual(['hold(a)', 'resume(b)', 'hangup(b)', 'resume(a)']);
    });

    it("uses the connector's own methods when it has them", async () => {
        const calls: string[] = [];
        const record =
            (name: string) =>
            (...args: string[]) => {
                calls.push(`${name}(${args.join(', ')})`);
                return Promise.resolve();
            };
        const host: HandoverHost = {
            ...basicHost(),
            handoverSupport: { blindTransfer: true, consultTransfer: true, conference: true },
            blindTransfer: record('blindTransfer'),
            startConsult: (callId, target) => {
                calls.push(`startConsult(${callId}, ${target})`);
                return Promise.resolve('b');
            },
            completeConsult: record('completeConsult'),
            cancelConsult: record('cancelConsult'),
            mergeCalls: record('mergeCalls'),
            dropParty: record('dropParty'),
            swap: record('swap')
        };
        const handover = callHandover(host);
        await handover.blindTransfer('a', '200');
        await expect(handover.startConsult('a', '200')).resolves.toBe('b');
        await handover.completeConsult('a', 'b');
        await handover.cancelConsult('a', 'b');
        await handover.mergeCalls('a', 'b');
        await handover.dropParty('b');
        await handover.swap('a', 'b');
        expect(calls).toEqual([
            'blindTransfer(a, 200)',
            'startConsult(a, 200)',
            'completeConsult(a, b)',
            'cancelConsult(a, b)',
            'mergeCalls(a, b)',
            'dropParty(b)',
            'swap(a, b)'
        ]);
        expect(handoverSupportOf(host).conference).toBe(true);
    });
});
