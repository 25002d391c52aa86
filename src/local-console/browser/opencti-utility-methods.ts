import type { CallbackResponse, ShimRequest } from '../shared/host-protocol';
import type { ConsoleState } from './console-state';
import type { Args } from './opencti-responses';
import { failure, genericError, invalidParam, ok } from './opencti-responses';
import type { RecordStore } from './record-store';
import type { ConsoleSoftphoneLayout, LayoutFault } from './softphone-layout';
import { describeLayout } from './softphone-layout';

export type Handler = (
    args: Args,
    request: ShimRequest
) => CallbackResponse | Promise<CallbackResponse>;

/** What the settings, layout and utility-item methods work with. */
export interface UtilityHost {
    readonly state: ConsoleState;
    readonly store: RecordStore;
    /** The call center settings (already loaded), or the reason they could not be loaded. */
    readonly settings: () => Readonly<Record<string, string>> | Error;
    readonly layout: ConsoleSoftphoneLayout;
    readonly layoutFault: LayoutFault;
}

/**
 * The Open CTI methods about the softphone's own frame: its call center settings and layout,
 * and the utility item (initialised, visibility, size, icon, label, click-to-dial switch,
 * refreshView), with the ranges and shapes Salesforce checks.
 */
export function utilityMethods(host: UtilityHost): Record<string, Handler> {
    const { state } = host;
    const utility = (change: Parameters<ConsoleState['updateUtility']>[0]) => {
        state.updateUtility(change);
        return ok();
    };
    return {
        notifyInitializationComplete: () => utility({ initialised: true }),
        setSoftphonePanelVisibility: (args) =>
            typeof args['visible'] === 'boolean'
                ? utility({ visible: args['visible'] })
                : invalidParam('visible', 'A boolean value', args['visible']),
        isSoftphonePanelVisible: () => ok({ visible: state.utility.visible }),
        setSoftphonePanelHeight: (args) =>
            inRange(args['heightPX'], 240, 2560)
                ? utility({ heightPX: args['heightPX'] as number })
                : invalidParam('heightPX', 'A number from 240 to 2560', args['heightPX']),
        setSoftphonePanelWidth: (args) =>
            inRange(args['widthPX'], 200, 1920)
                ? utility({ widthPX: args['widthPX'] as number })
                : invalidParam('widthPX', 'A number from 200 to 1920', args['widthPX']),
        setSoftphoneItemIcon: (args) =>
            isIconKey(args['key'])
                ? utility({ itemIcon: args['key'] as string })
                : invalidParam('key', 'An SLDS utility icon name such as call', args['key']),
        setSoftphoneItemLabel: (args) =>
            isLabel(args['label'])
                ? utility({ itemLabel: args['label'] as string })
                : invalidParam('label', 'A label of 1 to 80 characters', args['label']),
        // Not in the Lightning method list of the guide, but present in opencti_min.js.
        setSoftphonePanelLabel: (args) =>
            isLabel(args['label'])
                ? ok()
                : invalidParam('label', 'A label of 1 to 80 characters', args['label']),
        setSoftphonePanelIcon: (args) =>
            isIconKey(args['key'])
                ? ok()
                : invalidParam('key', 'An SLDS utility icon name', args['key']),
        enableClickToDial: () => utility({ clickToDialEnabled: true }),
        disableClickToDial: () => utility({ clickToDialEnabled: false }),
        refreshView: () => {
            state.refresh();
            return ok();
        },
        getCallCenterSettings: () => {
            const settings = host.settings();
            return settings instanceof Error
                ? failure({ code: 'SERVER_ERROR', description: settings.message })
                : ok({ ...settings });
        },
        getSoftphoneLayout: () => softphoneLayout(host)
    };
}

function softphoneLayout(host: UtilityHost): CallbackResponse {
    switch (host.layoutFault) {
        case 'error':
            return genericError(
                'No softphone layout is assigned to this user. (Injected by the local console: fault.layout=error.)'
            );
        case 'invalid':
            return ok({ Inbound: { objects: { Contact: 'Name' } } });
        case 'none':
            break;
    }
    const { store } = host;
    return ok(
        describeLayout(
            host.layout,
            (object, field) => store.catalog.get(object)?.fields[field]?.label ?? field
        )
    );
}

function inRange(value: unknown, min: number, max: number): boolean {
    return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function isIconKey(value: unknown): boolean {
    return typeof value === 'string' && /^[a-z0-9_]{1,60}$/.test(value);
}

function isLabel(value: unknown): boolean {
    return typeof value === 'string' && value.trim().length > 0 && value.length <= 80;
}
