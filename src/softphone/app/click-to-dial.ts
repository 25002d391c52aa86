import { parseClickToDialRequest } from '../opencti/click-to-dial-request';
import type { AppStore } from './app-state';
import type { CallControls } from './call-controls';

/**
 * A click on a phone field in Salesforce (lightning-click-to-dial → onClickToDial): validated,
 * then dialled with the record it came from, so the log is related to it.
 */
export function handleClickToDial(
    payload: unknown,
    deps: { controls: CallControls; store: AppStore; showPanel: () => void }
): void {
    const request = parseClickToDialRequest(payload);
    if (!request.ok) {
        deps.store.addError(request.error.message);
        return;
    }
    const { number, recordId, objectType, recordName, personAccount } = request.value;
    const related =
        recordId !== undefined && objectType !== undefined
            ? { recordId, objectType, ...(recordName === undefined ? {} : { recordName }) }
            : undefined;
    deps.showPanel();
    void deps.controls.dial(number, related, personAccount).then((result) => {
        if (!result.ok) {
            deps.store.addError(result.message);
        }
    });
}
