import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { jssipTrimPlugin, LEFT_OUT_JSSIP_CLASSES } from './jssip-trim-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** JsSIP bundled as the softphone build bundles it, and the files that went in. */
async function trimmedJsSip() {
    const result = await build({
        stdin: { contents: "export * as JsSIP from 'jssip';", resolveDir: root, loader: 'js' },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        metafile: true,
        logLevel: 'silent',
        plugins: [jssipTrimPlugin(root)]
    });
    const code = result.outputFiles[0].text;
    const { JsSIP } = await import(
        `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    );
    return { JsSIP, inputs: Object.keys(result.metafile.inputs), metafile: result.metafile };
}

test("the build leaves out JsSIP's debug logger, events package and unused classes", async () => {
    const { inputs } = await trimmedJsSip();
    const leftOut = [
        ...LEFT_OUT_JSSIP_CLASSES.map((name) => `jssip/lib/${name}.js`),
        'node_modules/debug/',
        'node_modules/events/',
        'jssip/package.json'
    ];
    // A JsSIP upgrade that renames or moves one of them would bring it back silently: this fails.
    assert.deepEqual(
        inputs.filter((input) => leftOut.some((part) => input.includes(part))),
        []
    );
    for (const name of [...LEFT_OUT_JSSIP_CLASSES, 'debug', 'events', 'package.json']) {
        assert.ok(inputs.includes(`jssip-trim:${name}`), `the stand-in for ${name} is used`);
    }
    assert.ok(inputs.some((input) => input.endsWith('jssip/lib/RTCSession.js')));
});

test('the stand-ins are CommonJS, as JsSIP is (no interop helpers for the core to load)', async () => {
    const { metafile } = await trimmedJsSip();
    for (const name of ['left-out', 'event-emitter']) {
        assert.equal(metafile.inputs[`jssip-trim:${name}`]?.format, 'cjs', name);
    }
});

test('JsSIP still names itself with its version in its User-Agent header', async () => {
    const { JsSIP } = await trimmedJsSip();
    const { title, version } = JSON.parse(
        readFileSync(join(root, 'node_modules/jssip/package.json'), 'utf8')
    );
    assert.equal(JsSIP.version, version);
    assert.equal(JsSIP.C.USER_AGENT, `${title} ${version}`);
});

test('asking JsSIP for a left-out part fails with an error that names it', async () => {
    const { JsSIP } = await trimmedJsSip();
    const ua = new JsSIP.UA({
        sockets: [new JsSIP.WebSocketInterface('wss://sip.example.com')],
        uri: 'sip:agent@example.com'
    });
    assert.throws(
        () => ua.sendOptions('sip:bob@example.com'),
        /JsSIP's Options is left out of the softphone build/
    );
    assert.throws(
        () => ua.sendMessage('sip:bob@example.com', 'hello'),
        /JsSIP's Message is left out/
    );
    assert.throws(() => ua.subscribe('sip:bob@example.com', 'presence'), /JsSIP's Subscriber/);
});
