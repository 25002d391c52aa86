import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMetadataSchema } from './metadata-schema.mjs';

const schema = loadMetadataSchema();

test('object types inherit the properties of the types they extend', () => {
    const fullName = schema.types.get('CustomObject').properties.get('fullName');
    assert.equal(fullName.optional, true);
    assert.equal(fullName.typeName, 'string');
    assert.equal(schema.types.get('ApexPage').properties.has('content'), true); // via MetadataWithContent
    assert.equal(schema.types.get('ReportFolder').properties.has('folderShares'), true); // `= Folder`
});

test('lists, nested types and required properties are described', () => {
    const sections = schema.types.get('CallCenter').properties.get('sections');
    assert.deepEqual(
        { typeName: sections.typeName, isArray: sections.isArray, isLeaf: sections.isLeaf },
        { typeName: 'CallCenterSection', isArray: true, isLeaf: false }
    );
    const itemName = schema.types.get('CallCenterItem').properties.get('name');
    assert.equal(itemName.optional, false);
    assert.equal(itemName.isLeaf, true);
});

test('string-literal unions become enum values; primitives are leaves', () => {
    const type = schema.types.get('CustomField').properties.get('type');
    assert.equal(type.typeName, 'FieldType');
    assert.ok(type.enumValues.includes('Picklist'));
    assert.ok(!type.enumValues.includes('Picklistt'));
    const length = schema.types.get('CustomField').properties.get('length');
    assert.deepEqual([length.typeName, length.isLeaf, length.enumValues], ['number', true, null]);
});

test('the schema is built once per run', () => {
    assert.equal(loadMetadataSchema(), schema);
});
