import { parseClickToDialRequest } from '../opencti/click-to-dial-request';
import type { AppStore } from './app-state';
import type { CallControls, ControlResult } from './call-controls';

/**
 * A click on a phone field in Salesforce (lightning-click-to-dial → onClickToDial): validated,
 * then dialled with the record it came from, so the log is related to it.
 */
export function handleClickToDial(
    payload: unknown,
    deps: {
        controls: CallControls;
        store: AppStore;
        showPanel: () => void;
        /** Says a warning the call was placed with (Do Not Call not checked). */
        onPlaced?: (result: ControlResult) => void;
    }
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
    const attempt = deps.store.beginDialAttempt(number);
    void deps.controls.dial(number, related, personAccount).then((result) => {
        // The keypad is not where this dial came from: a refusal is told in the alerts.
        deps.store.endDialAttempt(attempt);
        if (!result.ok) {
            deps.store.addError(result.message);
        } else {
            deps.onPlaced?.(result);
        }
    });
}

/** Clicks kept while no softphone takes them (a burst beyond this is a stuck mouse, not work). */
const MAX_WAITING_CLICKS = 5;

/**
 * Salesforce's click-to-dial has one listener for the page's life (Open CTI cannot unregister
 * one). The router hands each click to whoever dials now (the softphone, or a follower tab
 * forwarding to the leader); a click that comes while the softphone is still starting waits
 * for it instead of being lost.
 */
export class ClickToDialRouter {
    private target: ((payload: unknown) => void) | undefined;
    private waiting: unknown[] = [];

    receive(payload: unknown): void {
        if (this.target !== undefined) {
            this.target(payload);
        } else if (this.waiting.length < MAX_WAITING_CLICKS) {
            this.waiting.push(payload);
        }
    }

    routeTo(target: ((payload: unknown) => void) | undefined): void {
        this.target = target;
        if (target !== undefined) {
            const waiting = this.waiting;
            this.waiting = [];
            waiting.forEach(target);
        }
    }
}
