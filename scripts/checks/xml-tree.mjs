// Reads an XML file into a small element tree ({ name, attributes, children, text }) after checking
// it is well-formed, so every check walks the same shape and reports the same parse errors.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true
});

/** Returns { root } or { error: 'human message with line/col' }; never throws. */
export function parseXmlTree(text) {
    const validation = XMLValidator.validate(text);
    if (validation !== true) {
        return { error: describeValidationError(validation.err) };
    }
    let elements;
    try {
        elements = parser.parse(text).map(toElement).filter(Boolean);
    } catch (error) {
        return { error: `XML is not well-formed: ${error.message}` };
    }
    if (elements.length !== 1) {
        return { error: `XML must have exactly one root element, found ${elements.length}` };
    }
    return { root: elements[0] };
}

function describeValidationError({ code, msg, line, col }) {
    // The validator lists unclosed tags as a JSON-ish array: make it readable.
    const unclosed = code === 'InvalidXml' && /^Invalid '\[(.*)\]' found/s.exec(msg);
    const detail = unclosed
        ? `unclosed element(s) ${unclosed[1]
              .split(',')
              .map((name) => `<${name.trim().replace(/^"|"$/g, '')}>`)
              .join(', ')}`
        : msg;
    return `XML is not well-formed (line ${line}, col ${col}): ${detail}`;
}

function toElement(node) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name === undefined || name === '#text' || name === '#comment') {
        return null;
    }
    const content = node[name];
    return {
        name,
        attributes: node[':@'] ?? {},
        children: content.map(toElement).filter(Boolean),
        text: content
            .filter((child) => '#text' in child)
            .map((child) => child['#text'])
            .join('')
    };
}

/** Child elements called `name`. */
export function childrenNamed(element, name) {
    return element.children.filter((child) => child.name === name);
}

/** Text of the first child called `name`, or undefined. */
export function childText(element, name) {
    return element.children.find((child) => child.name === name)?.text;
}

/** Root element of an XML file, or null when it cannot be read or parsed (the lint reports that). */
export function readXmlRoot(path) {
    try {
        return parseXmlTree(readFileSync(path, 'utf8')).root ?? null;
    } catch {
        return null;
    }
}
