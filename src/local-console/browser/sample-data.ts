import type { FieldValue } from './object-catalog';

/**
 * Reads sample data in the `sf data tree` format: a plan (`sample-data-plan.json`, a list of
 * `{ sobject, saveRefs, resolveRefs, files }`) and record files
 * (`{ records: [{ attributes: { type, referenceId }, Field: value, … }] }`). Values written
 * `@SomeRef` point at a record saved earlier by reference id.
 */
export interface SeedRecord {
    readonly type: string;
    readonly referenceId: string;
    readonly fields: Readonly<Record<string, FieldValue>>;
    /** Remember this record's id under its reference id (the plan step's saveRefs). */
    readonly saveRef: boolean;
    /** Replace `@Ref` values with saved ids (the plan step's resolveRefs). */
    readonly resolveRefs: boolean;
}

export interface PlanStep {
    readonly sobject: string;
    readonly saveRefs: boolean;
    readonly resolveRefs: boolean;
    readonly files: readonly string[];
}

export type Parsed<T> =
    { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const fileNamePattern = /^[A-Za-z0-9_.-]+\.json$/;

export function parsePlan(raw: unknown): Parsed<PlanStep[]> {
    if (!Array.isArray(raw)) {
        return { ok: false, error: 'the plan is not a list of steps' };
    }
    const steps: PlanStep[] = [];
    for (const [index, step] of raw.entries()) {
        if (
            !isRecord(step) ||
            typeof step['sobject'] !== 'string' ||
            !Array.isArray(step['files']) ||
            !step['files'].every((file) => typeof file === 'string' && fileNamePattern.test(file))
        ) {
            return { ok: false, error: `plan step ${index + 1} needs sobject and files (*.json)` };
        }
        steps.push({
            sobject: step['sobject'],
            saveRefs: step['saveRefs'] === true,
            resolveRefs: step['resolveRefs'] === true,
            files: step['files'] as string[]
        });
    }
    return { ok: true, value: steps };
}

export function parseRecordFile(
    raw: unknown,
    step: PlanStep,
    fileName: string
): Parsed<SeedRecord[]> {
    if (!isRecord(raw) || !Array.isArray(raw['records'])) {
        return { ok: false, error: `${fileName}: no "records" list` };
    }
    const records: SeedRecord[] = [];
    for (const [index, record] of raw['records'].entries()) {
        const where = `${fileName} record ${index + 1}`;
        if (!isRecord(record) || !isRecord(record['attributes'])) {
            return { ok: false, error: `${where}: no attributes` };
        }
        const { type, referenceId } = record['attributes'];
        if (type !== step.sobject || typeof referenceId !== 'string' || referenceId === '') {
            return {
                ok: false,
                error: `${where}: attributes need type ${step.sobject} and a referenceId`
            };
        }
        const fields: Record<string, FieldValue> = {};
        for (const [name, value] of Object.entries(record)) {
            if (name === 'attributes') {
                continue;
            }
            if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
                return { ok: false, error: `${where}: ${name} is not a plain value` };
            }
            fields[name] = value as FieldValue;
        }
        records.push({
            type,
            referenceId,
            fields,
            saveRef: step.saveRefs,
            resolveRefs: step.resolveRefs
        });
    }
    return { ok: true, value: records };
}

/** Loads the plan and its files through `readJson` (fetch in the browser, fs in tests). */
export async function loadSampleData(
    readJson: (fileName: string) => Promise<unknown>,
    planFile = 'sample-data-plan.json'
): Promise<Parsed<SeedRecord[]>> {
    const plan = parsePlan(await readJson(planFile));
    if (!plan.ok) {
        return plan;
    }
    const seeds: SeedRecord[] = [];
    for (const step of plan.value) {
        for (const file of step.files) {
            const parsed = parseRecordFile(await readJson(file), step, file);
            if (!parsed.ok) {
                return parsed;
            }
            seeds.push(...parsed.value);
        }
    }
    return { ok: true, value: seeds };
}
