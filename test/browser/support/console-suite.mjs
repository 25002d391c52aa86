// One local console session per describe() suite, and the softphone driver that goes with it.
import { after, before } from 'node:test';
import { openLocalConsole, waitForSoftphone } from './local-console-session.mjs';
import { softphoneDriver } from './softphone-driver.mjs';

/**
 * For a describe() body: opens a local console (openLocalConsole's `options`) before the suite's
 * tests and closes it after them. `onOpen({ session, phone })` receives the session and its
 * softphone driver; hooks the suite registers afterwards run once they are there.
 */
export function consolePerSuite(options, onOpen) {
    let session;
    before(async () => {
        session = await openLocalConsole(options);
        onOpen({ session, phone: softphoneDriver(session) });
    });
    after(async () => session?.close());
}

/** Reloads the softphone frame (the console's button), waits for it, returns a new driver. */
export async function reloadSoftphone(session) {
    await session.page.getByTestId('reload-softphone').click();
    await waitForSoftphone(session.page);
    return softphoneDriver(session);
}
