import { label } from '../i18n';
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

export function checkStorage(facts: BrowserFacts): CheckResult {
    return facts.outboxDurable
        ? {
              id: 'storage',
              title: label('Softphone_Setup_Storage_Title'),
              status: 'pass',
              summary: label('Softphone_Setup_Storage_Durable')
          }
        : {
              id: 'storage',
              title: label('Softphone_Setup_Storage_Title'),
              status: 'fail',
              summary: label('Softphone_Setup_Storage_Memory'),
              fix: label('Softphone_Setup_Browser_Fix')
          };
}

export function checkTabs(facts: BrowserFacts): CheckResult {
    const missing = [
        // i18n-exempt: the browser API's name
        ...(facts.webLocks ? [] : ['Web Locks']),
        ...(facts.broadcastChannel ? [] : ['BroadcastChannel'])
    ];
    return missing.length === 0
        ? {
              id: 'tabs',
              title: label('Softphone_Setup_Tabs_Title'),
              status: 'pass',
              summary: label('Softphone_Setup_Tabs_Shared')
          }
        : {
              id: 'tabs',
              title: label('Softphone_Setup_Tabs_Title'),
              status: 'warn',
              summary: label('Softphone_Setup_Tabs_Missing', missing.join(', ')),
              fix: label('Softphone_Setup_Browser_Fix')
          };
}

export function checkNotifications(facts: BrowserFacts): CheckResult {
    const title = label('Softphone_Setup_Notifications_Title');
    switch (facts.notifications) {
        case 'granted':
            return {
                id: 'notifications',
                title,
                status: 'pass',
                summary: label('Softphone_Setup_Notifications_Granted')
            };
        case 'default':
            return {
                id: 'notifications',
                title,
                status: 'warn',
                summary: label('Softphone_Setup_Notifications_Default'),
                fix: label(
                    'Softphone_Setup_Notifications_Default_Fix',
                    label('Softphone_Turn_On_Notifications'),
                    label('Softphone_Ringtone_And_Notifications')
                )
            };
        case 'denied':
            return {
                id: 'notifications',
                title,
                status: 'warn',
                summary: label('Softphone_Setup_Notifications_Denied'),
                fix: label('Softphone_Setup_Notifications_Denied_Fix')
            };
        case 'unsupported':
            return {
                id: 'notifications',
                title,
                status: 'warn',
                summary: label('Softphone_Setup_Notifications_Unsupported'),
                fix: label('Softphone_Setup_Browser_Fix')
            };
    }
}
