import { label } from '../i18n';
import type { CheckResult } from './check-result';

/**
 * What the LMS probe saw. The message contract has LWCs ping the softphone (the softphone pongs),
 * not the other way round, so the probe shows: the subscription, a published state event coming
 * back on the channel (LMS delivers to every subscriber), and the last command an LWC sent.
 */
export interface LmsFacts {
    readonly subscribed: boolean;
    /** The state event came back on the channel within the wait; a message when it did not. */
    readonly echo: { readonly ok: true } | { readonly ok: false; readonly message: string };
    /** The last command from a component (e.g. 'ping' from Click to Dial), if any since start. */
    readonly lastComponentCommand?: string;
}

export function checkLms(facts: LmsFacts): CheckResult {
    const title = label('Softphone_Setup_Channel_Title');
    if (!facts.subscribed) {
        return {
            id: 'lms',
            title,
            status: 'fail',
            summary: facts.echo.ok
                ? label('Softphone_Setup_Channel_Not_Subscribed')
                : label('Softphone_Setup_Channel_Not_Subscribed_Because', facts.echo.message),
            fix: label('Softphone_Setup_Channel_Fix')
        };
    }
    if (!facts.echo.ok) {
        return {
            id: 'lms',
            title,
            status: 'fail',
            summary: label('Softphone_Setup_Channel_No_Echo', facts.echo.message),
            fix: label('Softphone_Setup_Channel_Fix')
        };
    }
    if (facts.lastComponentCommand === undefined) {
        return {
            id: 'lms',
            title,
            status: 'warn',
            summary: label('Softphone_Setup_Channel_No_Component'),
            fix: label('Softphone_Setup_Channel_No_Component_Fix')
        };
    }
    return {
        id: 'lms',
        title,
        status: 'pass',
        summary: label('Softphone_Setup_Channel_Works', facts.lastComponentCommand)
    };
}
