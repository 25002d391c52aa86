/** Why the microphone could not be had for `action` (dial, answer), in the agent's terms. */
export function microphoneError(action: string, error: unknown): Error {
    const name = typeof error === 'object' && error !== null ? (error as Error).name : '';
    const reason =
        name === 'NotAllowedError'
            ? 'the browser was not allowed to use the microphone'
            : name === 'NotFoundError'
              ? 'no microphone was found'
              : `the microphone is not available (${errorText(error)})`;
    return new Error(`Cannot ${action}: ${reason}.`);
}

export function errorText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
