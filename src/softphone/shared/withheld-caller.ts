/**
 * The words phone systems put where a caller id would be when the caller withheld it or the
 * network does not know it (From: "Anonymous" <sip:anonymous@anonymous.invalid>, ani=Restricted).
 */
export const withheldCallerWord =
    /^(anonymous|unknown|unavailable|restricted|private|withheld|blocked)$/i;
