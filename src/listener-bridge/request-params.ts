export type ParamsResult =
    { ok: true; pairs: [string, string][] } | { ok: false; status: 400 | 415; error: string };

/** Decodes `a=1&b=2` (query string or form body) into pairs, repeated names kept. */
export function formPairs(text: string): ParamsResult {
    return { ok: true, pairs: [...new URLSearchParams(text)] };
}

/**
 * Decodes a POST body by its Content-Type: application/x-www-form-urlencoded or
 * application/json (one flat object whose values are text or numbers).
 */
export function bodyPairs(contentType: string | undefined, body: string): ParamsResult {
    const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (mediaType === 'application/x-www-form-urlencoded') {
        return formPairs(body);
    }
    if (mediaType === 'application/json') {
        return jsonPairs(body);
    }
    return {
        ok: false,
        status: 415,
        error: 'send the parameters as application/x-www-form-urlencoded or application/json'
    };
}

function jsonPairs(body: string): ParamsResult {
    let value: unknown;
    try {
        value = JSON.parse(body);
    } catch {
        return { ok: false, status: 400, error: 'the body is not valid JSON' };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return {
            ok: false,
            status: 400,
            error: 'the JSON body must be one object of "name": "value" pairs'
        };
    }
    const pairs: [string, string][] = [];
    for (const [name, item] of Object.entries(value)) {
        if (typeof item === 'string') {
            pairs.push([name, item]);
        } else if (typeof item === 'number' && Number.isFinite(item)) {
            pairs.push([name, String(item)]);
        } else {
            return {
                ok: false,
                status: 400,
                error: `parameter ${JSON.stringify(name.slice(0, 40))} must be text or a number`
            };
        }
    }
    return { ok: true, pairs };
}
