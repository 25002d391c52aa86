// The shipped components, as the console imports them: compiled from force-app by the LWC
// compiler (scripts/lwc-console-plugin.mjs), so TypeScript only needs to know they are components.
declare module 'c/*' {
    import type { LightningElement } from 'lwc';
    const component: typeof LightningElement;
    export = component;
}
