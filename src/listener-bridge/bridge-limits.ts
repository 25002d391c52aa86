/**
 * The limits the bridge holds every client to, in one place (docs/admin-guide.md, "Limits",
 * states them). Addresses are the connections' source addresses: behind a reverse proxy, every
 * client shares the proxy's.
 */
export const bridgeLimits = {
    /** Failed sign-ins (wrong secret, signature or token) an address may make in the window… */
    maxFailedSignIns: 10,
    failedSignInWindowMs: 60_000,
    /** …before its sign-ins are refused (429) for this long. */
    lockoutMs: 60_000,
    /** Addresses whose failures are remembered at once (the oldest are forgotten first). */
    trackedAddresses: 10_000,
    /** Connections of one address that have not signed in (softphone) or authenticated (phone system). */
    maxUnauthenticatedPerAddress: 32,
    /** A connection that has not signed in or authenticated by then is closed. */
    unauthenticatedDeadlineMs: 20_000,
    /** A softphone that sends no hello within this time is closed. */
    helloTimeoutMs: 5000,
    /** A TLS handshake that takes longer is dropped. */
    tlsHandshakeTimeoutMs: 10_000
} as const;
