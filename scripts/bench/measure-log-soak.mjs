/* global window */
// 1,000 answered calls with 30 % of saveLog calls failing (the console's fault injection) and
// 10 softphone reloads: every call must end up as exactly one Phone_Call__c. Calls are told
// apart by their caller number (one unknown number per call), so a log written twice shows as
// two records for one number even if the two carried different Provider_Call_Id__c values.
import { scaled } from './bench-scale.mjs';
import { soakNumber } from './measure-memory-soak.mjs';

export const LOG_SOAK_CALLS = scaled(1000);
export const SAVE_LOG_FAILURE_RATE = 30;
const RELOADS = 10;
const DRAIN_TIMEOUT_MS = 120_000;
const QUIET_MS = 3000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function phoneCalls(session) {
    return session.hook(() =>
        window.localConsole
            .records('Phone_Call__c')
            .map((record) => [record.From_Number__c, record.Provider_Call_Id__c, record.Outcome__c])
    );
}

/** The saveLog calls for the call from `number` (its create, then updates of its Id), reloads. */
function journalOf(journal, number) {
    const ids = new Set(
        journal.filter((entry) => entry.from === number && entry.ok).map((entry) => entry.returned)
    );
    const first = journal.findIndex((entry) => entry.from === number);
    return journal.filter(
        (entry, index) =>
            entry.from === number ||
            ids.has(entry.id) ||
            (entry.reload !== undefined && first !== -1 && index > first && index < first + 40)
    );
}

/**
 * Every 100th call ends with a reload: odd ones right after Done (the log still being saved,
 * or waiting for a retry), even ones while the call is connected (the next instance logs it
 * as Dropped from the session it left).
 */
export async function measureLogSoak(session, progress) {
    const numbers = Array.from({ length: LOG_SOAK_CALLS }, (_, index) => soakNumber(index));
    const segment = LOG_SOAK_CALLS / RELOADS;
    const saveLog = { succeeded: 0, failed: 0 };
    const journal = [];
    const failedReloads = [];
    const add = (tally) => {
        saveLog.succeeded += tally.succeeded;
        saveLog.failed += tally.failed;
        journal.push(...tally.saveLogs);
    };
    const started = Date.now();
    for (let reload = 1; reload <= RELOADS; reload += 1) {
        const first = (reload - 1) * segment;
        add(await session.drive('answeredCalls', numbers.slice(first, first + segment - 1)));
        const last = numbers[first + segment - 1];
        await session.drive('answeredCall', last, { leaveConnected: reload % 2 === 0 });
        await session.reload(failedReloads);
        add(await session.drive('tallySaveLogs'));
        progress(`log soak: ${first + segment}/${LOG_SOAK_CALLS} calls, ${reload} reloads`);
    }
    const callSeconds = (Date.now() - started) / 1000;

    // Wait for the outbox to drain: until every call has its record, or nothing is left to
    // retry (the missing ones are then lost), or the backoff outlasts the patience.
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    const missing = (records) => {
        const logged = new Set(records.map(([from]) => from));
        return numbers.filter((number) => !logged.has(number));
    };
    let records = await phoneCalls(session);
    while (missing(records).length > 0 && Date.now() < deadline) {
        if ((await session.drive('storedRecords')).length === 0) {
            await sleep(QUIET_MS);
            records = await phoneCalls(session);
            break;
        }
        await sleep(1000);
        add(await session.drive('tallySaveLogs'));
        records = await phoneCalls(session);
    }
    const drainSeconds = (Date.now() - started) / 1000 - callSeconds;
    // A late retry must not add a record: count again after a quiet spell.
    await sleep(QUIET_MS);
    add(await session.drive('tallySaveLogs'));
    records = await phoneCalls(session);
    const stored = await session.drive('storedRecords');

    const perNumber = new Map(numbers.map((number) => [number, 0]));
    for (const [from] of records) {
        perNumber.set(from, (perNumber.get(from) ?? 0) + 1);
    }
    const absent = missing(records).map((number) => ({
        call: numbers.indexOf(number) + 1,
        number,
        stillQueued: stored.some((text) => text.includes(number)),
        saveLogs: journalOf(journal, number)
    }));
    const outcomes = {};
    for (const [, , outcome] of records) {
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    return {
        calls: numbers.length,
        reloads: RELOADS,
        failedReloads,
        records: records.length,
        distinctProviderCallIds: new Set(records.map(([, id]) => id)).size,
        lost: absent.filter((call) => !call.stillQueued).length,
        stillQueued: absent.filter((call) => call.stillQueued).length,
        absent,
        doubled: [...perNumber.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0),
        outboxEntriesLeft: stored.length,
        strangers: records.filter(([from]) => !perNumber.has(from)).length,
        outcomes,
        saveLog,
        callSeconds,
        drainSeconds
    };
}
