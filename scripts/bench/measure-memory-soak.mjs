// 1,000 answered calls in one softphone run: JS heap after a full GC and the event listeners
// of the softphone's window and DOM, after a warm-up and again after the calls. The console's
// records are reset to the sample data and its logs cleared before both readings, so what
// grows is the softphone's (plus the console's few fixed structures: see heapAfterGc).
import { scaled } from './bench-scale.mjs';
export const SOAK_CALLS = scaled(1000);
const WARM_UP_CALLS = 50;
const BATCH = 50;

/** Unknown numbers (no sample record has them): +1 212 555 2000 onwards. */
export function soakNumber(index) {
    return `+1212555${String(2000 + index).padStart(4, '0')}`;
}

async function quiesce(session) {
    await session.drive('settle', 300);
    await session.drive('resetData');
    await session.drive('clearConsoleLogs');
    await session.drive('settle', 100);
    return {
        heapBytes: await session.heapAfterGc(),
        listeners: await session.frameListeners(),
        elements: await session.frameNodes()
    };
}

export async function measureMemorySoak(session, progress) {
    const numbers = Array.from({ length: WARM_UP_CALLS + SOAK_CALLS }, (_, index) =>
        soakNumber(index)
    );
    await session.drive('answeredCalls', numbers.slice(0, WARM_UP_CALLS));
    const before = await quiesce(session);
    progress(`memory soak: warm-up done, heap ${(before.heapBytes / 1048576).toFixed(2)} MB`);
    const started = Date.now();
    for (let done = 0; done < SOAK_CALLS; done += BATCH) {
        const from = WARM_UP_CALLS + done;
        await session.drive('answeredCalls', numbers.slice(from, from + BATCH));
        if ((done + BATCH) % 200 === 0 || done + BATCH >= SOAK_CALLS) {
            progress(`memory soak: ${done + BATCH}/${SOAK_CALLS} calls`);
        }
    }
    const seconds = (Date.now() - started) / 1000;
    const after = await quiesce(session);
    return {
        calls: SOAK_CALLS,
        seconds,
        before,
        after,
        heapGrowthBytes: after.heapBytes - before.heapBytes,
        listenerGrowth:
            after.listeners.window +
            after.listeners.document -
            before.listeners.window -
            before.listeners.document
    };
}
