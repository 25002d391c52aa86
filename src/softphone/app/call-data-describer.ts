import type { Call } from '../calls/call-model';
import type { CallDataSettings } from '../settings/softphone-settings';
import { isSecretCallDataKey } from '../telephony/call-data';
import type { CallDescriber } from './connector-factory';

/**
 * What the banner and the active call show of a call's data: the keys the admin marks visible
 * (callData/visibleKeys), in the admin's order and with their labels ("Queue: Billing"). Without
 * visible keys, every pair of the call data shows under its key (secrets never reach the call
 * data), or, for a call without data, the connector's own details less any secret key. Values
 * are text: the view renders them with textContent.
 */
export function describeCallData(
    base: CallDescriber | undefined,
    findCall: (callId: string) => Call | undefined,
    settings: Pick<CallDataSettings, 'visibleKeys' | 'secretKeys'>
): CallDescriber {
    return (callId) => {
        const described = base?.(callId);
        const data = findCall(callId)?.data;
        const details =
            settings.visibleKeys.length === 0 && data !== undefined
                ? Object.entries(data).map(([label, value]) => ({ label, value }))
                : settings.visibleKeys.length > 0
                  ? settings.visibleKeys.flatMap(({ key, label }) => {
                        const value =
                            data !== undefined && Object.hasOwn(data, key) ? data[key] : undefined;
                        return value === undefined ? [] : [{ label, value }];
                    })
                  : (described?.details ?? []).filter(
                        (detail) => !isSecretCallDataKey(detail.label, settings.secretKeys)
                    );
        return { details, controlledOnPhone: described?.controlledOnPhone ?? false };
    };
}
