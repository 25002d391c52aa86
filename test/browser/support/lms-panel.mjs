// The console's LMS panel, as an LWC on the page would use the channel.

/** What an LWC publishes on Softphone_Message__c, sent through the console's LMS panel. */
export async function sendAsLwc(session, message) {
    await session.page.getByTestId('lms-message').fill(JSON.stringify(message));
    await session.page.getByTestId('lms-send').click();
}

/** The events of one type the softphone published in this console tab so far. */
export async function lmsEventsFromSoftphone(session, type) {
    const messages = await session.hook(() => window.localConsole.lmsMessages());
    return messages
        .filter((entry) => entry.direction === 'fromSoftphone' && entry.message.type === type)
        .map((entry) => entry.message);
}
