import { callMessage, connectedHarness, settle } from './test-support/fake-web-socket';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Answers the oldest unanswered action with ok (and a callid when given). */
function accept(harness: Awaited<ReturnType<typeof connectedHarness>>, callid?: string): void {
    const sent = harness.socket().actions();
    const last = sent[sent.length - 1] as { requestId: string };
    harness.socket().receive({
        type: 'actionResult',
        requestId: last.requestId,
        ok: true,
        ...(callid === undefined ? {} : { callid })
    });
}

/** An answered call c-1, held, and a consult call c-2 to 201 that answered. */
async function consulting(harness: Awaited<ReturnType<typeof connectedHarness>>): Promise<void> {
    const { connector, socket } = harness;
    socket().receive(callMessage('answered', 'c-1'));
    const holding = connector.hold('c-1');
    accept(harness);
    await holding;
    const consult = connector.startConsult('c-1', ' 201 ');
    accept(harness, 'c-2');
    await expect(consult).resolves.toBe('c-2');
    socket().receive(callMessage('answered', 'c-2'));
    await settle();
    harness.events.length = 0;
}

describe('ListenerConnector transfer, consult and conference actions', () => {
    it('offers handover only when the phone system takes actions', async () => {
        expect((await connectedHarness(true)).connector.handoverSupport).toEqual({
            blindTransfer: true,
            consultTransfer: true,
            conference: true
        });
        const onPhone = await connectedHarness(false);
        expect(onPhone.connector.handoverSupport.blindTransfer).toBe(false);
        await expect(onPhone.connector.blindTransfer('c-1', '201')).rejects.toThrow(
            'Transfer on your phone: the call is there.'
        );
    });

    it('sends transfer with the number; the accepted call ends transferred', async () => {
        const harness = await connectedHarness(true);
        harness.socket().receive(callMessage('answered', 'c-1'));
        harness.events.length = 0;
        const transfer = harness.connector.blindTransfer('c-1', ' 201 ');
        expect(harness.socket().actions().at(-1)).toEqual({
            type: 'action',
            requestId: 'r1',
            action: 'transfer',
            callid: 'c-1',
            number: '201'
        });
        accept(harness);
        await transfer;
        expect(harness.events).toEqual([
            { type: 'transfer', callId: 'c-1', target: '201', progress: 'accepted' },
            { type: 'ended', callId: 'c-1', reason: 'transferred' }
        ]);
    });

    it('passes on a refused transfer, the call staying', async () => {
        const harness = await connectedHarness(true);
        harness.socket().receive(callMessage('answered', 'c-1'));
        const transfer = harness.connector.blindTransfer('c-1', '201');
        harness.socket().receive({
            type: 'actionResult',
            requestId: 'r1',
            ok: false,
            message: 'The phone system refused to transfer the call: busy (HTTP 486).'
        });
        await expect(transfer).rejects.toThrow('busy (HTTP 486)');
        await expect(harness.connector.blindTransfer('c-1', 'abc')).rejects.toThrow();
    });

    it('places a consult call and completes it: both calls end transferred', async () => {
        const harness = await connectedHarness(true);
        await consulting(harness);
        expect(harness.socket().actions()[1]).toMatchObject({
            action: 'consult',
            callid: 'c-1',
            number: '201'
        });
        const completing = harness.connector.completeConsult('c-1', 'c-2');
        expect(harness.socket().actions().at(-1)).toMatchObject({
            action: 'completeConsult',
            callid: 'c-1',
            othercallid: 'c-2'
        });
        accept(harness);
        await completing;
        expect(harness.events).toEqual([
            { type: 'transfer', callId: 'c-1', target: '201', progress: 'accepted' },
            { type: 'ended', callId: 'c-1', reason: 'transferred' },
            { type: 'ended', callId: 'c-2', reason: 'transferred' }
        ]);
    });

    it('refuses a consult on a call not held, and completing before the answer', async () => {
        const harness = await connectedHarness(true);
        harness.socket().receive(callMessage('answered', 'c-1'));
        await expect(harness.connector.startConsult('c-1', '201')).rejects.toThrow(
            'Cannot consult on call "c-1": it is connected (needs held).'
        );
        await expect(harness.connector.startConsult('c-9', '201')).rejects.toThrow(
            'there is no such call'
        );
        await expect(harness.connector.completeConsult('c-1', 'c-9')).rejects.toThrow(
            'Cannot complete the consult: call "c-9" is not connected.'
        );
        await expect(harness.connector.mergeCalls('c-1', 'c-9')).rejects.toThrow(
            'Cannot merge: call "c-9" is not connected.'
        );
        await expect(harness.connector.dropParty('c-1')).rejects.toThrow(
            'Cannot drop call "c-1": it is not in conference.'
        );
    });

    it('merges into a conference and drops a party', async () => {
        const harness = await connectedHarness(true);
        await consulting(harness);
        const merging = harness.connector.mergeCalls('c-1', 'c-2');
        expect(harness.socket().actions().at(-1)).toMatchObject({
            action: 'conference',
            callid: 'c-1',
            othercallid: 'c-2'
        });
        accept(harness);
        await merging;
        expect(harness.events.splice(0)).toEqual([
            { type: 'resumed', callId: 'c-1' },
            { type: 'conference', callIds: ['c-1', 'c-2'] }
        ]);
        const dropping = harness.connector.dropParty('c-2');
        expect(harness.socket().actions().at(-1)).toMatchObject({ action: 'drop', callid: 'c-2' });
        accept(harness);
        await dropping;
        expect(harness.events).toEqual([
            { type: 'ended', callId: 'c-2', reason: 'local-hangup' },
            { type: 'conference', callIds: [] }
        ]);
    });

    it("takes the phone system's own transferred end", async () => {
        const harness = await connectedHarness(true);
        harness.socket().receive(callMessage('answered', 'c-1'));
        harness.events.length = 0;
        harness
            .socket()
            .receive(callMessage('ended', 'c-1', { attributes: { reason: 'transferred' } }));
        expect(harness.events).toEqual([{ type: 'ended', callId: 'c-1', reason: 'transferred' }]);
    });
});
