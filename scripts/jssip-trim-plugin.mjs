// esbuild plugin for the softphone build (scripts/build.mjs, and the bench's what-if builds):
// JsSIP parts the SIP connector never uses are replaced by the stand-ins of
// src/softphone/telephony/sip/jssip-left-out.ts (why each is unused is written there), the
// `events` package (Node's EventEmitter for browsers) by the smaller emitter of
// src/softphone/telephony/sip/jssip-event-emitter.ts, and JsSIP's package.json by the two fields
// JsSIP reads from it (title and version, for its User-Agent header).
import { transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** JsSIP's lib/ modules left out, by the name JsSIP requires them with. */
export const LEFT_OUT_JSSIP_CLASSES = ['Subscriber', 'Notifier', 'Message', 'Options'];

const JSSIP_LIB = /[\\/]node_modules[\\/]jssip[\\/]lib[\\/]/;
const NAMESPACE = 'jssip-trim';
/** The stand-ins' sources, by the name the replacing modules require them with. */
const STAND_INS = {
    'left-out': 'src/softphone/telephony/sip/jssip-left-out.ts',
    'event-emitter': 'src/softphone/telephony/sip/jssip-event-emitter.ts'
};

/** What replaces each module JsSIP requires: CommonJS, as JsSIP is. */
function replacement(name) {
    if (name === 'debug') {
        return "module.exports = require('left-out').silentDebug;";
    }
    if (name === 'events') {
        return "module.exports = { EventEmitter: require('event-emitter').JsSipEventEmitter };";
    }
    return `module.exports = require('left-out').leftOutJsSipClass(${JSON.stringify(name)});`;
}

export function jssipTrimPlugin(root) {
    const classes = new RegExp(`^\\./(${LEFT_OUT_JSSIP_CLASSES.join('|')})$`);
    const packageJson = join(root, 'node_modules/jssip/package.json');
    return {
        name: 'jssip-trim',
        setup(build) {
            build.onResolve({ filter: /^(debug|events|\.\/\w+|\.\.\/package\.json)$/ }, (args) => {
                if (!JSSIP_LIB.test(args.importer)) {
                    return undefined;
                }
                if (args.path === 'debug' || args.path === 'events') {
                    return { path: args.path, namespace: NAMESPACE };
                }
                if (args.path === '../package.json') {
                    return { path: 'package.json', namespace: NAMESPACE };
                }
                const match = classes.exec(args.path);
                return match ? { path: match[1], namespace: NAMESPACE } : undefined;
            });
            build.onResolve({ filter: /^[\w-]+$/, namespace: NAMESPACE }, (args) =>
                args.path in STAND_INS ? { path: args.path, namespace: NAMESPACE } : undefined
            );
            build.onLoad({ filter: /.*/, namespace: NAMESPACE }, async ({ path }) => {
                if (path === 'package.json') {
                    const { title, version } = JSON.parse(readFileSync(packageJson, 'utf8'));
                    return { contents: JSON.stringify({ title, version }), loader: 'json' };
                }
                if (path in STAND_INS) {
                    // Compiled to CommonJS here: an ES module required by JsSIP's CommonJS would
                    // bring esbuild's interop helpers into the runtime chunk the core loads.
                    const source = join(root, STAND_INS[path]);
                    const { code } = await transform(readFileSync(source, 'utf8'), {
                        loader: 'ts',
                        format: 'cjs',
                        sourcefile: source
                    });
                    return { contents: code, loader: 'js', watchFiles: [source] };
                }
                return { contents: replacement(path), loader: 'js' };
            });
        }
    };
}
