import { uiApiFaultNames } from '../../lwc-runtime/ui-api-faults';
import type { ActivityEntry, EntryLog, FaultSettings } from '../console-logs';
import { button, card, field, h, timeOf } from './dom';
import { mountLogList } from './log-list';

/** saveLog fault injection, reloading the softphone and resetting the data. */
export function faultPanel(
    faults: FaultSettings,
    actions: { reloadSoftphone: () => void; closeSoftphone: () => void; resetData: () => void }
): HTMLElement {
    const rate = h('input', {
        class: 'slds-input',
        testid: 'fault-failure-rate',
        attrs: { type: 'number', min: '0', max: '100', step: '1' },
        on: {
            input: () => {
                faults.saveLogFailureRate = clamp(Number(rate.value), 0, 100);
            }
        }
    });
    rate.value = String(faults.saveLogFailureRate);
    const latency = h('input', {
        class: 'slds-input',
        testid: 'fault-latency',
        attrs: { type: 'number', min: '0', max: '60000', step: '100' },
        on: {
            input: () => {
                faults.saveLogLatencyMs = clamp(Number(latency.value), 0, 60000);
            }
        }
    });
    latency.value = String(faults.saveLogLatencyMs);
    const uiApiFaults = faults.uiApiFaults ?? new Set<string>();
    const uiApiToggles = uiApiFaultNames.map((name) => {
        const toggle = h('input', {
            testid: 'fault-ui-api',
            attrs: { type: 'checkbox', id: `lc-fault-ui-api-${name}`, 'data-name': name },
            on: {
                change: () => {
                    if (toggle.checked) {
                        uiApiFaults.add(name);
                    } else {
                        uiApiFaults.delete(name);
                    }
                }
            }
        });
        toggle.checked = uiApiFaults.has(name);
        return h(
            'div',
            { class: 'slds-checkbox' },
            toggle,
            h(
                'label',
                { class: 'slds-checkbox__label', attrs: { for: toggle.id } },
                h('span', { class: 'slds-checkbox_faux' }),
                h('span', { class: 'slds-form-element__label' }, name)
            )
        );
    });
    return card(
        'Faults and data',
        'fault-panel',
        h(
            'div',
            { class: 'lc-inline' },
            field('saveLog failure rate (%)', rate),
            field('saveLog latency (ms)', latency)
        ),
        h(
            'fieldset',
            { class: 'slds-m-top_small', testid: 'fault-ui-api-group' },
            h('legend', { class: 'slds-form-element__label' }, 'UI API failures (record pages)'),
            h('div', { class: 'lc-buttons' }, ...uiApiToggles)
        ),
        h(
            'div',
            { class: 'slds-m-top_small lc-inline' },
            button('Reload softphone', 'reload-softphone', actions.reloadSoftphone),
            button('Close softphone', 'close-softphone', actions.closeSoftphone),
            button('Reset data', 'reset-data', actions.resetData, 'destructive')
        )
    );
}

function clamp(value: number, min: number, max: number): number {
    return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

/** Every Open CTI call the softphone made, simulator message sent and console event. */
export function activityPanel(log: EntryLog<ActivityEntry>): HTMLElement {
    const list = h('div', { class: 'lc-log', testid: 'activity-log' });
    const entryView = (entry: ActivityEntry) =>
        h(
            'div',
            {
                class: 'lc-log__entry',
                testid: 'activity-entry',
                attrs: {
                    'data-kind': entry.kind,
                    'data-method': entry.method,
                    title: entry.args === undefined ? undefined : JSON.stringify(entry.args)
                }
            },
            h('span', { class: 'lc-log__meta' }, `${timeOf(entry.at)}  `),
            entry.text,
            entry.response &&
                typeof entry.response === 'object' &&
                'errors' in entry.response &&
                entry.response.errors
                ? h(
                      'div',
                      { class: 'slds-text-color_error' },
                      JSON.stringify(entry.response.errors)
                  )
                : ''
        );
    mountLogList(list, log, entryView, 'Nothing yet.', 200);
    return card(
        'Open CTI activity',
        'activity-panel',
        list,
        h(
            'div',
            { class: 'slds-m-top_x-small' },
            button('Clear', 'activity-clear', () => log.clear())
        )
    );
}
