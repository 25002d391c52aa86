import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMetadataSchema } from '../../server/metadata-schema';
import type { MetadataSchema } from '../../shared/metadata-types';
import { buildObjectCatalog } from '../object-catalog-builder';
import { RecordStore } from '../record-store';
import { loadSampleData } from '../sample-data';

const rootDir = join(__dirname, '../../../..');

/** The project's metadata schema, read the way the server reads it. */
export function projectSchema(): MetadataSchema {
    return readMetadataSchema(join(rootDir, 'force-app/main/default'));
}

/** A store loaded with the real sample data and the real metadata, on a fixed clock. */
export async function loadedStore(): Promise<RecordStore> {
    const store = new RecordStore(
        buildObjectCatalog(projectSchema()),
        () => new Date('2026-01-15T10:00:00.000Z')
    );
    const seeds = await loadSampleData(async (file) =>
        JSON.parse(readFileSync(join(rootDir, 'data', file), 'utf8'))
    );
    if (!seeds.ok) {
        throw new Error(seeds.error);
    }
    const warnings = store.load(seeds.value);
    if (warnings.length > 0) {
        throw new Error(warnings.join('\n'));
    }
    return store;
}

export function idOf(store: RecordStore, type: string, name: string): string {
    const record = store.all().find((each) => each.type === type && store.nameOf(each) === name);
    if (!record) {
        throw new Error(`no ${type} named ${name}`);
    }
    return String(record.values['Id']);
}
