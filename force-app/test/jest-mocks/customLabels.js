// Makes every `@salesforce/label/c.Name` import resolve to its en_US value from
// force-app/main/default/labels/CustomLabels.labels-meta.xml, so tests read the texts users see
// (sfdx-lwc-jest otherwise yields the string "c.Name"). A label missing from the file keeps that
// fallback, which tests then notice.
const { readFileSync } = require('fs');
const { join } = require('path');

const LABELS_FILE = join(
    __dirname,
    '..',
    '..',
    'main',
    'default',
    'labels',
    'CustomLabels.labels-meta.xml'
);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text) {
    return text.replace(/&(amp|lt|gt|quot|apos);/g, (match, name) => ENTITIES[name]);
}

function readCustomLabels(file = LABELS_FILE) {
    const xml = readFileSync(file, 'utf8');
    const labels = new Map();
    for (const [, block] of xml.matchAll(/<labels\s*>([\s\S]*?)<\/labels\s*>/g)) {
        const name = /<fullName\s*>([^<]*)<\/fullName\s*>/.exec(block);
        const value = /<value\s*>([\s\S]*?)<\/value\s*>/.exec(block);
        if (name && value) {
            labels.set(name[1].trim(), unescapeXml(value[1]));
        }
    }
    return labels;
}

function registerCustomLabelMocks() {
    for (const [name, value] of readCustomLabels()) {
        jest.doMock(`@salesforce/label/c.${name}`, () => ({ default: value }), { virtual: true });
    }
}

module.exports = { readCustomLabels, registerCustomLabelMocks };
