// The static resource's entry: finds the Salesforce host, reads the call-center settings and
// reports the softphone ready. Later layers (call engine, connector, UI) are wired from here.
import { connectOpenCti } from './opencti';
import { parseCallCenterSettings } from './settings';
import './ui/softphone.css';

async function boot(root: HTMLElement): Promise<void> {
    const connection = connectOpenCti(window);
    if (!connection.ok) {
        root.textContent = connection.error.message;
        return;
    }
    const settings = parseCallCenterSettings(await connection.host.getCallCenterSettings());
    if (!settings.ok) {
        root.textContent = settings.errors
            .map((error) => `Call center setting ${error.key} ${error.message}`)
            .join('\n');
        return;
    }
    await connection.host.notifyInitializationComplete();
    root.textContent = 'Ready';
}

const softphoneRoot = document.getElementById('softphone-root');
if (softphoneRoot) {
    boot(softphoneRoot).catch((error: unknown) => {
        softphoneRoot.textContent = error instanceof Error ? error.message : String(error);
    });
}
