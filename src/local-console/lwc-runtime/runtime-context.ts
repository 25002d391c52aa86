// What the played platform modules (lightning/*, @salesforce/apex) run on: the console's record
// store and its LMS bus. The console installs it once, before the first component is created.
import type { RecordStore } from '../browser/record-store';
import type { LmsArea, LmsBus } from './lms-bus';

export interface LwcRuntime {
    readonly store: RecordStore;
    readonly lms: LmsBus;
    /** The UI API adapters and functions that fail (`fault.uiApi`, see ui-api-faults.ts). */
    readonly uiApiFaults?: ReadonlySet<string>;
}

let installed: LwcRuntime | undefined;
/** The area of the components being created right now (see withArea). */
let mountingArea: LmsArea | undefined;

export function installLwcRuntime(runtime: LwcRuntime): void {
    installed = runtime;
}

export function lwcRuntime(): LwcRuntime {
    if (!installed) {
        throw new Error('The local console has not installed its LWC runtime yet');
    }
    return installed;
}

/**
 * Runs `create` (which creates and connects components) with `area` as their area: a component's
 * MessageContext is made while it is created, so it learns which workspace tab it lives in.
 */
export function withArea<T>(area: LmsArea, create: () => T): T {
    const previous = mountingArea;
    mountingArea = area;
    try {
        return create();
    } finally {
        mountingArea = previous;
    }
}

export function currentArea(): LmsArea | undefined {
    return mountingArea;
}
