// esbuild plugin for the softphone build (scripts/build.mjs, and the bench's what-if builds):
// JsSIP parts the SIP connector never uses are replaced by the stand-ins of
// src/softphone/telephony/sip/jssip-left-out.ts (why each is unused is written there), the
// `events` package (Node's EventEmitter for browsers) by the smaller emitter of
// src/softphone/telephony/sip/jssip-event-emitter.ts, and JsSIP's package.json by the two fields
// JsSIP reads from it (title and version, for its User-Agent header).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** JsSIP's lib/ modules left out, by the name JsSIP requires them with. */
export const LEFT_OUT_JSSIP_CLASSES = ['Subscriber', 'Notifier', 'Message', 'Options'];

const JSSIP_LIB = /[\\/]node_modules[\\/]jssip[\\/]lib[\\/]/;
const NAMESPACE = 'jssip-trim';

export function jssipTrimPlugin(root) {
    const stub = join(root, 'src/softphone/telephony/sip/jssip-left-out.ts');
    const emitter = join(root, 'src/softphone/telephony/sip/jssip-event-emitter.ts');
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
            build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => {
                if (path === 'package.json') {
                    const { title, version } = JSON.parse(readFileSync(packageJson, 'utf8'));
                    return { contents: JSON.stringify({ title, version }), loader: 'json' };
                }
                const contents = {
                    debug: `module.exports = require(${JSON.stringify(stub)}).silentDebug;`,
                    events: `module.exports = { EventEmitter: require(${JSON.stringify(emitter)}).JsSipEventEmitter };`
                }[path];
                return {
                    contents:
                        contents ??
                        `module.exports = require(${JSON.stringify(stub)}).leftOutJsSipClass(${JSON.stringify(path)});`,
                    resolveDir: root,
                    loader: 'js'
                };
            });
        }
    };
}
