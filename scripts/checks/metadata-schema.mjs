// Metadata API type definitions read from @salesforce/types (generated from the Metadata WSDL),
// so the lint knows every element, whether it is required and its enum values without an org.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultDefinitionsPath = join(
    repoRoot,
    'node_modules/@salesforce/types/lib/metadata.d.ts'
);

const primitiveTypeNames = new Map([
    [ts.SyntaxKind.StringKeyword, 'string'],
    [ts.SyntaxKind.NumberKeyword, 'number'],
    [ts.SyntaxKind.BooleanKeyword, 'boolean'],
    [ts.SyntaxKind.AnyKeyword, 'any'],
    [ts.SyntaxKind.UnknownKeyword, 'any']
]);
// `Date` is the generator's spelling of xsd:dateTime: a text value like the primitives.
const leafTypeNames = new Set(['string', 'number', 'boolean', 'any', 'Date']);

const cache = new Map();

/**
 * Returns { types: Map<name, { name, properties: Map<prop, Property> }>, enums: Map<name, string[]> }
 * where Property = { name, optional, typeName, isArray, enumValues (array or null), isLeaf }.
 */
export function loadMetadataSchema(definitionsPath = defaultDefinitionsPath) {
    if (!cache.has(definitionsPath)) {
        cache.set(definitionsPath, buildSchema(readFileSync(definitionsPath, 'utf8')));
    }
    return cache.get(definitionsPath);
}

export function buildSchema(definitionsText) {
    const sourceFile = ts.createSourceFile(
        'metadata.d.ts',
        definitionsText,
        ts.ScriptTarget.Latest
    );
    const declarations = collectDeclarations(sourceFile);
    const types = new Map();
    for (const name of declarations.objects.keys()) {
        types.set(name, {
            name,
            properties: flattenProperties(name, declarations, new Set())
        });
    }
    for (const type of types.values()) {
        for (const property of type.properties.values()) {
            resolvePropertyKind(property, declarations);
        }
    }
    return { types, enums: declarations.enums };
}

function collectDeclarations(sourceFile) {
    const objects = new Map(); // name -> { bases: string[], members: Property[] }
    const enums = new Map(); // name -> string[]
    const aliases = new Map(); // name -> primitive name (`type ID = string`)
    for (const statement of sourceFile.statements) {
        const name = statement.name?.text;
        if (ts.isInterfaceDeclaration(statement)) {
            const bases = (statement.heritageClauses ?? []).flatMap((clause) =>
                clause.types.map((base) => base.expression.getText(sourceFile))
            );
            objects.set(name, { bases, members: readMembers(statement.members, sourceFile) });
        } else if (ts.isTypeAliasDeclaration(statement)) {
            collectAlias(name, statement.type, sourceFile, { objects, enums, aliases });
        }
    }
    resolveAliasesOfLeaves({ objects, enums, aliases });
    return { objects, enums, aliases };
}

function collectAlias(name, typeNode, sourceFile, { objects, enums, aliases }) {
    if (ts.isTypeLiteralNode(typeNode)) {
        objects.set(name, { bases: [], members: readMembers(typeNode.members, sourceFile) });
    } else if (ts.isIntersectionTypeNode(typeNode)) {
        // `CustomObject = Metadata & { ... }`: the references are the base types.
        const bases = typeNode.types.filter(ts.isTypeReferenceNode).map((ref) => ref.typeName.text);
        const members = typeNode.types
            .filter(ts.isTypeLiteralNode)
            .flatMap((literal) => readMembers(literal.members, sourceFile));
        objects.set(name, { bases, members });
    } else if (ts.isUnionTypeNode(typeNode) && typeNode.types.every(isStringLiteralType)) {
        enums.set(
            name,
            typeNode.types.map((member) => member.literal.text)
        );
    } else if (isStringLiteralType(typeNode)) {
        enums.set(name, [typeNode.literal.text]);
    } else if (primitiveTypeNames.has(typeNode.kind)) {
        aliases.set(name, primitiveTypeNames.get(typeNode.kind));
    } else if (ts.isTypeReferenceNode(typeNode)) {
        // `ReportFolder = Folder`: same shape as the referenced type.
        objects.set(name, { bases: [typeNode.typeName.getText(sourceFile)], members: [] });
    }
}

// `type A = B` was first read as an object; when B is an enum or a primitive alias, A is one too.
function resolveAliasesOfLeaves({ objects, enums, aliases }) {
    for (const [name, { bases, members }] of objects) {
        const [base] = bases;
        if (bases.length !== 1 || members.length > 0 || objects.has(base)) {
            continue;
        }
        if (enums.has(base)) {
            enums.set(name, enums.get(base));
            objects.delete(name);
        } else if (aliases.has(base)) {
            aliases.set(name, aliases.get(base));
            objects.delete(name);
        }
    }
}

function isStringLiteralType(node) {
    return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal);
}

function readMembers(members, sourceFile) {
    return members.filter(ts.isPropertySignature).map((member) => {
        const { typeName, isArray } = describeTypeNode(member.type, sourceFile);
        return {
            name: member.name.getText(sourceFile),
            optional: Boolean(member.questionToken),
            typeName,
            isArray
        };
    });
}

function describeTypeNode(typeNode, sourceFile) {
    if (typeNode && ts.isArrayTypeNode(typeNode)) {
        return {
            typeName: describeTypeNode(typeNode.elementType, sourceFile).typeName,
            isArray: true
        };
    }
    if (!typeNode) {
        return { typeName: 'any', isArray: false };
    }
    if (primitiveTypeNames.has(typeNode.kind)) {
        return { typeName: primitiveTypeNames.get(typeNode.kind), isArray: false };
    }
    if (ts.isTypeReferenceNode(typeNode)) {
        return { typeName: typeNode.typeName.getText(sourceFile), isArray: false };
    }
    // Anything else (inline unions, literals) is text as far as XML is concerned.
    return { typeName: 'string', isArray: false };
}

function flattenProperties(name, declarations, visiting) {
    const properties = new Map();
    const declaration = declarations.objects.get(name);
    if (!declaration || visiting.has(name)) {
        return properties;
    }
    visiting.add(name);
    for (const base of declaration.bases) {
        for (const [propertyName, property] of flattenProperties(base, declarations, visiting)) {
            properties.set(propertyName, { ...property });
        }
    }
    for (const member of declaration.members) {
        properties.set(member.name, { ...member });
    }
    visiting.delete(name);
    return properties;
}

function resolvePropertyKind(property, { enums, aliases, objects }) {
    const aliased = aliases.get(property.typeName);
    if (aliased) {
        property.typeName = aliased;
    }
    property.enumValues = enums.get(property.typeName) ?? null;
    // Unknown references (types the d.ts does not declare) are treated as text, never as errors.
    property.isLeaf =
        leafTypeNames.has(property.typeName) ||
        property.enumValues !== null ||
        !objects.has(property.typeName);
}
