// Check setup, loaded on first use: the checks, the probes, the report and the panel are a chunk
// of the static resource of their own, downloaded when an agent or admin first opens the panel
// (most agents never do), then kept.
import { label } from '../i18n';
import type { SetupCheckContext } from './create-setup-check';
import type { SetupCheckView } from './setup-check-view';
import { button, el } from '../ui/dom';

/** Here, not in setup-check-view.ts: the button that opens the panel is in the core. */
export function checkSetupLabel(): string {
    return label('Softphone_Check_Setup');
}

export interface LazySetupCheck {
    /** Loads the panel the first time (appending it to the root), then opens it. */
    open(opener: HTMLElement): Promise<void>;
}

/** `onLoadError`: where a chunk that could not be loaded is reported (the panel stays closed). */
export function lazySetupCheck(
    root: HTMLElement,
    context: SetupCheckContext,
    onLoadError: (error: unknown) => void
): LazySetupCheck {
    let view: Promise<SetupCheckView> | undefined;
    return {
        async open(opener) {
            view ??= import('./create-setup-check').then(({ createSetupCheckView }) => {
                const created = createSetupCheckView(context);
                root.append(created.element);
                return created;
            });
            try {
                (await view).open(opener);
            } catch (error) {
                view = undefined;
                onLoadError(error);
            }
        }
    };
}

/**
 * Offers Check setup where the softphone itself is not running (it could not start, or it waits
 * for the agent's sign-in): a "Check setup" button, appended to `root`, that opens the panel.
 */
export function appendSetupCheck(root: HTMLElement, context: SetupCheckContext): void {
    // The browser's own message (a chunk that did not load) shows on the button; a click retries.
    const check = lazySetupCheck(root, context, (error) => {
        opener.title = error instanceof Error ? error.message : String(error);
    });
    const opener = button(
        checkSetupLabel(),
        'slds-button slds-button_neutral softphone-diagnostics__check-setup',
        () => void check.open(opener),
        { title: 'Check what this org and browser need for the softphone, with the fixes' }
    );
    root.append(el('div', { className: 'softphone-diagnostics slds-m-top_small' }, [opener]));
}
