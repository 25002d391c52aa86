/**
 * The shape of `/metadata-schema.json`: what the server reads from the project's metadata
 * (`force-app/main/default/objects/**` and `messageChannels/`) and the console enforces.
 */
export interface FieldSchema {
    readonly name: string;
    readonly label: string;
    readonly type: string;
    readonly required: boolean;
    readonly unique: boolean;
    readonly caseSensitive: boolean;
    readonly externalId: boolean;
    readonly picklistValues?: readonly string[];
    readonly restrictedPicklist: boolean;
    readonly referenceTo?: string;
    /** A lookup's child relationship name, without `__r` (e.g. `Phone_Calls`). */
    readonly relationshipName?: string;
    /** Maximum length of a text field. */
    readonly length?: number;
}

export interface ObjectSchema {
    readonly name: string;
    readonly label?: string;
    readonly pluralLabel?: string;
    readonly nameField?: {
        readonly label: string;
        readonly type: string;
        readonly displayFormat?: string;
    };
    /** Whether Tasks can point at its records (WhatId). */
    readonly enableActivities?: boolean;
    readonly fields: Readonly<Record<string, FieldSchema>>;
}

export interface MetadataSchema {
    readonly objects: Readonly<Record<string, ObjectSchema>>;
    /** Channel API names, e.g. `Softphone_Message__c`. */
    readonly messageChannels: readonly string[];
}
