import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMarkerRecord, soqlString } from './sample-data.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test("the project's sample data plan has a marker record to look for before importing", () => {
    const marker = findMarkerRecord(repoRoot);

    assert.equal(typeof marker.sobject, 'string');
    assert.ok(marker.name.length > 0);
});

test('SOQL string literals escape quotes and backslashes', () => {
    assert.equal(soqlString("O'Brien \\ Sons"), "'O\\'Brien \\\\ Sons'");
});
