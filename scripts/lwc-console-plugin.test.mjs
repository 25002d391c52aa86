import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lwcConsolePlugin } from './lwc-console-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function bundle(contents) {
    return build({
        stdin: { contents, resolveDir: root, loader: 'js' },
        bundle: true,
        write: false,
        format: 'esm',
        logLevel: 'silent',
        plugins: [lwcConsolePlugin(root)]
    });
}

async function evaluate(contents) {
    const result = await bundle(contents);
    const code = result.outputFiles[0].text;
    return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

test('labels, message channels and schema imports resolve from the metadata', async () => {
    const module = await evaluate(`
        import TITLE from '@salesforce/label/c.Softphone_Call_Log_Title';
        import CHANNEL from '@salesforce/messageChannel/Softphone_Message__c';
        import NOTES from '@salesforce/schema/Phone_Call__c.Notes__c';
        import OBJECT from '@salesforce/schema/Phone_Call__c';
        export { TITLE, CHANNEL, NOTES, OBJECT };
    `);
    assert.equal(module.TITLE, 'Call History');
    assert.deepEqual(module.CHANNEL, { channelName: 'Softphone_Message__c' });
    assert.deepEqual(module.NOTES, { objectApiName: 'Phone_Call__c', fieldApiName: 'Notes__c' });
    assert.deepEqual(module.OBJECT, { objectApiName: 'Phone_Call__c' });
});

test('the shipped components compile, with every platform module they import played', async () => {
    const result = await bundle(`
        import ClickToDial from 'c/clickToDial';
        import CallLog from 'c/callLog';
        export { ClickToDial, CallLog };
    `);
    assert.deepEqual(result.errors, []);
    assert.match(result.outputFiles[0].text, /c-click-to-dial|clickToDial/);
});

test('what the console does not play fails the build with the reason', async () => {
    const failure = (contents) =>
        bundle(contents).then(
            () => assert.fail('the build should fail'),
            (error) => error.errors.map((entry) => entry.text).join('\n')
        );
    assert.match(
        await failure(`import X from '@salesforce/label/c.No_Such_Label'; export { X };`),
        /no such Custom Label/
    );
    assert.match(
        await failure(`import X from '@salesforce/messageChannel/Nope__c'; export { X };`),
        /no such message channel/
    );
    assert.match(
        await failure(`import { x } from 'lightning/navigation'; export { x };`),
        /The local console plays no lightning\/navigation/
    );
    assert.match(await failure(`import X from 'c/noSuchBundle'; export { X };`), /No LWC bundle/);
});

test('labels follow the console URL language (lang=), English where untranslated', async () => {
    const contents = `
        import TITLE from '@salesforce/label/c.Softphone_Call_Log_Title';
        export { TITLE };
    `;
    const inLanguage = async (search) => {
        globalThis.location = { search };
        try {
            return (await evaluate(`${contents}export const SEARCH = ${JSON.stringify(search)};`))
                .TITLE;
        } finally {
            delete globalThis.location;
        }
    };
    assert.equal(await inLanguage('?lang=ja'), '通話履歴');
    assert.equal(await inLanguage('?lang=de-DE'), 'Anrufverlauf');
    assert.equal(await inLanguage('?lang=xx'), 'Call History');
    assert.equal(await inLanguage(''), 'Call History');
});
