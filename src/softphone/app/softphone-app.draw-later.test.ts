import { createAppHarness, MARIA, useAppTestClock } from './test-support/app-harness';

useAppTestClock();

/** An app that draws only when the test says, as the softphone draws in a later task. */
async function appDrawingLater() {
    const draws: Array<() => void> = [];
    const harness = createAppHarness({ scheduleRender: (draw) => draws.push(draw) });
    const drawPending = () => {
        for (const draw of draws.splice(0)) {
            draw();
        }
    };
    await harness.start();
    drawPending();
    const { lms } = await harness.attachLms();
    drawPending();
    lms.published = [];
    return { harness, lms, draws, drawPending };
}

describe('SoftphoneApp: drawing in a later task', () => {
    it("sends a ring's search to the host before it draws, opens the panel or tells the LWCs", async () => {
        const { harness, lms, draws, drawPending } = await appDrawingLater();
        const search = jest.spyOn(harness.host, 'searchAndScreenPop');
        const drawnBefore = harness.rendered.length;

        harness.simulator.simulateIncoming({ from: MARIA.Phone });

        expect(search).toHaveBeenCalledTimes(1);
        expect(harness.rendered).toHaveLength(drawnBefore);
        expect(harness.showPanel).not.toHaveBeenCalled();
        expect(lms.published).toEqual([]);
        // Every change of the ring draws once.
        expect(draws).toHaveLength(1);

        drawPending();

        expect(harness.view().calls).toMatchObject([{ state: 'ringing' }]);
        expect(harness.showPanel).toHaveBeenCalledTimes(1);
        expect(lms.published.map((message) => message.type)).toContain('callStarted');
    });

    it('tells the LWCs after the draw, in the order of the changes', async () => {
        const { harness, lms, drawPending } = await appDrawingLater();
        const callId = await harness.ring(MARIA.Phone);
        drawPending();
        lms.published = [];

        harness.app.store.setNotice('test', 'info', 'A notice while nothing is drawn');
        harness.simulator.simulateRemoteHangup(callId);
        await harness.settle();
        expect(lms.published).toEqual([]);

        drawPending();
        await harness.settle();

        const types = lms.published.map((message) => message.type);
        expect(types.slice(0, 2)).toEqual(['callEnded', 'state']);
        expect(types[types.length - 1]).toBe('callLogged');
        expect(harness.view().calls).toEqual([]);
    });

    it('draws nothing once stopped', async () => {
        const { harness, draws } = await appDrawingLater();
        harness.app.render();
        const drawn = harness.rendered.length;

        harness.app.stop();
        for (const draw of draws.splice(0)) {
            draw();
        }

        expect(harness.rendered).toHaveLength(drawn);
    });
});
