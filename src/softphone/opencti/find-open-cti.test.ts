import { connectOpenCti, findOpenCti } from './find-open-cti';
import { openCtiNotLoadedMessage } from './opencti-error';
import { OpenCtiHost } from './opencti-host';
import { FakeOpenCti } from './test-support/fake-open-cti';

describe('findOpenCti', () => {
    it('finds sforce.opencti on the window', () => {
        const opencti = new FakeOpenCti();
        expect(findOpenCti({ sforce: { opencti } })).toBe(opencti);
    });

    it.each([
        ['no window', undefined],
        ['no sforce', {}],
        ['sforce without opencti (e.g. only sforce.one)', { sforce: { one: {} } }],
        ['opencti that is not an object', { sforce: { opencti: 'loaded' } }],
        ['an object without Open CTI methods', { sforce: { opencti: { foo: () => 1 } } }]
    ])('returns undefined with %s', (_label, win) => {
        expect(findOpenCti(win)).toBeUndefined();
    });
});

describe('connectOpenCti', () => {
    it('returns a host when the library is present', () => {
        const connection = connectOpenCti({ sforce: { opencti: new FakeOpenCti() } });
        expect(connection.ok && connection.host).toBeInstanceOf(OpenCtiHost);
    });

    it('returns an admin-facing error when the library did not load', () => {
        const connection = connectOpenCti({});
        expect(connection.ok).toBe(false);
        if (!connection.ok) {
            expect(connection.error.reason).toBe('unavailable');
            expect(connection.error.message).toBe(openCtiNotLoadedMessage());
            expect(connection.error.message).toBe(
                "The Open CTI library did not load: check the Call Center's adapter URL and that the page runs inside Salesforce Lightning"
            );
        }
    });
});
