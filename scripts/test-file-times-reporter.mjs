// A node:test reporter for `npm test`'s browser step: how long each test file's suites took,
// written once the run ends as one JSON object { "<file>": seconds } (the top-level suites'
// durations summed per file). run-checks.mjs prints them per part and starts the longest files
// first next time.
export default async function* testFileTimes(source) {
    const seconds = {};
    for await (const event of source) {
        const { type, data } = event;
        if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0 && data.file) {
            seconds[data.file] = (seconds[data.file] ?? 0) + data.details.duration_ms / 1000;
        }
    }
    yield `${JSON.stringify(seconds)}\n`;
}
