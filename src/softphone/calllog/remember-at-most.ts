/**
 * Sets `key` as the newest entry of `map` (a Map keeps insertion order) and drops the oldest
 * once it holds more than `limit`: a bounded memory of the latest calls.
 */
export function rememberAtMost<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
    map.delete(key);
    map.set(key, value);
    if (map.size > limit) {
        const oldest = map.keys().next().value;
        if (oldest !== undefined) {
            map.delete(oldest);
        }
    }
}
