import { softphoneMessageChannel } from '../../shared/console-constants';
import type { EntryLog, LmsEntry } from '../console-logs';
import type { OpenCtiHost } from '../opencti-host';
import type { RecordStore } from '../record-store';
import { button, card, field, h, timeOf } from './dom';
import { mountLogList } from './log-list';

/**
 * The LWC side of the LMS channel: every message on Softphone_Message__c, both directions, and a
 * composer that publishes commands as an LWC would (`{ version: 1, type, requestId, payload }`).
 */
export function lmsPanel(
    host: OpenCtiHost,
    log: EntryLog<LmsEntry>,
    store: RecordStore
): HTMLElement {
    let sequence = 0;
    const list = h('div', { class: 'lc-log', testid: 'lms-log', attrs: { 'aria-live': 'polite' } });
    const textarea = h('textarea', {
        class: 'slds-textarea lc-textarea',
        testid: 'lms-message',
        attrs: { spellcheck: 'false' }
    });
    const error = h('div', {
        class: 'slds-text-color_error',
        testid: 'lms-error',
        attrs: { role: 'alert' }
    });
    const maria = store
        .all()
        .find((record) => record.type === 'Contact' && store.nameOf(record) === 'Maria Lopez');

    const lastCallId = (): string => {
        const entries = [...log.entries()].reverse();
        for (const entry of entries) {
            const found = findCallId(entry.message);
            if (found) {
                return found;
            }
        }
        return 'CALL_ID';
    };

    const presets: Record<string, () => Record<string, unknown>> = {
        ping: () => ({}),
        dial: () => ({
            number:
                typeof maria?.values['Phone'] === 'string' ? maria.values['Phone'] : '+14155550101',
            ...(maria
                ? {
                      recordId: String(maria.values['Id']),
                      objectType: 'Contact',
                      recordName: store.nameOf(maria)
                  }
                : {})
        }),
        answer: () => ({}),
        hangup: () => ({}),
        hold: () => ({}),
        resume: () => ({}),
        mute: () => ({ muted: true }),
        setDisposition: () => ({
            callId: lastCallId(),
            disposition: 'Resolved',
            notes: 'Logged from the local console'
        }),
        // The call bar's commands (issue 18):
        getState: () => ({}),
        decline: () => ({}),
        setAgentState: () => ({ state: 'Available' }),
        sendDtmf: () => ({ digits: '1' }),
        completeWrapUp: () => ({ callId: lastCallId() })
    };

    const fill = (type: string) => {
        sequence += 1;
        const payload = presets[type]?.() ?? {};
        textarea.value = JSON.stringify(
            { version: 1, type, requestId: `lc-${sequence}`, payload },
            null,
            2
        );
        error.textContent = '';
    };

    const send = () => {
        let message: unknown;
        try {
            message = JSON.parse(textarea.value);
        } catch (problem) {
            error.textContent = `Not JSON: ${String(problem)}`;
            return;
        }
        error.textContent = '';
        host.publishFromConsole(softphoneMessageChannel, message);
    };

    const presetSelect = h(
        'select',
        {
            class: 'slds-select',
            testid: 'lms-preset',
            on: { change: () => fill(presetSelect.value) }
        },
        ...Object.keys(presets).map((type) => h('option', { attrs: { value: type } }, type))
    );
    const echo = h('input', {
        testid: 'lms-echo',
        attrs: { type: 'checkbox', id: 'lc-lms-echo' },
        on: { change: () => (host.lmsEcho = echo.checked) }
    });
    echo.checked = host.lmsEcho;

    const entryView = (entry: LmsEntry) =>
        h(
            'div',
            {
                class: 'lc-log__entry',
                testid: 'lms-entry',
                attrs: { 'data-direction': entry.direction }
            },
            h(
                'div',
                { class: 'lc-log__meta' },
                `${timeOf(entry.at)}  ${entry.direction === 'fromSoftphone' ? 'softphone → LWC' : 'LWC → softphone'}  ${entry.channelName}` +
                    (entry.direction === 'toSoftphone'
                        ? `  (delivered to ${entry.delivered} subscription${entry.delivered === 1 ? '' : 's'})`
                        : '')
            ),
            JSON.stringify(entry.message)
        );
    mountLogList(list, log, entryView, 'No messages yet.');
    fill('ping');

    return card(
        `LMS — ${softphoneMessageChannel}`,
        'lms-panel',
        list,
        h(
            'div',
            { class: 'slds-m-top_small' },
            h(
                'div',
                { class: 'lc-inline' },
                field('Preset', presetSelect),
                button('Send as LWC', 'lms-send', send, 'brand')
            ),
            field('Message', textarea),
            error,
            h(
                'div',
                { class: 'slds-checkbox slds-m-top_x-small' },
                echo,
                h(
                    'label',
                    { class: 'slds-checkbox__label', attrs: { for: echo.id } },
                    h('span', { class: 'slds-checkbox_faux' }),
                    h(
                        'span',
                        { class: 'slds-form-element__label' },
                        "Deliver the softphone's own messages to its subscriptions (as LMS does)"
                    )
                )
            ),
            h(
                'div',
                { class: 'slds-m-top_x-small' },
                button('Clear log', 'lms-clear', () => log.clear())
            )
        )
    );
}

function findCallId(value: unknown, depth = 0): string | undefined {
    if (depth > 4 || typeof value !== 'object' || value === null) {
        return undefined;
    }
    const record = value as Record<string, unknown>;
    if (typeof record['callId'] === 'string') {
        return record['callId'];
    }
    for (const child of Object.values(record)) {
        const found = findCallId(child, depth + 1);
        if (found) {
            return found;
        }
    }
    return undefined;
}
