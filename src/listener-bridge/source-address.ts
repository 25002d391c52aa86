/** A connection's source address, IPv4 addresses mapped into IPv6 written as IPv4. */
export function sourceAddress(socket: { readonly remoteAddress?: string | undefined }): string {
    const address = socket.remoteAddress ?? 'unknown';
    return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** True for an address of this computer: 127.0.0.0/8 or ::1. */
export function isLoopbackAddress(address: string): boolean {
    return /^127(?:\.\d{1,3}){3}$/.test(address) || address === '::1';
}

/** True for a host name or address that only this computer reaches (listen host, URL host). */
export function isLoopbackHost(host: string): boolean {
    const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
    return bare.toLowerCase() === 'localhost' || isLoopbackAddress(bare);
}
