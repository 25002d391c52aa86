// The admin guide documents exactly the settings the shipped Call Center declares and those only the
// Softphone Settings custom setting carries, with the labels admins see in Setup, the values the
// package ships as defaults and the custom-setting field that overrides each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPageOverrides } from '../checks/rule-setting-overrides.mjs';
import { childrenNamed, childText, readXmlRoot } from '../checks/xml-tree.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const callCenterFile = join(
    repoRoot,
    'force-app/main/default/callCenters/OpenCtiSoftphone.callCenter-meta.xml'
);
const guide = readFileSync(join(repoRoot, 'docs', 'admin-guide.md'), 'utf8');
const overrides = readPageOverrides(
    readFileSync(join(repoRoot, 'force-app/main/default/pages/Softphone.page'), 'utf8')
).overrides;

/** Map<'section/item', { label, value }> from the call center definition. */
function declaredSettings() {
    const settings = new Map();
    for (const section of childrenNamed(readXmlRoot(callCenterFile), 'sections')) {
        for (const item of childrenNamed(section, 'items')) {
            settings.set(`${childText(section, 'name')}/${childText(item, 'name')}`, {
                label: childText(item, 'label'),
                value: childText(item, 'value') ?? ''
            });
        }
    }
    // Settings with no default are only in the custom setting.
    for (const { key } of overrides) {
        if (!settings.has(key.slice(1))) {
            settings.set(key.slice(1), { label: '—', value: '' });
        }
    }
    return settings;
}

/** Map<'section/item', { label, default, field }> from the guide's settings table. */
function documentedSettings() {
    const section = /^## Call Center settings$([\s\S]*?)^## /m.exec(guide)?.[1] ?? '';
    const rows = section
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) =>
            line
                .split('|')
                .slice(1, -1)
                .map((cell) => cell.trim())
        );
    const unquote = (cell) => (cell === '(empty)' ? '' : cell.replace(/^`(.*)`$/, '$1'));
    return new Map(
        rows.map(([setting, label, defaultValue, field]) => [
            unquote(setting),
            { label, default: unquote(defaultValue), field }
        ])
    );
}

const declared = declaredSettings();
const documented = documentedSettings();

test('the call center declares settings (the comparison is not vacuous)', () => {
    assert.ok(declared.size >= 19, `only ${declared.size} settings found`);
    assert.ok(documented.size > 0, 'no settings table under "## Call Center settings"');
});

test('every setting the call center declares is in the guide', () => {
    const missing = [...declared.keys()].filter((key) => !documented.has(key));
    assert.deepEqual(missing, [], `add these to docs/admin-guide.md: ${missing.join(', ')}`);
});

test('the guide names no setting the call center lacks', () => {
    const inTable = [...documented.keys()].filter((key) => !declared.has(key));
    // Anywhere in the guide, a `section/item` in code quotes must be a real setting.
    const mentioned = [...guide.matchAll(/`([A-Za-z][A-Za-z0-9]*\/[A-Za-z][A-Za-z0-9]*)`/g)]
        .map((match) => match[1])
        .filter((key) => !declared.has(key));
    assert.deepEqual([...new Set([...inTable, ...mentioned])], []);
});

test('the guide shows each setting with its Setup label and shipped default', () => {
    for (const [key, { label, value }] of declared) {
        const row = documented.get(key);
        assert.equal(row?.label, label, `${key}: label`);
        assert.equal(row?.default, value, `${key}: default`);
    }
});

test('the guide names the Softphone Settings field that overrides each setting', () => {
    for (const { key, fieldName } of overrides) {
        assert.match(
            documented.get(key.slice(1))?.field ?? '',
            new RegExp(`\\(\`${fieldName}\`\\)$`),
            key
        );
    }
    const overridable = new Set(overrides.map(({ key }) => key.slice(1)));
    for (const [key, { field }] of documented) {
        if (!overridable.has(key)) {
            assert.equal(field, 'not overridable', key);
        }
    }
});
