/**
 * The Phone_Call__c fields the package ships (force-app/main/default/objects/Phone_Call__c/
 * fields), by API name: what callData/logFields may name is checked against this list at start.
 * phone-call-fields.test.ts holds it equal to the metadata, so a new field cannot be forgotten.
 */
import { label } from '../i18n';

export const PHONE_CALL_FIELD_NAMES = [
    'Account__c',
    'Agent__c',
    'Answered__c',
    'Call_Data__c',
    'Case__c',
    'Conference_Parties__c',
    'Contact__c',
    'Dialled_Number__c',
    'Direction__c',
    'Disposition__c',
    'Duration_Seconds__c',
    'Ended__c',
    'From_Number__c',
    'Lead__c',
    'Mirror_To_Task__c',
    'Notes__c',
    'Outcome__c',
    'Parent_Call__c',
    'Provider_Call_Id__c',
    'Queue__c',
    'Recording_URL__c',
    'Redirecting_Number__c',
    'Related_Record_Id__c',
    'Started__c',
    'Task_Id__c',
    'To_Number__c',
    'Transfer_Target__c'
] as const;

/**
 * Fields call data may fill (callData/logFields): the shipped ones the softphone does not write
 * itself. The others hold the call's own facts, the agent's wrap-up, or the rest of the data.
 */
export const CALL_DATA_LOG_FIELDS: readonly string[] = [
    'Queue__c',
    'Recording_URL__c',
    'Dialled_Number__c',
    'Redirecting_Number__c'
];

/** Why `field` cannot take call data, or undefined when it can. */
export function callDataFieldRefusal(field: string): string | undefined {
    const shipped = (PHONE_CALL_FIELD_NAMES as readonly string[]).find(
        (name) => name.toLowerCase() === field.toLowerCase()
    );
    if (shipped === undefined) {
        return label('Softphone_Log_Not_Shipped_Field', field);
    }
    return CALL_DATA_LOG_FIELDS.includes(shipped)
        ? undefined
        : label('Softphone_Log_Softphone_Field', shipped, CALL_DATA_LOG_FIELDS.join(', '));
}

/** The field's API name as the package spells it (the settings take any case). */
export function canonicalPhoneCallField(field: string): string {
    return (
        PHONE_CALL_FIELD_NAMES.find((name) => name.toLowerCase() === field.toLowerCase()) ?? field
    );
}
