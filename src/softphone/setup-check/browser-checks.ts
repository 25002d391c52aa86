import type { CheckResult } from './check-result';

/** What the browser offers the softphone, read by the probes in this frame. */
export interface BrowserFacts {
    /** The call log's outbox: IndexedDB (survives a reload) or memory only. */
    readonly outboxDurable: boolean;
    readonly webLocks: boolean;
    readonly broadcastChannel: boolean;
    /** Notification.permission, or 'unsupported' where the frame has no Notification. */
    readonly notifications: NotificationPermission | 'unsupported';
}

const BROWSER_FIX =
    'Use a current Chrome, Edge, Firefox or Safari, outside private browsing, and ask IT whether a browser policy blocks site storage for Salesforce.';

export function checkStorage(facts: BrowserFacts): CheckResult {
    return facts.outboxDurable
        ? {
              id: 'storage',
              title: 'Call log storage',
              status: 'pass',
              summary:
                  'Call logs wait in IndexedDB until Salesforce saves them: a reload loses none.'
          }
        : {
              id: 'storage',
              title: 'Call log storage',
              status: 'fail',
              summary:
                  'IndexedDB is not available, so call logs wait in memory only: a reload or a crash before Salesforce saves them loses them.',
              fix: BROWSER_FIX
          };
}

export function checkTabs(facts: BrowserFacts): CheckResult {
    const missing = [
        ...(facts.webLocks ? [] : ['Web Locks']),
        ...(facts.broadcastChannel ? [] : ['BroadcastChannel'])
    ];
    return missing.length === 0
        ? {
              id: 'tabs',
              title: 'Several Salesforce tabs',
              status: 'pass',
              summary:
                  'Web Locks and BroadcastChannel are available: one tab runs the phone and the others follow it.'
          }
        : {
              id: 'tabs',
              title: 'Several Salesforce tabs',
              status: 'warn',
              summary: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not available: each Salesforce tab runs its own softphone, so agents should keep Salesforce open in one tab only.`,
              fix: BROWSER_FIX
          };
}

export function checkNotifications(facts: BrowserFacts): CheckResult {
    const title = 'Notifications';
    switch (facts.notifications) {
        case 'granted':
            return {
                id: 'notifications',
                title,
                status: 'pass',
                summary: 'The browser may show call notifications.'
            };
        case 'default':
            return {
                id: 'notifications',
                title,
                status: 'warn',
                summary:
                    'The browser has not been allowed to show notifications yet: a call ringing while Salesforce is in the background may go unseen.',
                fix: 'Each agent presses “Turn on desktop notifications” in the softphone’s Ringtone and notifications settings and allows them when the browser asks.'
            };
        case 'denied':
            return {
                id: 'notifications',
                title,
                status: 'warn',
                summary:
                    'Notifications are blocked for Salesforce: a call ringing while Salesforce is in the background may go unseen.',
                fix: 'Allow notifications for the Salesforce site in the browser’s site settings (the icon beside the address bar), or ask IT to allow them by policy.'
            };
        case 'unsupported':
            return {
                id: 'notifications',
                title,
                status: 'warn',
                summary: 'This browser frame offers no notifications.',
                fix: BROWSER_FIX
            };
    }
}
