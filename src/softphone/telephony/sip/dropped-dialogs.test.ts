import { DroppedDialogs } from './dropped-dialogs';
import type { SipSession, SipSessionListener } from './sip-user-agent';

function fakeSession(sipCallId: string, terminate: () => void = () => undefined) {
    const state: { listener?: SipSessionListener; terminated: number } = { terminated: 0 };
    const session = {
        sipCallId,
        setListener: (listener: SipSessionListener) => {
            state.listener = listener;
        },
        terminate: () => {
            state.terminated += 1;
            terminate();
        }
    } as unknown as SipSession;
    return { session, state };
}

describe('DroppedDialogs', () => {
    it('sends one BYE per kept dialog when the transport is back, and forgets them', () => {
        const logs: string[] = [];
        const dialogs = new DroppedDialogs((_level, message) => logs.push(message));
        const a = fakeSession('a@pbx');
        const b = fakeSession('b@pbx');
        dialogs.keep('call-1', a.session);
        dialogs.keep('call-2', b.session);
        expect(dialogs.size).toBe(2);

        dialogs.endAll();
        dialogs.endAll();

        expect([a.state.terminated, b.state.terminated]).toEqual([1, 1]);
        expect(dialogs.size).toBe(0);
        expect(logs).toEqual([
            'Ending a call dropped with the connection: BYE to the far end.',
            'Ending a call dropped with the connection: BYE to the far end.'
        ]);
    });

    it('forgets a dialog the far end ended meanwhile, and only on its end', () => {
        const dialogs = new DroppedDialogs(() => undefined);
        const a = fakeSession('a@pbx');
        dialogs.keep('call-1', a.session);
        a.state.listener?.({ type: 'confirmed' });
        expect(dialogs.size).toBe(1);
        a.state.listener?.({ type: 'ended', end: { originator: 'remote', cause: 'BYE' } });
        a.state.listener?.({ type: 'failed', end: { originator: 'remote', cause: 'BYE' } });
        dialogs.endAll();
        expect(a.state.terminated).toBe(0);
    });

    it('survives a session that is already over', () => {
        const logs: string[] = [];
        const dialogs = new DroppedDialogs((_level, message) => logs.push(message));
        const broken = fakeSession('a@pbx', () => {
            throw new Error('INVALID_STATE_ERROR');
        });
        const odd = fakeSession('b@pbx', () => {
            throw 'gone';
        });
        dialogs.keep('call-1', broken.session);
        dialogs.keep('call-2', odd.session);
        expect(() => dialogs.endAll()).not.toThrow();
        expect(logs).toContain('The dropped SIP session was already over.');
    });
});
