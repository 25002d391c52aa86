/**
 * The validation rule that locks a call's facts (force-app/…/Phone_Call__c/validationRules/
 * Call_Metrics_Are_Locked), evaluated from the committed XML against every write the softphone's
 * call log makes: its own writes all pass, an agent's edit of a locked field is refused, and
 * the wrap-up and the related record stay editable (issue 15, finding 7).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryOutboxStore } from './memory-outbox-store';
import { LOCKED_PHONE_CALL_FIELDS, type FieldValue, type SaveLogValue } from './phone-call-record';
import { FakeSalesforce } from './test-support/fake-salesforce';
import { ManualScheduler } from './test-support/manual-scheduler';
import {
    AGENT_ID,
    CONTACT,
    createOutboxHarness,
    endedCall,
    START
} from './test-support/outbox-fixtures';
import {
    evaluateFormula,
    fieldsCheckedForChange,
    parseFormula
} from './test-support/validation-formula';

const RULE_FILE = join(
    __dirname,
    '../../../force-app/main/default/objects/Phone_Call__c/validationRules/Call_Metrics_Are_Locked.validationRule-meta.xml'
);

function readRule(): { active: boolean; formula: string; message: string } {
    const xml = readFileSync(RULE_FILE, 'utf8');
    const element = (name: string) => {
        const match = new RegExp(`<${name}\\s*>([^]*?)</${name}>`).exec(xml);
        if (match?.[1] === undefined) {
            throw new Error(`${RULE_FILE} has no <${name}>`);
        }
        return match[1]
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&');
    };
    return {
        active: element('active') === 'true',
        formula: element('errorConditionFormula'),
        message: element('errorMessage')
    };
}

const RULE = readRule();
const FORMULA = parseFormula(RULE.formula);

function isBlank(value: FieldValue | undefined): boolean {
    return value === undefined || value === null || value === '';
}

/** A Salesforce that runs the rule on every Phone_Call__c save, as the org does. */
class SalesforceWithRule extends FakeSalesforce {
    readonly refused: SaveLogValue[] = [];

    constructor() {
        super();
        this.onCall = (value) => {
            if (!this.refuses(value)) {
                return;
            }
            this.refused.push(value);
            throw new Error(`FIELD_CUSTOM_VALIDATION_EXCEPTION: ${RULE.message}`);
        };
    }

    private refuses(value: SaveLogValue): boolean {
        if (value.entityApiName === 'Phone_Call__c') {
            return evaluateFormula(FORMULA, { isNew: true, changed: () => false });
        }
        const prior = typeof value.Id === 'string' ? this.records.get(value.Id) : undefined;
        if (prior?.entityApiName !== 'Phone_Call__c') {
            return false;
        }
        return evaluateFormula(FORMULA, {
            isNew: false,
            changed: (field) => {
                if (!(field in value)) {
                    return false;
                }
                const before = prior.fields[field];
                const after = value[field];
                return isBlank(before) ? !isBlank(after) : before !== after;
            }
        });
    }
}

function harness(overrides: { mirrorToTask?: boolean } = {}) {
    const salesforce = new SalesforceWithRule();
    const h = createOutboxHarness(
        new MemoryOutboxStore(),
        { agentUserId: AGENT_ID, ...overrides },
        { salesforce, scheduler: new ManualScheduler(START + 60_000) }
    );
    return { ...h, salesforce };
}

describe('the committed rule', () => {
    it('is active and locks exactly the fields the softphone writes once (LOCKED_PHONE_CALL_FIELDS)', () => {
        expect(RULE.active).toBe(true);
        expect([...fieldsCheckedForChange(FORMULA)].sort()).toEqual(
            [...LOCKED_PHONE_CALL_FIELDS].sort()
        );
    });

    it('lets a create through, whatever it carries', () => {
        expect(evaluateFormula(FORMULA, { isNew: true, changed: () => true })).toBe(false);
    });
});

describe("the softphone's own writes pass the rule", () => {
    it('create (asking for the Task mirror), wrap-up save and edits: every write accepted, the facts as created', async () => {
        const h = harness({ mirrorToTask: true });
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: true });
        await h.settle();
        await h.outbox.setWrapUp(
            'call-1',
            { disposition: 'Resolved', notes: 'first' },
            { keepOpen: true }
        );
        await h.settle();
        await h.outbox.setWrapUp('call-1', { disposition: 'Callback Requested', notes: 'edited' });
        await h.settle();

        expect(h.salesforce.refused).toEqual([]);
        expect(h.failed).toEqual([]);
        const kinds = h.salesforce.calls.map((value) =>
            value.entityApiName === undefined ? 'update' : `create ${String(value.entityApiName)}`
        );
        // The Task mirror is the flow's (it writes Task_Id__c, not a locked field).
        expect(kinds).toEqual(['create Phone_Call__c', 'update', 'update']);
        const record = h.salesforce.phoneCallByProviderId('call-1')?.fields;
        expect(record).toMatchObject({
            Outcome__c: 'Connected',
            Duration_Seconds__c: 30,
            Agent__c: AGENT_ID,
            Disposition__c: 'Callback Requested',
            Notes__c: 'edited'
        });
        expect(record?.Mirror_To_Task__c).toBe(true);
    });

    it('the related record found after the log was created (an update of the same call)', async () => {
        const h = harness();
        await h.outbox.enqueue(endedCall('call-1', { related: undefined }), {
            awaitWrapUp: false
        });
        await h.settle();
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        expect(h.salesforce.refused).toEqual([]);
        expect(h.salesforce.calls).toHaveLength(2);
        expect(h.salesforce.phoneCallByProviderId('call-1')?.fields).toMatchObject({
            Contact__c: CONTACT.recordId,
            Related_Record_Id__c: CONTACT.recordId
        });
    });

    it('a replayed create that hits the unique Provider Call ID and becomes an update', async () => {
        const h = harness();
        // Salesforce saves the create, but the answer is lost: the outbox tries again.
        h.salesforce.failWith = (_value, callNumber) => (callNumber === 1 ? 'after' : undefined);
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.advance(60_000);
        expect(h.salesforce.calls.map((value) => value.entityApiName ?? 'update')).toEqual([
            'Phone_Call__c',
            'Phone_Call__c',
            'update'
        ]);
        expect(h.salesforce.refused).toEqual([]);
        expect(h.logged).toHaveLength(1);
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
    });

    it('the same call enqueued again with other facts (a stale snapshot): nothing refused, the first facts stand', async () => {
        const h = harness();
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        await h.outbox.enqueue(
            endedCall('call-1', { outcome: 'Dropped', endedAt: START + 41_000 }),
            { awaitWrapUp: false }
        );
        await h.settle();
        expect(h.salesforce.refused).toEqual([]);
        expect(h.failed).toEqual([]);
        expect(h.salesforce.phoneCallByProviderId('call-1')?.fields.Outcome__c).toBe('Connected');
    });
});

describe('an agent editing the record afterwards', () => {
    async function loggedCall() {
        const h = harness();
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        const record = h.salesforce.phoneCallByProviderId('call-1');
        if (record === undefined) {
            throw new Error('the call was not logged');
        }
        return { salesforce: h.salesforce, id: record.id };
    }

    it.each<[string, Record<string, FieldValue>]>([
        ['a shorter handle time', { Duration_Seconds__c: 5 }],
        ['another start', { Started__c: '2026-01-15T12:10:00.000Z' }],
        ['another end', { Ended__c: '2026-01-15T12:00:10.000Z' }],
        ['another outcome', { Outcome__c: 'Busy' }],
        ['another agent', { Agent__c: '0055g00000OtHeRAAA' }],
        ['a planted recording link', { Recording_URL__c: 'https://example.com/fake.mp3' }],
        ['another queue', { Queue__c: 'VIP' }],
        ['a cleared end', { Ended__c: null }],
        ['another number', { From_Number__c: '+14155550111' }]
    ])('is refused: %s', async (_label, change) => {
        const { salesforce, id } = await loggedCall();
        await expect(salesforce.saveLog({ Id: id, ...change })).rejects.toThrow(
            /FIELD_CUSTOM_VALIDATION_EXCEPTION: The call's direction, numbers, times/
        );
    });

    it('keeps editing the disposition, the notes and the related record', async () => {
        const { salesforce, id } = await loggedCall();
        await expect(
            salesforce.saveLog({
                Id: id,
                Disposition__c: 'Wrong Number',
                Notes__c: 'Called back later',
                Contact__c: null,
                Account__c: '0015g00000AcCoUAAA',
                Related_Record_Id__c: '0015g00000AcCoUAAA'
            })
        ).resolves.toBe(id);
        expect(salesforce.refused).toEqual([]);
    });

    it('may save the facts unchanged (an edit page that sends every field)', async () => {
        const { salesforce, id } = await loggedCall();
        const [created] = salesforce.createsOf('Phone_Call__c');
        const { entityApiName: _create, ...fields } = created ?? {};
        await expect(salesforce.saveLog({ ...fields, Id: id, Notes__c: 'x' })).resolves.toBe(id);
    });
});
