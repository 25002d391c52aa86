import { join } from 'node:path';
import { parseFieldXml, parseObjectXml, readMetadataSchema } from './metadata-schema';

describe('parseFieldXml', () => {
    it('reads a restricted picklist', () => {
        const field = parseFieldXml(
            `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                <fullName>Direction__c</fullName><label>Direction</label><required>true</required>
                <type>Picklist</type>
                <valueSet><restricted>true</restricted><valueSetDefinition>
                    <value><fullName>Inbound</fullName></value>
                </valueSetDefinition></valueSet>
            </CustomField>`,
            'Direction__c.field-meta.xml'
        );
        expect(field).toEqual({
            name: 'Direction__c',
            label: 'Direction',
            type: 'Picklist',
            required: true,
            unique: false,
            caseSensitive: false,
            externalId: false,
            picklistValues: ['Inbound'],
            restrictedPicklist: true
        });
    });

    it('names the field after its file when fullName is missing', () => {
        const field = parseFieldXml(
            '<CustomField><type>Lookup</type><referenceTo>Contact</referenceTo></CustomField>',
            'Contact__c.field-meta.xml'
        );
        expect(field).toMatchObject({
            name: 'Contact__c',
            referenceTo: 'Contact',
            required: false
        });
    });

    it('reads a lookup’s child relationship name (the related list the LWCs read)', () => {
        const field = parseFieldXml(
            `<CustomField><fullName>Contact__c</fullName><type>Lookup</type>
                <referenceTo>Contact</referenceTo><relationshipName>Phone_Calls</relationshipName>
            </CustomField>`,
            'Contact__c.field-meta.xml'
        );
        expect(field).toMatchObject({ referenceTo: 'Contact', relationshipName: 'Phone_Calls' });
    });

    it('refuses a file that is not a field', () => {
        expect(() => parseFieldXml('<CustomObject/>', 'x.field-meta.xml')).toThrow(/CustomField/);
    });
});

describe('parseObjectXml', () => {
    it('reads the labels and an auto-number name field', () => {
        expect(
            parseObjectXml(`<CustomObject><label>Phone Call</label><enableActivities>false</enableActivities><pluralLabel>Phone Calls</pluralLabel>
                <nameField><displayFormat>PC-{00000000}</displayFormat><label>Call Number</label>
                <type>AutoNumber</type></nameField></CustomObject>`)
        ).toEqual({
            label: 'Phone Call',
            pluralLabel: 'Phone Calls',
            enableActivities: false,
            nameField: { label: 'Call Number', type: 'AutoNumber', displayFormat: 'PC-{00000000}' }
        });
    });
});

describe('readMetadataSchema', () => {
    it('reads the package metadata: Phone_Call__c and the softphone channel', () => {
        const schema = readMetadataSchema(join(__dirname, '../../../force-app/main/default'));
        const phoneCall = schema.objects['Phone_Call__c'];
        expect(phoneCall?.fields['Provider_Call_Id__c']).toMatchObject({
            required: true,
            unique: true,
            externalId: true
        });
        expect(phoneCall?.fields['Direction__c']?.restrictedPicklist).toBe(true);
        expect(schema.messageChannels).toContain('Softphone_Message__c');
    });

    it('gives an empty schema for a folder without metadata', () => {
        expect(readMetadataSchema('/nonexistent/folder')).toEqual({
            objects: {},
            messageChannels: []
        });
    });
});
