import type { WorkspaceTab } from '../console-state';
import type { StoredRecord } from '../record-store';
import { batchedRender } from './batched-render';
import { h, replaceChildren } from './dom';
import type { RecordContext } from './record-values';
import { fieldLabel, fieldValue, recordTable } from './record-values';

/** Components placed on record pages (they live across re-renders, one column per record tab). */
export interface RecordComponentsView {
    readonly element: HTMLElement;
    /** Shows the active tab's components; false when it has none. */
    show(active: WorkspaceTab, openTabs: readonly WorkspaceTab[]): boolean;
}

/** The console's main area: workspace tabs like the Lightning console, and what they show. */
export function mountWorkspace(
    root: HTMLElement,
    context: RecordContext,
    recordComponents?: RecordComponentsView
): void {
    const nav = h('ul', {
        class: 'slds-tabs_default__nav',
        testid: 'workspace-tabs',
        attrs: { role: 'tablist' }
    });
    const body = h('div', {
        class: 'lc-workspace__body',
        testid: 'workspace-body',
        attrs: { role: 'tabpanel' }
    });
    // The record pages' components are not re-rendered with the rest: they keep their state.
    const content = h('div', { class: 'lc-workspace__content' });
    body.append(content, ...(recordComponents ? [recordComponents.element] : []));
    replaceChildren(root, h('div', { class: 'slds-tabs_default' }, nav), body);
    const render = () => {
        renderTabs(nav, context);
        replaceChildren(content, renderTab(context, context.state.activeTab));
        const withComponents =
            recordComponents?.show(context.state.activeTab, context.state.tabs) ?? false;
        body.classList.toggle('lc-workspace__body_with-components', withComponents);
    };
    // Once per batch of changes: saving a call's log changes the store and the state many times.
    const scheduleRender = batchedRender(render);
    context.state.onChange((change) => {
        if (change === 'tabs' || change === 'refresh' || change === 'utility') {
            scheduleRender();
        }
    });
    context.store.onChange(scheduleRender);
    render();
}

function renderTabs(nav: HTMLElement, context: RecordContext): void {
    const { state } = context;
    replaceChildren(
        nav,
        ...state.tabs.map((tab) => {
            const active = tab.id === state.activeTab.id;
            const closable = tab.kind !== 'home' && tab.kind !== 'phoneCalls';
            return h(
                'li',
                {
                    class: `slds-tabs_default__item${active ? ' slds-is-active' : ''}`,
                    attrs: { role: 'presentation', title: tab.title }
                },
                h(
                    'a',
                    {
                        class: 'slds-tabs_default__link',
                        testid: 'workspace-tab',
                        attrs: {
                            href: '#',
                            role: 'tab',
                            'aria-selected': String(active),
                            'data-tab-id': tab.id,
                            'data-tab-kind': tab.kind
                        },
                        on: {
                            click: (event) => {
                                event.preventDefault();
                                state.activate(tab.id);
                            }
                        }
                    },
                    tab.title
                ),
                closable &&
                    h(
                        'button',
                        {
                            class: 'slds-button slds-button_icon lc-tab-close',
                            testid: 'close-tab',
                            attrs: {
                                type: 'button',
                                title: `Close ${tab.title}`,
                                'aria-label': `Close ${tab.title}`
                            },
                            on: { click: () => state.close(tab.id) }
                        },
                        '×'
                    )
            );
        })
    );
}

function section(title: string, ...content: (HTMLElement | string)[]): HTMLElement {
    return h(
        'section',
        { class: 'slds-m-bottom_large' },
        h('h2', { class: 'slds-text-heading_small slds-m-bottom_x-small' }, title),
        ...content
    );
}

function recordsOf(context: RecordContext, type: string): StoredRecord[] {
    const definition = context.store.catalog.get(type);
    return context.store.all().filter((record) => record.type === definition?.apiName);
}

function renderTab(context: RecordContext, tab: WorkspaceTab): HTMLElement {
    switch (tab.kind) {
        case 'home':
            return h(
                'div',
                { testid: 'home-tab' },
                ...['Contact', 'Lead', 'Account', 'Case'].map((type) =>
                    section(
                        context.store.catalog.get(type)?.pluralLabel ?? type,
                        recordTable(context, type, recordsOf(context, type), `list-${type}`)
                    )
                )
            );
        case 'phoneCalls':
            return h(
                'div',
                { testid: 'phone-calls-tab' },
                section(
                    'Phone Calls (Phone_Call__c)',
                    recordTable(
                        context,
                        'Phone_Call__c',
                        recordsOf(context, 'Phone_Call__c'),
                        'phone-calls-table'
                    )
                ),
                section(
                    'Tasks',
                    recordTable(context, 'Task', recordsOf(context, 'Task'), 'tasks-table')
                )
            );
        case 'record':
            return renderRecord(context, tab.recordId);
        case 'search': {
            const types = ['Contact', 'Lead', 'Account'];
            const matches = /[A-Za-z]/.test(tab.searchString)
                ? context.store.searchText(tab.searchString, types)
                : context.store.searchPhone(tab.searchString, types);
            return h(
                'div',
                { testid: 'search-tab' },
                h(
                    'h2',
                    { class: 'slds-text-heading_medium slds-m-bottom_medium' },
                    `Top Results for "${tab.searchString}" (${matches.length})`
                ),
                ...types.map((type) => {
                    const ofType = matches.filter((record) => record.type === type);
                    return ofType.length === 0
                        ? ''
                        : section(
                              context.store.catalog.get(type)?.pluralLabel ?? type,
                              recordTable(context, type, ofType, `search-${type}`)
                          );
                })
            );
        }
        case 'objectHome':
        case 'list':
            return h(
                'div',
                { testid: tab.kind === 'list' ? 'list-tab' : 'object-home-tab' },
                tab.kind === 'list'
                    ? h(
                          'p',
                          { class: 'slds-m-bottom_small lc-empty' },
                          `List view ${tab.listViewId} (the console shows every record)`
                      )
                    : '',
                recordTable(context, tab.scope, recordsOf(context, tab.scope), `list-${tab.scope}`)
            );
        case 'url':
            return h(
                'div',
                { testid: 'url-tab' },
                h(
                    'p',
                    {},
                    'The softphone navigated to this URL (the local console does not render it):'
                ),
                h('pre', { class: 'slds-m-top_small' }, tab.url)
            );
        case 'flow':
            return h(
                'div',
                { testid: 'flow-tab' },
                h('p', {}, `Screen flow ${tab.flowDevName} would run here with these arguments:`),
                h(
                    'pre',
                    { class: 'slds-m-top_small lc-log' },
                    JSON.stringify(tab.flowArgs, null, 2)
                )
            );
    }
}

function renderRecord(context: RecordContext, recordId: string): HTMLElement {
    const record = context.store.get(recordId);
    if (!record) {
        return h('p', { class: 'lc-empty' }, `Record ${recordId} no longer exists.`);
    }
    const definition = context.store.catalog.get(record.type);
    const names = Object.keys(record.values);
    const system = [
        'OwnerId',
        'CreatedById',
        'CreatedDate',
        'LastModifiedById',
        'LastModifiedDate'
    ];
    const known = [...(definition?.nameFields ?? []), ...Object.keys(definition?.fields ?? {})];
    const ordered = [
        ...new Set([
            ...known.filter((name) => names.includes(name)),
            ...names.filter((name) => !system.includes(name) && name !== 'Id'),
            'Id',
            ...system.filter((name) => names.includes(name))
        ])
    ];
    const related = context.store
        .all()
        .filter(
            (other) =>
                other !== record &&
                Object.entries(other.values).some(
                    ([name, value]) => name !== 'Id' && value === record.values['Id']
                )
        );
    const relatedTypes = [...new Set(related.map((other) => other.type))];
    return h(
        'div',
        {
            testid: 'record-page',
            attrs: { 'data-record-id': recordId, 'data-object-type': record.type }
        },
        h(
            'div',
            { class: 'slds-page-header slds-m-bottom_medium' },
            h('p', { class: 'slds-page-header__name-meta' }, definition?.label ?? record.type),
            h(
                'h1',
                { class: 'slds-page-header__title', testid: 'record-title' },
                context.store.nameOf(record)
            )
        ),
        h(
            'dl',
            { class: 'lc-fields', testid: 'record-fields' },
            ...ordered.flatMap((name) => [
                h('dt', {}, fieldLabel(definition, name)),
                h(
                    'dd',
                    { attrs: { 'data-field': name } },
                    fieldValue(context, definition, record, name, false)
                )
            ])
        ),
        relatedTypes.length > 0
            ? h(
                  'div',
                  { class: 'slds-m-top_large', testid: 'related-lists' },
                  ...relatedTypes.map((type) =>
                      section(
                          `Related ${context.store.catalog.get(type)?.pluralLabel ?? type}`,
                          recordTable(
                              context,
                              type,
                              related.filter((other) => other.type === type),
                              `related-${type}`
                          )
                      )
                  )
              )
            : ''
    );
}
