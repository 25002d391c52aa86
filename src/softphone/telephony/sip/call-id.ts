/**
 * A random call id ('sip-' and 32 hex digits): the provider call id of the call log, so it must
 * be unique across every agent and reload. getRandomValues works outside secure contexts too.
 */
export function randomSipCallId(): string {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return `sip-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
