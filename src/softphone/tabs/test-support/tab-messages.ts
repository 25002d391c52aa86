import { LOG_FILE_TYPE } from '../../diagnostics/log-download';
import type { SoftphoneViewModel } from '../../ui/view-model';
import type { TabMessageBody, TabMessageKind } from '../tab-protocol';

export const T0 = 1_767_225_600_000;
export const CONTACT_ID = '0035g00000AbCdEAAZ';

/** A view model that fills every part the tab protocol checks (calls, wrap-up, lists). */
export function fullViewModel(overrides: Partial<SoftphoneViewModel> = {}): SoftphoneViewModel {
    return {
        connection: { status: 'connected', connectorLabel: 'Simulator', message: 'All good' },
        agentState: 'Busy',
        agentStateOptions: ['Offline', 'Available', 'Busy', 'Break'],
        calls: [
            {
                callId: 'call-1',
                direction: 'Inbound',
                state: 'connected',
                number: '+1 415-555-0101',
                name: 'Maria Lopez',
                startedAt: T0 - 20_000,
                answeredAt: T0 - 15_000,
                muted: false,
                details: [{ label: 'Order', value: 'A-1001' }],
                controlledOnPhone: false,
                loggedTo: {
                    current: { recordId: CONTACT_ID, label: 'Maria Lopez (Contact)' },
                    options: [{ recordId: CONTACT_ID, label: 'Maria Lopez (Contact)' }]
                }
            }
        ],
        wrapUp: {
            callId: 'call-0',
            remoteLabel: 'Daniel Kim',
            outcome: 'Connected',
            durationSeconds: 42,
            disposition: '',
            notes: '',
            dispositionOptions: ['Resolved', 'Callback Requested'],
            dispositionRequired: true,
            endsAt: T0 + 30_000,
            saving: false,
            draftSaved: false,
            loggedTo: {
                options: [
                    { recordId: CONTACT_ID, label: 'Daniel Kim (Contact)' },
                    { recordId: '0015g00000AcMeRAAZ', label: 'Acme (Account)' }
                ]
            }
        },
        recentCalls: [
            {
                callId: 'call-0',
                direction: 'Outbound',
                number: '+1 415-555-0105',
                name: 'Daniel Kim',
                endedAt: T0 - 60_000,
                outcome: 'Connected',
                durationSeconds: 42
            }
        ],
        errors: [{ id: 'e1', message: 'Microphone denied', settingKey: '/connector/sipDomain' }],
        notices: [{ id: 'n1', kind: 'info', message: 'Calls are logged' }],
        simulatorControlsVisible: true,
        logStatus: { pending: 1, durable: true },
        canDial: false,
        dialBlockedReason: 'A call is live',
        ...overrides
    };
}

/** A valid body of every kind the tabs exchange. */
export const VALID_BODIES: {
    readonly [K in TabMessageKind]: Extract<TabMessageBody, { kind: K }>;
} = {
    hello: { kind: 'hello', visible: true, activeAt: T0 },
    activity: { kind: 'activity', visible: false, activeAt: 0 },
    bye: { kind: 'bye' },
    action: { kind: 'action', action: { name: 'hangup', callId: 'call-1' } },
    lmsMessage: {
        kind: 'lmsMessage',
        message: { version: 1, type: 'ping', requestId: 'req-1', payload: {} }
    },
    clickToDial: { kind: 'clickToDial', payload: { number: '+14155550101', recordId: 'x' } },
    simulator: { kind: 'simulator', message: { type: 'incoming', from: '+14155550101' } },
    logFileRequest: { kind: 'logFileRequest', requestId: 'log-1' },
    popResult: {
        kind: 'popResult',
        requestId: 'pop-1',
        result: {
            ok: true,
            related: { recordId: CONTACT_ID, objectType: 'Contact', recordName: 'Maria Lopez' },
            callerName: 'Maria Lopez'
        }
    },
    signIn: { kind: 'signIn', values: { user: 'agent1', password: 's3cret' } },
    leader: { kind: 'leader' },
    signingIn: { kind: 'signingIn', error: 'Wrong password' },
    view: { kind: 'view', model: fullViewModel() },
    lmsEvent: {
        kind: 'lmsEvent',
        message: { version: 1, type: 'pong', requestId: 'req-1', payload: {} }
    },
    session: { kind: 'session', json: '{"version":1}' },
    handover: { kind: 'handover', values: { username: 'agent', password: 's3cret' } },
    showPanel: { kind: 'showPanel' },
    refreshView: { kind: 'refreshView' },
    popRequest: { kind: 'popRequest', requestId: 'pop-1', number: '+14155550101' },
    logFile: {
        kind: 'logFile',
        requestId: 'log-1',
        file: {
            filename: 'softphone-log-2026-01-01T00-00-00.000Z.txt',
            text: 'line 1\nline 2',
            type: LOG_FILE_TYPE
        }
    }
};

export const ALL_KINDS = Object.keys(VALID_BODIES) as TabMessageKind[];

/** A body as another tab would post it: stamped with the protocol and the sender. */
export function envelope(
    body: object,
    from = 'tab-a',
    extra: Record<string, unknown> = {}
): Record<string, unknown> {
    return { ...body, protocol: 2, from, ...extra };
}
