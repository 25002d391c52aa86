// Walks one parsed metadata element against its Metadata API type: unknown elements, missing
// required ones, single values repeated, and enum / boolean / number values.
import { closestName } from './closest-name.mjs';
import {
    extraProperties,
    opaqueProperties,
    propertiesOmittedBySourceFormat,
    requiredPropertiesOftenOmitted
} from './metadata-lint-allowances.mjs';

const numberPattern = /^-?\d+(\.\d+)?$/;

/** Messages (strings) for everything in `element` that does not fit type `typeName`. */
export function checkElementAgainstType(element, typeName, schema, path = [element.name]) {
    const properties = propertiesOf(typeName, schema);
    const messages = [];
    const counts = new Map();
    for (const child of element.children) {
        counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
    }
    for (const child of element.children) {
        const childPath = [...path, child.name];
        const property = properties.get(child.name);
        if (!property) {
            messages.push(describeUnknownElement(childPath, typeName, properties));
        } else if (!property.isArray && counts.get(child.name) > 1) {
            messages.push(
                `${childPath.join(' > ')}: <${child.name}> is a single value in ${typeName} but appears ${counts.get(child.name)} times`
            );
            counts.set(child.name, 1); // say it once
        } else if (property.isLeaf) {
            messages.push(...checkLeaf(child, property, typeName, childPath));
        } else {
            messages.push(...checkElementAgainstType(child, property.typeName, schema, childPath));
        }
    }
    for (const property of properties.values()) {
        if (isRequired(property, typeName) && !counts.has(property.name)) {
            messages.push(
                `${path.join(' > ')}: missing required element <${property.name}> (${typeName})`
            );
        }
    }
    return messages;
}

function propertiesOf(typeName, schema) {
    const properties = new Map(schema.types.get(typeName)?.properties ?? []);
    for (const extra of extraProperties.get(typeName) ?? []) {
        if (!properties.has(extra.name)) {
            properties.set(extra.name, {
                ...extra,
                optional: true,
                enumValues: null,
                isLeaf: true
            });
        }
    }
    return properties;
}

function describeUnknownElement(childPath, typeName, properties) {
    const name = childPath.at(-1);
    const suggestion = closestName(name, properties.keys());
    const hint = suggestion ? `; did you mean <${suggestion}>?` : '';
    return `${childPath.join(' > ')}: unknown element <${name}> (not a property of ${typeName}${hint})`;
}

function checkLeaf(element, property, typeName, path) {
    const where = path.join(' > ');
    if (element.children.length > 0) {
        if (opaqueProperties.get(typeName)?.has(property.name)) {
            return [];
        }
        return [
            `${where}: <${property.name}> holds a value (${property.typeName}), not child elements`
        ];
    }
    if (element.attributes['xsi:nil'] === 'true') {
        return [];
    }
    const value = element.text;
    if (property.enumValues && !property.enumValues.includes(value)) {
        const suggestion = closestName(value, property.enumValues);
        const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
        return [
            `${where}: '${value}' is not a valid ${property.typeName}${hint} (allowed: ${listSome(property.enumValues)})`
        ];
    }
    if (property.typeName === 'boolean' && value !== 'true' && value !== 'false') {
        return [`${where}: '${value}' is not a boolean (true or false)`];
    }
    if (property.typeName === 'number' && !numberPattern.test(value)) {
        return [`${where}: '${value}' is not a number`];
    }
    return [];
}

// Some enums have hundreds of values: name enough of them to show the spelling.
function listSome(values, limit = 15) {
    const shown = values.slice(0, limit).join(', ');
    return values.length > limit ? `${shown}, … ${values.length - limit} more` : shown;
}

function isRequired(property, typeName) {
    // The generator writes every list without `?`; lists are minOccurs="0" in the WSDL.
    return (
        !property.optional &&
        !property.isArray &&
        !propertiesOmittedBySourceFormat.has(property.name) &&
        !requiredPropertiesOftenOmitted.get(typeName)?.has(property.name)
    );
}
