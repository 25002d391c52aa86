import { label } from '../i18n';
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
    const title = label('Softphone_Setup_Microphone_Title');
    switch (permission) {
        case 'granted':
            return {
                id: 'microphone',
                title,
                status: 'pass',
                summary: label('Softphone_Setup_Microphone_Granted')
            };
        case 'prompt':
            return {
                id: 'microphone',
                title,
                status: 'warn',
                summary: label('Softphone_Setup_Microphone_Prompt'),
                fix: label('Softphone_Setup_Microphone_Prompt_Fix')
            };
        case 'denied':
            return {
                id: 'microphone',
                title,
                status: 'fail',
                summary: label('Softphone_Setup_Microphone_Denied'),
                fix: label('Softphone_Setup_Microphone_Denied_Fix')
            };
        case 'unknown':
            return {
                id: 'microphone',
                title,
                status: 'warn',
                summary: label('Softphone_Setup_Microphone_Unknown'),
                fix: label('Softphone_Setup_Microphone_Unknown_Fix')
            };
    }
}

export function checkWebSocket(url: string, facts: WebSocketFacts): CheckResult {
    const title = label('Softphone_Setup_WebSocket_Title');
    switch (facts.kind) {
        case 'open':
            return {
                id: 'websocket',
                title,
                status: 'pass',
                summary: label('Softphone_Setup_WebSocket_Open', url)
            };
        case 'blocked-by-csp':
            return {
                id: 'websocket',
                title,
                status: 'fail',
                summary: label('Softphone_Setup_WebSocket_Csp', facts.origin),
                fix: label('Softphone_Setup_WebSocket_Csp_Fix', facts.origin)
            };
        case 'failed':
            return {
                id: 'websocket',
                title,
                status: 'fail',
                summary: label('Softphone_Setup_WebSocket_Failed', url, facts.message),
                fix: label('Softphone_Setup_WebSocket_Failed_Fix')
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
