// Fault injection for the played UI API (`fault.uiApi=getRecord,updateRecord,…` on the console's
// URL): the named adapters and functions fail in the UI API's documented error shapes
// (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_errors.htm): a wire
// emits `error` with `body` a list of `{ errorCode, message }`; updateRecord rejects with
// `body.output.errors`. Each message says it was injected, like the console's other faults.
import { lwcRuntime } from './runtime-context';
import type { UiReadError } from './ui-api-shapes';
import { readError } from './ui-api-shapes';

export const uiApiFaultNames = [
    'getRecord',
    'getObjectInfo',
    'getPicklistValues',
    'getRelatedListRecords',
    'updateRecord'
] as const;

export type UiApiFault = (typeof uiApiFaultNames)[number];

function isUiApiFault(name: string): name is UiApiFault {
    return (uiApiFaultNames as readonly string[]).includes(name);
}

/** The faults named by `fault.uiApi` (comma-separated), and the names it does not know. */
export function parseUiApiFaults(query: URLSearchParams): {
    readonly faults: ReadonlySet<UiApiFault>;
    readonly problems: readonly string[];
} {
    const names = (query.get('fault.uiApi') ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
    const unknown = names.filter((name) => !isUiApiFault(name));
    return {
        faults: new Set(names.filter(isUiApiFault)),
        problems: unknown.map(
            (name) => `fault.uiApi=${name} (known: ${uiApiFaultNames.join(', ')})`
        )
    };
}

/** What the server says, and that the console injected it. */
export function injectedFaultMessage(name: UiApiFault): string {
    return `An unexpected error occurred on the server. (Injected by the local console: fault.uiApi=${name}.)`;
}

/** The read error a faulted wire adapter emits, or undefined when `name` is not faulted. */
export function injectedReadError(name: UiApiFault): UiReadError | undefined {
    return lwcRuntime().uiApiFaults?.has(name)
        ? readError(500, 'UNKNOWN_EXCEPTION', injectedFaultMessage(name))
        : undefined;
}

/** Whether a write function (updateRecord) is to fail. */
export function isFaulted(name: UiApiFault): boolean {
    return lwcRuntime().uiApiFaults?.has(name) ?? false;
}
