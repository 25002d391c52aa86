// The shipped Lightning web components on the console's record pages, as an admin would place
// them with Lightning App Builder (force-app/main/default/lwc/README.md): Softphone Click to Dial
// and Softphone Call History on Contact, Lead, Account and Case pages, with their default
// properties. Each record tab keeps its own components alive while it is open (the console caches
// its tabs, so a hidden tab's components keep their state and their APPLICATION_SCOPE
// subscriptions), and they are destroyed when the tab closes.
import 'lwc/synthetic-shadow';
import { createElement } from 'lwc';
import ClickToDial from 'c/clickToDial';
import CallLog from 'c/callLog';
import type { WorkspaceTab } from '../browser/console-state';
import type { LmsArea } from './lms-bus';
import { withArea } from './runtime-context';

/** Which components each object's record page shows, in page order. */
export const recordPageComponents: Readonly<
    Record<string, readonly ('clickToDial' | 'callLog')[]>
> = {
    Contact: ['clickToDial', 'callLog'],
    Lead: ['clickToDial', 'callLog'],
    Account: ['clickToDial', 'callLog'],
    Case: ['clickToDial', 'callLog']
};

const constructors = { clickToDial: ClickToDial, callLog: CallLog };
const tagNames = { clickToDial: 'c-click-to-dial', callLog: 'c-call-log' };

interface Column {
    readonly element: HTMLElement;
}

export class RecordComponents {
    /** Holds every open record tab's column; only the active tab's is shown. */
    readonly element: HTMLElement;
    private readonly columns = new Map<string, Column>();
    private activeTabId: string | undefined;

    constructor(private readonly objectTypeOf: (recordId: string) => string | undefined) {
        this.element = document.createElement('div');
        this.element.className = 'lc-record-components';
        this.element.dataset['testid'] = 'record-components';
    }

    /** Shows the active tab's components (creating them the first time); false when it has none. */
    show(active: WorkspaceTab, openTabs: readonly WorkspaceTab[]): boolean {
        const openIds = new Set(openTabs.map((tab) => tab.id));
        for (const [tabId, column] of this.columns) {
            if (!openIds.has(tabId)) {
                column.element.remove();
                this.columns.delete(tabId);
            }
        }
        this.activeTabId = active.id;
        if (active.kind === 'record' && !this.columns.has(active.id)) {
            this.create(active.id, active.recordId);
        }
        for (const [tabId, column] of this.columns) {
            column.element.hidden = tabId !== active.id;
        }
        return this.columns.has(active.id);
    }

    private create(tabId: string, recordId: string): void {
        const objectType = this.objectTypeOf(recordId);
        const components = objectType ? recordPageComponents[objectType] : undefined;
        if (!objectType || !components) {
            return;
        }
        const column = document.createElement('div');
        column.className = 'lc-record-components__column';
        column.dataset['tabId'] = tabId;
        column.dataset['recordId'] = recordId;
        this.columns.set(tabId, { element: column });
        const area: LmsArea = { isActive: () => this.activeTabId === tabId };
        withArea(area, () => {
            this.element.append(column);
            for (const name of components) {
                const element = createElement(tagNames[name], { is: constructors[name] });
                Object.assign(element, { recordId, objectApiName: objectType });
                element.classList.add('slds-m-bottom_medium');
                column.append(element);
            }
        });
    }
}
