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

const CHANNEL_FIX =
    'Check the Softphone_Message__c message channel is deployed with the package (Setup → Installed Packages), and that the Click to Dial or Call Log component is on the Lightning record pages (Lightning App Builder).';

export function checkLms(facts: LmsFacts): CheckResult {
    const title = 'Lightning message channel';
    if (!facts.subscribed) {
        return {
            id: 'lms',
            title,
            status: 'fail',
            summary: `The softphone is not subscribed to the Softphone_Message__c channel${facts.echo.ok ? '' : ` (${facts.echo.message})`}: the Click to Dial and Call Log components cannot reach it.`,
            fix: CHANNEL_FIX
        };
    }
    if (!facts.echo.ok) {
        return {
            id: 'lms',
            title,
            status: 'fail',
            summary: `A message the softphone published did not come back on the channel (${facts.echo.message}): the components may not receive call updates.`,
            fix: CHANNEL_FIX
        };
    }
    if (facts.lastComponentCommand === undefined) {
        return {
            id: 'lms',
            title,
            status: 'warn',
            summary:
                'The channel works, but no Click to Dial or Call Log component has spoken to the softphone since it started.',
            fix: 'Open a record page with the Click to Dial or Call Log component (add it in Lightning App Builder if it is not there), then run the check again.'
        };
    }
    return {
        id: 'lms',
        title,
        status: 'pass',
        summary: `The channel delivers messages, and a component reached the softphone (last: ${facts.lastComponentCommand}).`
    };
}
