import type { CheckResult } from './check-result';

/** navigator.permissions' answer for the microphone, or 'unknown' where it cannot be asked. */
export type MicrophonePermission = PermissionState | 'unknown';

/** How opening the SIP WebSocket went. */
export type WebSocketFacts =
    | { readonly kind: 'open' }
    /** The org's Content Security Policy refused the connection (securitypolicyviolation). */
    | { readonly kind: 'blocked-by-csp'; readonly origin: string }
    | { readonly kind: 'failed'; readonly message: string };

export function checkMicrophone(permission: MicrophonePermission): CheckResult {
    const title = 'Microphone';
    switch (permission) {
        case 'granted':
            return {
                id: 'microphone',
                title,
                status: 'pass',
                summary: 'The microphone is allowed.'
            };
        case 'prompt':
            return {
                id: 'microphone',
                title,
                status: 'warn',
                summary:
                    'The browser will ask for the microphone on the first call: until the agent allows it, calls have no audio.',
                fix: 'Each agent allows the microphone for the Salesforce site when asked, or IT allows it by policy (e.g. Chrome’s AudioCaptureAllowedUrls).'
            };
        case 'denied':
            return {
                id: 'microphone',
                title,
                status: 'fail',
                summary: 'The microphone is blocked for Salesforce: calls have no audio.',
                fix: 'Allow the microphone for the Salesforce site in the browser’s site settings (the icon beside the address bar), or ask IT to allow it by policy.'
            };
        case 'unknown':
            return {
                id: 'microphone',
                title,
                status: 'warn',
                summary: 'This browser does not say whether the microphone is allowed.',
                fix: 'Place a test call and allow the microphone if the browser asks.'
            };
    }
}

export function checkWebSocket(url: string, facts: WebSocketFacts): CheckResult {
    const title = 'Phone system connection';
    switch (facts.kind) {
        case 'open':
            return {
                id: 'websocket',
                title,
                status: 'pass',
                summary: `The softphone reached ${url}.`
            };
        case 'blocked-by-csp':
            return {
                id: 'websocket',
                title,
                status: 'fail',
                summary: `Salesforce’s Content Security Policy blocked the connection to ${facts.origin}.`,
                fix: `Setup → Trusted URLs (CSP Trusted Sites) → New Trusted URL: URL ${facts.origin}, CSP context All, allow connect-src (scripts), then reload the softphone.`
            };
        case 'failed':
            return {
                id: 'websocket',
                title,
                status: 'fail',
                summary: `The softphone could not connect to ${url}: ${facts.message}`,
                fix: 'Check connector/sipWebSocketUrl in Setup → Call Centers, that the phone system is running, and that the network allows WebSocket connections to it.'
            };
    }
}

/** The origin to trust for a wss:// URL (scheme, host and port), or the URL when it is not one. */
export function webSocketOrigin(url: string): string {
    try {
        const parsed = new URL(url);
        return `${parsed.protocol}//${parsed.host}`;
    } catch {
        return url;
    }
}
