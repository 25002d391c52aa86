// Prints the bench rows as a plain-text table and writes them as JSON (a timestamped file and
// latest.json), so runs can be compared over time and by tools.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COLUMNS = [
    { title: 'Figure', value: (row) => row.figure },
    { title: 'Budget', value: (row) => row.budget ?? '—' },
    { title: 'Measured', value: (row) => row.measured },
    { title: 'Result', value: (row) => row.result }
];

/** A row within (≤) or over its budget; `value` and `limit` in the same unit. */
export function judged(figure, value, limit, format) {
    return {
        figure,
        budget: `≤ ${format(limit)}`,
        measured: format(value),
        value,
        limit,
        result: value <= limit ? 'pass' : 'over'
    };
}

/** A row without a budget (context for the budgeted ones). */
export function informational(figure, measured, value) {
    return { figure, measured, value, result: 'info' };
}

/** A figure that could not be measured: the bench exits non-zero. */
export function failed(figure, error) {
    const message = String(error.message ?? error).split('\n')[0];
    return { figure, measured: `not measured: ${message}`, result: 'error' };
}

export function formatTable(rows) {
    const cells = rows.map((row) => COLUMNS.map((column) => String(column.value(row))));
    const widths = COLUMNS.map((column, index) =>
        Math.max(column.title.length, ...cells.map((line) => line[index].length))
    );
    const line = (values) =>
        `| ${values.map((value, index) => value.padEnd(widths[index])).join(' | ')} |`;
    return [
        line(COLUMNS.map((column) => column.title)),
        `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
        ...cells.map(line)
    ].join('\n');
}

/** Writes test-results/bench/bench-<ISO time>.json and latest.json; returns the first path. */
export function writeReport(directory, report) {
    mkdirSync(directory, { recursive: true });
    // Colons are not allowed in file names everywhere (Windows).
    const stamp = report.startedAt.replace(/:/g, '-');
    const path = join(directory, `bench-${stamp}.json`);
    const text = `${JSON.stringify(report, null, 4)}\n`;
    writeFileSync(path, text);
    writeFileSync(join(directory, 'latest.json'), text);
    return path;
}
