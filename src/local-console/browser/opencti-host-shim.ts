import { parseHostMessage } from '../shared/host-protocol';
import { createOpenCtiShim } from './opencti-client';

/**
 * Entry of opencti_min.js as the local console serves it (`/support/api/<v>/lightning/opencti_min.js`).
 * Like the real library it needs the `sfdcIframeOrigin` and `mode` query parameters the console
 * adds to the softphone URL; it then talks only to the parent window at that origin.
 */
const loopbackOrigin = /^http:\/\/(?:127\.0\.0\.1|localhost)(?::\d{1,5})?$/;

function install(): void {
    const params = new URLSearchParams(window.location.search);
    const parentOrigin = params.get('sfdcIframeOrigin') ?? '';
    if (window.parent === window || !params.get('mode') || !loopbackOrigin.test(parentOrigin)) {
        throw new Error(
            'Failed to initialize Open CTI (local console): load this page inside the local console, ' +
                'which opens it with ?sfdcIframeOrigin=<console origin>&mode=Lightning.'
        );
    }
    const instanceId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const shim = createOpenCtiShim(
        { post: (request) => window.parent.postMessage(request, parentOrigin) },
        instanceId
    );
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (event.origin !== parentOrigin || event.source !== window.parent) {
            return;
        }
        const message = parseHostMessage(event.data);
        if (message) {
            shim.receive(message);
        }
    });
    const host = window as unknown as { sforce?: Record<string, unknown> };
    host.sforce = host.sforce ?? {};
    host.sforce['opencti'] = shim.api;
}

install();
