import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRealPathInside, resolveSafePath } from './safe-path';

describe('resolveSafePath', () => {
    const root = '/srv/public';

    it.each([
        ['console.js', '/srv/public/console.js'],
        [
            'styles/salesforce-lightning-design-system.min.css',
            '/srv/public/styles/salesforce-lightning-design-system.min.css'
        ],
        [
            'icons/utility-sprite/svg/symbols.svg',
            '/srv/public/icons/utility-sprite/svg/symbols.svg'
        ],
        ['with%20space.json', '/srv/public/with space.json']
    ])('maps %s inside the root', (path, expected) => {
        expect(resolveSafePath(root, path)).toBe(expected);
    });

    it.each([
        '',
        '../secret',
        'a/../../secret',
        '%2e%2e/secret',
        '%2E%2E%2Fsecret',
        'a/%2e%2e/%2e%2e/secret',
        '..%5csecret',
        'a\\..\\..\\secret',
        'file%00.js',
        '.env',
        'a/.git/config',
        'a//b',
        'a/',
        '/etc/passwd',
        '%E0%A4%A',
        '.'
    ])('refuses %p', (path) => {
        expect(resolveSafePath(root, path)).toBeUndefined();
    });
});

describe('isRealPathInside', () => {
    let base: string;

    beforeAll(() => {
        base = mkdtempSync(join(tmpdir(), 'safe-path-'));
        mkdirSync(join(base, 'root'));
        writeFileSync(join(base, 'root', 'inside.txt'), 'ok');
        writeFileSync(join(base, 'outside.txt'), 'secret');
        symlinkSync(join(base, 'outside.txt'), join(base, 'root', 'link.txt'));
    });

    afterAll(() => rmSync(base, { recursive: true, force: true }));

    it('accepts a plain file inside the root', () => {
        expect(isRealPathInside(join(base, 'root'), join(base, 'root', 'inside.txt'))).toBe(true);
    });

    it('refuses a symbolic link that leads out of the root', () => {
        expect(isRealPathInside(join(base, 'root'), join(base, 'root', 'link.txt'))).toBe(false);
    });

    it('refuses a file that does not exist', () => {
        expect(isRealPathInside(join(base, 'root'), join(base, 'root', 'missing.txt'))).toBe(false);
    });
});
