/**
 * PLAYS THE FLOW force-app/main/default/flows/Phone_Call_Task_Mirror.flow-meta.xml: the record
 * store runs this after every Phone_Call__c save, as the org runs the record-triggered
 * (after-save) flow. The tables below are the flow's assignments, formulas and triggers, and
 * task-mirror-flow.test.ts checks them against the flow's XML, so the two cannot drift.
 */
import type { FieldValue } from './object-catalog';
import type { DmlResult, StoredRecord } from './record-types';

/** What the player needs from the record store (create and update, with their checks). */
export interface FlowRecords {
    create(type: string, input: Readonly<Record<string, unknown>>): DmlResult;
    update(id: unknown, input: Readonly<Record<string, unknown>>): DmlResult;
}

type Values = Readonly<Record<string, FieldValue>>;

/** Where an assigned value comes from: a $Record field, a formula resource or a literal. */
export type FlowValue =
    | { readonly field: string }
    | { readonly formula: TaskMirrorFormula }
    | { readonly text: string };

export type TaskMirrorFormula = 'TaskSubject' | 'TaskActivityDate' | 'TaskWhoId' | 'TaskWhatId';

interface Formula {
    /** The flow's expression, verbatim. */
    readonly expression: string;
    readonly evaluate: (record: Values) => FieldValue;
}

const UNKNOWN_NUMBER = 'an unknown number';

export const TASK_MIRROR_FORMULAS: Readonly<Record<TaskMirrorFormula, Formula>> = {
    TaskSubject: {
        expression:
            "IF(ISPICKVAL({!$Record.Direction__c}, 'Inbound'), 'Inbound call from ' & BLANKVALUE({!$Record.From_Number__c}, 'an unknown number'), 'Outbound call to ' & BLANKVALUE({!$Record.To_Number__c}, 'an unknown number'))",
        evaluate: (record) =>
            record['Direction__c'] === 'Inbound'
                ? `Inbound call from ${blankValue(record['From_Number__c'], UNKNOWN_NUMBER)}`
                : `Outbound call to ${blankValue(record['To_Number__c'], UNKNOWN_NUMBER)}`
    },
    TaskActivityDate: {
        expression: 'DATEVALUE(BLANKVALUE({!$Record.Started__c}, {!$Record.CreatedDate}))',
        // DATEVALUE of a date/time is its date in GMT.
        evaluate: (record) => {
            const at = blankValue(record['Started__c'], blankValue(record['CreatedDate'], null));
            return typeof at === 'string' ? at.slice(0, 10) : null;
        }
    },
    TaskWhoId: {
        expression: 'BLANKVALUE({!$Record.Contact__c}, {!$Record.Lead__c})',
        evaluate: (record) => blankValue(record['Contact__c'], blankValue(record['Lead__c'], null))
    },
    TaskWhatId: {
        expression: 'BLANKVALUE({!$Record.Account__c}, {!$Record.Case__c})',
        evaluate: (record) => blankValue(record['Account__c'], blankValue(record['Case__c'], null))
    }
};

/** The flow, as tables: its trigger, the Task it creates and what it copies on change. */
export const TASK_MIRROR_FLOW = {
    object: 'Phone_Call__c',
    /** Start filter: the flow runs only for Phone_Call__c records with this box checked. */
    filterField: 'Mirror_To_Task__c',
    /** Create_Task: Task field ← value. */
    create: {
        ActivityDate: { formula: 'TaskActivityDate' },
        CallDisposition: { field: 'Disposition__c' },
        CallDurationInSeconds: { field: 'Duration_Seconds__c' },
        CallObject: { field: 'Provider_Call_Id__c' },
        CallType: { field: 'Direction__c' },
        Description: { field: 'Notes__c' },
        OwnerId: { field: 'OwnerId' },
        Status: { text: 'Completed' },
        Subject: { formula: 'TaskSubject' },
        TaskSubtype: { text: 'Call' },
        WhatId: { formula: 'TaskWhatId' },
        WhoId: { formula: 'TaskWhoId' }
    },
    /** Update_Task: run when one of changedFields changed on a linked Phone_Call__c. */
    update: {
        CallDisposition: { field: 'Disposition__c' },
        Description: { field: 'Notes__c' },
        WhatId: { formula: 'TaskWhatId' },
        WhoId: { formula: 'TaskWhoId' }
    },
    changedFields: ['Contact__c', 'Lead__c', 'Account__c', 'Case__c', 'Disposition__c', 'Notes__c']
} as const satisfies {
    readonly object: string;
    readonly filterField: string;
    readonly create: Readonly<Record<string, FlowValue>>;
    readonly update: Readonly<Record<string, FlowValue>>;
    readonly changedFields: readonly string[];
};

/**
 * Runs the flow for one saved record (`before` undefined: it was created). A failed Task write
 * is dropped, as the flow's fault path does: the Phone_Call__c stays saved.
 */
export function playTaskMirrorFlow(
    records: FlowRecords,
    before: StoredRecord | undefined,
    after: StoredRecord
): void {
    const flow = TASK_MIRROR_FLOW;
    const values = after.values;
    if (after.type !== flow.object || values[flow.filterField] !== true) {
        return;
    }
    const taskId = values['Task_Id__c'];
    if (before === undefined) {
        if (!isBlank(taskId)) {
            return;
        }
        const created = records.create('Task', withoutNulls(assign(flow.create, values)));
        if (created.ok) {
            records.update(values['Id'], { Task_Id__c: created.id });
        }
        return;
    }
    const changed = flow.changedFields.some(
        (field) => (before.values[field] ?? null) !== (values[field] ?? null)
    );
    if (!isBlank(taskId) && changed) {
        records.update(taskId, assign(flow.update, values));
    }
}

function assign(table: Readonly<Record<string, FlowValue>>, record: Values): Values {
    return Object.fromEntries(
        Object.entries(table).map(([field, source]) => [field, valueOf(source, record)])
    );
}

function valueOf(source: FlowValue, record: Values): FieldValue {
    if ('text' in source) {
        return source.text;
    }
    if ('field' in source) {
        return record[source.field] ?? null;
    }
    return TASK_MIRROR_FORMULAS[source.formula].evaluate(record);
}

function withoutNulls(values: Values): Values {
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

function isBlank(value: FieldValue | undefined): boolean {
    return value === undefined || value === null || value === '';
}

/** Formula BLANKVALUE: the value, or the fallback when it is blank. */
function blankValue<T extends FieldValue>(value: FieldValue | undefined, fallback: T): FieldValue {
    return isBlank(value) ? fallback : (value as FieldValue);
}
