import type { SipSettings } from '../../settings/softphone-settings';
import { defaultCallerIdPolicy, type CallerIdPolicy } from './caller-id';

/**
 * The caller-id policy of the configured SIP server: its hosts are those of the WebSocket URL,
 * the outbound proxy and the SIP domain — the addresses a top Via of an INVITE relayed by it
 * may carry (a server that puts another address in its Via is not trusted with Proxy).
 */
export function callerIdPolicyFor(settings: SipSettings): CallerIdPolicy {
    const hosts = [
        hostOf(settings.webSocketUrl, /^wss?:\/\/(\[[^\]]+\]|[^/:?#]+)/i),
        hostOf(settings.outboundProxy ?? '', /^sips?:(?:[^@]*@)?(\[[^\]]+\]|[^;:>?]+)/i),
        settings.domain.toLowerCase()
    ].filter((host) => host !== '');
    return {
        assertedIdentityTrust:
            settings.assertedIdentityTrust ?? defaultCallerIdPolicy.assertedIdentityTrust,
        privacy: settings.privacy ?? defaultCallerIdPolicy.privacy,
        serverHosts: [...new Set(hosts)]
    };
}

function hostOf(text: string, pattern: RegExp): string {
    const host = pattern.exec(text)?.[1] ?? '';
    return host.replace(/^\[|\]$/g, '').toLowerCase();
}
