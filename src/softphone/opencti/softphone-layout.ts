import { label } from '../i18n';
import * as v from 'valibot';
import { describeIssues, invalid, type Validated } from './invalid-payload-error';
import { labelMessage, OBJECT_API_NAME_PATTERN } from './salesforce-schemas';

/** The call types of a softphone layout, as `getSoftphoneLayout` names its sections. */
export type LayoutCallType = 'Inbound' | 'Outbound' | 'Internal';

export const LAYOUT_CALL_TYPES: readonly LayoutCallType[] = ['Inbound', 'Outbound', 'Internal'];

/** One call type's section: the objects it shows and, per object, the field API names selected. */
export interface SoftphoneLayoutSection {
    readonly objects: Readonly<Record<string, readonly string[]>>;
}

/**
 * The current user's softphone layout (Setup → Softphone Layouts). A section Salesforce did not
 * send is absent: nothing can be read for that call type.
 */
export type SoftphoneLayout = Readonly<Partial<Record<LayoutCallType, SoftphoneLayoutSection>>>;

const MAX_OBJECTS = 200;
const MAX_FIELDS = 500;

const NameSchema = v.pipe(
    v.string(labelMessage('Softphone_Pop_Must_Be_Text')),
    v.regex(OBJECT_API_NAME_PATTERN, labelMessage('Softphone_Pop_Not_Api_Name'))
);

const FieldSchema = v.looseObject({
    apiName: NameSchema,
    displayName: v.optional(v.nullable(v.string(labelMessage('Softphone_Pop_Must_Be_Text'))))
});

const SectionSchema = v.looseObject({
    callRelatedFields: v.optional(
        v.nullable(v.array(v.string(labelMessage('Softphone_Pop_Must_Be_Text'))))
    ),
    objects: v.optional(
        v.nullable(
            v.pipe(
                v.record(NameSchema, v.pipe(v.array(FieldSchema), v.maxLength(MAX_FIELDS))),
                v.check(
                    (objects) => Object.keys(objects).length <= MAX_OBJECTS,
                    `has more than ${MAX_OBJECTS} objects`
                )
            )
        )
    ),
    screenPopSettings: v.optional(v.unknown())
});

const LayoutSchema = v.looseObject({
    Inbound: v.optional(v.nullable(SectionSchema)),
    Outbound: v.optional(v.nullable(SectionSchema)),
    Internal: v.optional(v.nullable(SectionSchema))
});

/**
 * Validates the `returnValue` of `getSoftphoneLayout`:
 * `{Inbound|Outbound|Internal: {callRelatedFields, objects: {Account: [{displayName, apiName}]},
 * screenPopSettings}}` (https://developer.salesforce.com/docs/service/api-cti/guide/sforce-api-cti-getsoftphonelayout-lex.html).
 * The Classic method returns the same layout as a JSON string; a string is read as that
 * (UNCONFIRMED that Lightning ever does so).
 */
export function parseSoftphoneLayout(returnValue: unknown): Validated<SoftphoneLayout> {
    let value = returnValue;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value) as unknown;
        } catch {
            return invalid('softphoneLayout', [label('Softphone_Pop_Not_Json')]);
        }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return invalid('softphoneLayout', [label('Softphone_Pop_Not_Object')]);
    }
    const parsed = v.safeParse(LayoutSchema, value);
    if (!parsed.success) {
        return invalid('softphoneLayout', describeIssues(parsed.issues));
    }
    const layout: Partial<Record<LayoutCallType, SoftphoneLayoutSection>> = {};
    for (const callType of LAYOUT_CALL_TYPES) {
        const section = parsed.output[callType];
        if (section !== undefined && section !== null) {
            layout[callType] = {
                objects: Object.fromEntries(
                    Object.entries(section.objects ?? {}).map(([object, fields]) => [
                        object,
                        fields.map((field) => field.apiName)
                    ])
                )
            };
        }
    }
    return { ok: true, value: layout };
}

/** Whether the section shows this object (API names compare case-insensitively, as in Apex). */
export function layoutFieldsOf(
    section: SoftphoneLayoutSection | undefined,
    objectApiName: string
): readonly string[] | undefined {
    if (section === undefined) {
        return undefined;
    }
    const wanted = objectApiName.toLowerCase();
    const key = Object.keys(section.objects).find((object) => object.toLowerCase() === wanted);
    return key === undefined ? undefined : section.objects[key];
}
