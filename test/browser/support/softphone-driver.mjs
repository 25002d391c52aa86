// What an agent does in the softphone (inside the console's iframe), as test steps.

export const SAMPLE = {
    mariaLopez: { id: '003000000000001AAA', number: '+14155550101' },
    robertHayes: { id: '003000000000008AAA', name: 'Robert Hayes', number: '650.555.0131' },
    unknownNumber: '+12125550199'
};

/** How long the simulator's callee takes to answer (answerMs in simulator-delays.ts). */
const SIMULATOR_ANSWER_MS = 1500;

export function softphoneDriver(session) {
    const frame = session.softphone();
    const button = (name) => frame.getByRole('button', { name, exact: true });
    return {
        frame,
        button,
        async ring(testId) {
            await session.page.getByTestId(testId).click();
            await frame.getByText('Incoming call', { exact: false }).first().waitFor();
        },
        async answer() {
            await button('Answer').first().click();
            await this.waitForCallState('Connected');
        },
        /** Waits for a call panel to read e.g. "Connected · 00:03" or "On hold · 00:10". */
        async waitForCallState(label) {
            await frame
                .locator('.softphone-call__status', { hasText: new RegExp(`^${label}\\b`) })
                .first()
                .waitFor();
        },
        /**
         * Waits until the callee answers the call the agent placed. In a console with a fake clock
         * (`fakeClock`), the simulator's ring time runs on it once the call is placed, instead of
         * in real time: for tests about what follows the answer, not about how long it takes.
         */
        async waitForAnswer() {
            if (session.clock) {
                await frame
                    .locator('.softphone-call__status', { hasText: /^(Calling|Connected)\b/ })
                    .first()
                    .waitFor();
                await session.clock.runFor(SIMULATOR_ANSWER_MS);
            }
            await this.waitForCallState('Connected');
        },
        /** Declines the ringing call and waits until the softphone has no ringing call left. */
        async decline() {
            await button('Decline').first().click();
            await button('Answer').first().waitFor({ state: 'detached' });
        },
        async hangupAndWrapUp({ disposition, notes } = {}) {
            await button('Hang up').click();
            await frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
            if (disposition !== undefined) {
                await frame.getByLabel('Disposition').selectOption(disposition);
                await frame.getByLabel('Notes').fill(notes ?? '');
                await button('Save').click();
            }
            await button('Done').click();
            await frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
        },
        async agentState() {
            return frame.getByLabel('Status').inputValue();
        }
    };
}

/** Polls the console's record store until `predicate(records)` holds; returns the records. */
export async function waitForRecords(session, type, predicate, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const records = await session.hook((t) => window.localConsole.records(t), type);
        if (predicate(records)) {
            return records;
        }
        if (Date.now() > deadline) {
            throw new Error(
                `${type} records never matched; last: ${JSON.stringify(records).slice(0, 2000)}`
            );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}
