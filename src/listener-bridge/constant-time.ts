import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in time independent of where they differ and of their lengths: both
 * are hashed first, so timingSafeEqual always sees 32 bytes.
 */
export function sameSecret(given: string, expected: string): boolean {
    return timingSafeEqual(sha256(given), sha256(expected));
}

export function sha256(text: string): Buffer {
    return createHash('sha256').update(text, 'utf8').digest();
}

/** HMAC-SHA256 of `<timestamp>.<payload>` as lowercase hex: the X-Listener-Signature value. */
export function listenerSignature(secret: string, timestamp: string, payload: string): string {
    return createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
}
