import type { FieldValue } from './object-catalog';

/**
 * What the console shows, as data: the workspace tabs, the new-record modal and the softphone
 * utility. The Open CTI host changes it; the views render it. No DOM here.
 */
export type WorkspaceTab =
    | { readonly kind: 'home'; readonly id: 'home'; readonly title: string }
    | { readonly kind: 'phoneCalls'; readonly id: 'phone-calls'; readonly title: string }
    | {
          readonly kind: 'record';
          readonly id: string;
          readonly title: string;
          readonly recordId: string;
          readonly objectType: string;
      }
    | {
          readonly kind: 'search';
          readonly id: string;
          readonly title: string;
          readonly searchString: string;
      }
    | {
          readonly kind: 'objectHome';
          readonly id: string;
          readonly title: string;
          readonly scope: string;
      }
    | {
          readonly kind: 'list';
          readonly id: string;
          readonly title: string;
          readonly scope: string;
          readonly listViewId: string;
      }
    | { readonly kind: 'url'; readonly id: string; readonly title: string; readonly url: string }
    | {
          readonly kind: 'flow';
          readonly id: string;
          readonly title: string;
          readonly flowDevName: string;
          readonly flowArgs: unknown;
      };

export interface NewRecordModal {
    readonly entityName: string;
    readonly defaultFieldValues: Readonly<Record<string, FieldValue>>;
}

export interface SoftphoneUtility {
    readonly visible: boolean;
    readonly widthPX: number;
    readonly heightPX: number;
    readonly itemLabel: string;
    readonly itemIcon: string;
    readonly initialised: boolean;
    readonly clickToDialEnabled: boolean;
}

export type StateChange = 'tabs' | 'navigation' | 'modal' | 'utility' | 'refresh';

const fixedTabs: readonly WorkspaceTab[] = [
    { kind: 'home', id: 'home', title: 'Home' },
    { kind: 'phoneCalls', id: 'phone-calls', title: 'Phone Calls' }
];

export const defaultUtility: SoftphoneUtility = {
    visible: true,
    widthPX: 360,
    heightPX: 560,
    itemLabel: 'Phone',
    itemIcon: 'call',
    initialised: false,
    clickToDialEnabled: false
};

export class ConsoleState {
    private tabList: WorkspaceTab[] = [...fixedTabs];
    private active = 'home';
    private modalState: NewRecordModal | undefined;
    private utilityState: SoftphoneUtility = defaultUtility;
    private readonly listeners = new Set<(change: StateChange) => void>();

    get tabs(): readonly WorkspaceTab[] {
        return this.tabList;
    }

    get activeTab(): WorkspaceTab {
        return this.tabList.find((tab) => tab.id === this.active) ?? (fixedTabs[0] as WorkspaceTab);
    }

    get modal(): NewRecordModal | undefined {
        return this.modalState;
    }

    get utility(): SoftphoneUtility {
        return this.utilityState;
    }

    onChange(listener: (change: StateChange) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** Opens a tab (or focuses the open tab with the same id). */
    openTab(tab: WorkspaceTab): void {
        const index = this.tabList.findIndex((each) => each.id === tab.id);
        if (index === -1) {
            this.tabList = [...this.tabList, tab];
        } else {
            this.tabList = this.tabList.map((each, position) => (position === index ? tab : each));
        }
        this.emit('tabs');
        this.activate(tab.id);
    }

    activate(id: string): void {
        if (this.active === id || !this.tabList.some((tab) => tab.id === id)) {
            return;
        }
        this.active = id;
        this.emit('tabs');
        this.emit('navigation');
    }

    close(id: string): void {
        if (fixedTabs.some((tab) => tab.id === id)) {
            return;
        }
        const index = this.tabList.findIndex((tab) => tab.id === id);
        if (index === -1) {
            return;
        }
        this.tabList = this.tabList.filter((tab) => tab.id !== id);
        this.emit('tabs');
        if (this.active === id) {
            this.activate(this.tabList[Math.max(0, index - 1)]?.id ?? 'home');
        }
    }

    /** Closes record tabs whose record no longer exists (after a data reset). */
    closeMissingRecords(exists: (recordId: string) => boolean): void {
        for (const tab of this.tabList) {
            if (tab.kind === 'record' && !exists(tab.recordId)) {
                this.close(tab.id);
            }
        }
    }

    /** refreshView: the active view re-renders, and Salesforce reports a navigation. */
    refresh(): void {
        this.emit('refresh');
        this.emit('navigation');
    }

    openModal(modal: NewRecordModal): void {
        this.modalState = modal;
        this.emit('modal');
        this.emit('navigation');
    }

    closeModal(): void {
        if (this.modalState) {
            this.modalState = undefined;
            this.emit('modal');
            this.emit('navigation');
        }
    }

    updateUtility(change: Partial<SoftphoneUtility>): void {
        this.utilityState = { ...this.utilityState, ...change };
        this.emit('utility');
    }

    private emit(change: StateChange): void {
        for (const listener of this.listeners) {
            listener(change);
        }
    }
}
