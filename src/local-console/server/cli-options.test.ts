import { parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
    it('defaults to port 5173', () => {
        expect(parseCliOptions([], {})).toEqual({ ok: true, options: { port: 5173 } });
    });

    it('takes PORT, and --port over PORT', () => {
        expect(parseCliOptions([], { PORT: '8080' })).toEqual({
            ok: true,
            options: { port: 8080 }
        });
        expect(parseCliOptions(['--port', '0'], { PORT: '8080' })).toEqual({
            ok: true,
            options: { port: 0 }
        });
        expect(parseCliOptions(['--port=9000'], {})).toEqual({ ok: true, options: { port: 9000 } });
    });

    it('takes the folders', () => {
        expect(
            parseCliOptions(['--pages-dir', '/tmp/pages', '--static-resources-dir=/tmp/res'], {})
        ).toEqual({
            ok: true,
            options: { port: 5173, pagesDir: '/tmp/pages', staticResourcesDir: '/tmp/res' }
        });
    });

    it('takes --cache-static-resources, a flag without a value', () => {
        expect(parseCliOptions(['--cache-static-resources'], {})).toEqual({
            ok: true,
            options: { port: 5173, cacheStaticResources: true }
        });
    });

    it.each([
        [['--cache-static-resources=yes'], /Unknown option --cache-static-resources=yes/],
        [['--port', 'abc'], /--port must be a port number/],
        [['--port', '70000'], /--port must be a port number/],
        [['--port'], /--port must be a port number/],
        [['--pages-dir'], /--pages-dir needs a folder/],
        [['--verbose'], /Unknown option --verbose/]
    ])('refuses %p', (argv, message) => {
        const result = parseCliOptions(argv, {});
        expect(result.ok).toBe(false);
        expect(result.ok ? '' : result.message).toMatch(message);
    });

    it('refuses a bad PORT', () => {
        expect(parseCliOptions([], { PORT: 'x' })).toEqual({
            ok: false,
            message: 'PORT must be a port number from 0 to 65535 (got "x")'
        });
    });
});
