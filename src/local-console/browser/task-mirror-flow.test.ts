import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { loadedStore } from './test-support/console-fixtures';
import { TASK_MIRROR_FLOW, TASK_MIRROR_FORMULAS, type FlowValue } from './task-mirror-flow';

const FLOW_FILE = join(
    __dirname,
    '../../../force-app/main/default/flows/Phone_Call_Task_Mirror.flow-meta.xml'
);

type Node = Record<string, unknown>;

const repeated = new Set([
    'assignments',
    'decisions',
    'rules',
    'conditions',
    'formulas',
    'recordCreates',
    'recordUpdates',
    'inputAssignments',
    'filters',
    'variables'
]);

function readFlow(): Node {
    const parser = new XMLParser({
        ignoreAttributes: true,
        parseTagValue: false,
        isArray: (name) => repeated.has(name)
    });
    return (parser.parse(readFileSync(FLOW_FILE, 'utf8')) as { Flow: Node }).Flow;
}

function named(list: unknown, name: string): Node {
    const found = (list as Node[]).find((element) => element['name'] === name);
    if (found === undefined) {
        throw new Error(`the flow has no element ${name}`);
    }
    return found;
}

/** An inputAssignments list as the player's table: field → { field } | { formula } | { text }. */
function assignments(element: Node): Record<string, FlowValue> {
    const table: Record<string, FlowValue> = {};
    for (const assignment of element['inputAssignments'] as Node[]) {
        const value = assignment['value'] as Node;
        const reference = value['elementReference'];
        const field = assignment['field'] as string;
        if (typeof reference === 'string' && reference.startsWith('$Record.')) {
            table[field] = { field: reference.slice('$Record.'.length) };
        } else if (typeof reference === 'string') {
            table[field] = { formula: reference } as FlowValue;
        } else {
            table[field] = { text: String(value['stringValue']) };
        }
    }
    return table;
}

describe('the console plays the Phone Call Task Mirror flow as its XML says', () => {
    const flow = readFlow();

    it('is a record-triggered after-save flow on Phone_Call__c filtered on Mirror_To_Task__c', () => {
        const start = flow['start'] as Node;
        expect(start['object']).toBe(TASK_MIRROR_FLOW.object);
        expect(start['triggerType']).toBe('RecordAfterSave');
        expect(start['recordTriggerType']).toBe('CreateAndUpdate');
        expect(flow['status']).toBe('Active');
        const [filter] = start['filters'] as Node[];
        expect(filter).toEqual({
            field: TASK_MIRROR_FLOW.filterField,
            operator: 'EqualTo',
            value: { booleanValue: 'true' }
        });
    });

    it('creates the Task with the same assignments', () => {
        const create = named(flow['recordCreates'], 'Create_Task');
        expect(create['object']).toBe('Task');
        expect(assignments(create)).toEqual(TASK_MIRROR_FLOW.create);
    });

    it('updates the Task with the same assignments, when the same fields change', () => {
        const update = named(flow['recordUpdates'], 'Update_Task');
        expect(update['object']).toBe('Task');
        expect(assignments(update)).toEqual(TASK_MIRROR_FLOW.update);
        const rule = named(
            named(flow['decisions'], 'New_Or_Changed_Call')['rules'],
            'Mirrored_Fields_Changed'
        );
        const changed = (rule['conditions'] as Node[])
            .filter((condition) => condition['operator'] === 'IsChanged')
            .map((condition) => String(condition['leftValueReference']).replace('$Record.', ''));
        expect(changed).toEqual([...TASK_MIRROR_FLOW.changedFields]);
    });

    it('links the Task in Task_Id__c', () => {
        const link = named(flow['recordUpdates'], 'Link_Task');
        expect(link['object']).toBe('Phone_Call__c');
        expect(assignments(link)).toEqual({ Task_Id__c: { formula: 'TaskId' } });
    });

    it('evaluates the same formulas', () => {
        const formulas = Object.fromEntries(
            (flow['formulas'] as Node[]).map((formula) => [formula['name'], formula['expression']])
        );
        expect(formulas).toEqual(
            Object.fromEntries(
                Object.entries(TASK_MIRROR_FORMULAS).map(([name, formula]) => [
                    name,
                    formula.expression
                ])
            )
        );
    });
});

describe('the played flow over the record store', () => {
    const contactId = '003000000000001AAA';

    async function storeWithCall(fields: Record<string, unknown> = {}) {
        const store = await loadedStore();
        const accountId = String(
            store.all().find((record) => record.type === 'Account')?.values['Id']
        );
        const value = {
            Provider_Call_Id__c: 'sim-flow-1',
            Direction__c: 'Inbound',
            From_Number__c: '+14155550101',
            Started__c: '2026-01-15T09:58:00.000Z',
            Duration_Seconds__c: 42,
            Contact__c: contactId,
            Related_Record_Id__c: contactId,
            Mirror_To_Task__c: true,
            ...fields
        };
        const created = store.create('Phone_Call__c', value);
        if (!created.ok) {
            throw new Error(created.error.message);
        }
        return { store, id: created.id, value, accountId };
    }

    it('creates one Task with the call, linked in Task_Id__c', async () => {
        const { store, id } = await storeWithCall();
        const tasks = store.list('Task');
        expect(tasks).toHaveLength(1);
        expect(tasks[0]).toMatchObject({
            Subject: 'Inbound call from +14155550101',
            TaskSubtype: 'Call',
            CallType: 'Inbound',
            CallDurationInSeconds: 42,
            CallObject: 'sim-flow-1',
            Status: 'Completed',
            ActivityDate: '2026-01-15',
            WhoId: contactId
        });
        expect(store.get(id)?.values['Task_Id__c']).toBe(tasks[0]?.Id);
    });

    it('makes no second Task when the same call is saved again (duplicate, then update)', async () => {
        const { store, id, value } = await storeWithCall();
        expect(store.create('Phone_Call__c', value)).toMatchObject({ ok: false });
        store.update(id, { ...value, Mirror_To_Task__c: true });
        expect(store.list('Task')).toHaveLength(1);
    });

    it('copies the disposition, notes and a move to another record onto the Task', async () => {
        const { store, id, accountId } = await storeWithCall();
        store.update(id, { Disposition__c: 'Resolved', Notes__c: 'Called back' });
        store.update(id, {
            Contact__c: null,
            Account__c: accountId,
            Related_Record_Id__c: accountId
        });
        const [task] = store.list('Task');
        expect(task).toMatchObject({
            CallDisposition: 'Resolved',
            Description: 'Called back',
            WhatId: accountId,
            WhoId: null
        });
    });

    it('does nothing without Mirror_To_Task__c, and names an outbound call by its To number', async () => {
        const { store } = await storeWithCall({ Mirror_To_Task__c: false });
        expect(store.list('Task')).toHaveLength(0);
        const outbound = store.create('Phone_Call__c', {
            Provider_Call_Id__c: 'sim-flow-2',
            Direction__c: 'Outbound',
            Duration_Seconds__c: 0,
            Mirror_To_Task__c: true
        });
        expect(outbound.ok).toBe(true);
        expect(store.list('Task')[0]).toMatchObject({
            Subject: 'Outbound call to an unknown number',
            ActivityDate: '2026-01-15'
        });
    });
});
