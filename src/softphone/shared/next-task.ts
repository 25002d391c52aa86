/**
 * Runs `work` in a task of its own, after the current task and after the messages it posted
 * (a request to the Open CTI host is a postMessage): unlike a microtask, it lets them go first;
 * unlike setTimeout, it is never clamped or throttled.
 */
export function runInNextTask(work: () => void): void {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
        channel.port1.close();
        work();
    };
    channel.port2.postMessage(undefined);
}
