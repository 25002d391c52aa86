import { sldsStylesheetPath } from '../shared/console-constants';

/**
 * The console page: a static skeleton that `console.js` fills. Nothing in it comes from data, so
 * it is a constant; the Content-Security-Policy the server sends with it allows scripts, styles
 * and frames from this origin only.
 */
export const consolePageHtml = `<!DOCTYPE html>
<html lang="en">
    <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Local console — Open CTI Softphone</title>
        <link rel="stylesheet" type="text/css" href="${sldsStylesheetPath}" />
        <link rel="stylesheet" type="text/css" href="/console.css" />
        <script src="/console.js" defer></script>
    </head>
    <body>
        <div class="lc-app">
            <header class="lc-header">
                <span class="slds-icon_container slds-icon-standard-call lc-header__icon">
                    <svg class="slds-icon slds-icon_small" aria-hidden="true">
                        <use href="/assets/icons/standard-sprite/svg/symbols.svg#call"></use>
                    </svg>
                </span>
                <h1 class="slds-text-heading_medium">Local console — plays Salesforce for the softphone</h1>
                <div class="lc-header__status" id="console-status" data-testid="console-status"></div>
            </header>
            <main class="lc-main">
                <section class="lc-workspace" id="workspace" aria-label="Workspace"></section>
                <aside class="lc-dock" id="softphone-dock" aria-label="Softphone utility"></aside>
                <aside class="lc-tools" id="tools" aria-label="Console tools"></aside>
                <div class="lc-modal-layer" id="modal-root"></div>
            </main>
            <footer class="lc-utility-bar" id="utility-bar" aria-label="Utility bar"></footer>
        </div>
        <noscript>The local console needs JavaScript.</noscript>
    </body>
</html>
`;

export const consoleCss = `html,
body {
    height: 100%;
    margin: 0;
}
body {
    background: #f3f3f3;
}
.lc-app {
    display: grid;
    grid-template-rows: auto minmax(0, 1fr) auto;
    height: 100vh;
}
.lc-header {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.5rem 1rem;
    background: #fff;
    border-bottom: 1px solid #dddbda;
}
.lc-header__status {
    margin-left: auto;
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
}
.lc-main {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto minmax(340px, 420px);
    gap: 0.75rem;
    padding: 0.75rem;
    min-height: 0;
}
.lc-workspace {
    grid-area: 1 / 1;
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: #fff;
    border: 1px solid #dddbda;
    border-radius: 0.25rem;
}
.lc-workspace .slds-tabs_default__nav {
    flex-wrap: wrap;
    padding: 0 0.75rem;
}
.lc-workspace .slds-tabs_default__item {
    display: flex;
    align-items: center;
}
.lc-tab-close {
    margin-left: 0.25rem;
    width: 1.25rem;
    height: 1.25rem;
    line-height: 1;
}
.lc-workspace__body {
    flex: 1;
    overflow: auto;
    padding: 1rem;
}
/* A record page with components: the components' column first (the workspace is narrow), then the fields. */
.lc-workspace__body_with-components {
    display: flex;
    flex-direction: column;
    gap: 1rem;
}
.lc-workspace__body_with-components .lc-record-components {
    order: -1;
}
.lc-record-components:empty,
.lc-workspace__body:not(.lc-workspace__body_with-components) .lc-record-components {
    display: none;
}
.lc-dock {
    grid-area: 1 / 2;
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    min-height: 0;
}
.lc-softphone-panel {
    display: flex;
    flex-direction: column;
    max-height: 100%;
    background: #fff;
    border: 1px solid #dddbda;
    border-radius: 0.25rem 0.25rem 0 0;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.16);
}
.lc-call-bar-panel {
    margin-bottom: 0.5rem;
}
.lc-call-bar-panel__body {
    overflow: auto;
}
.lc-softphone-panel.lc-minimized {
    display: none;
}
.lc-softphone-panel__header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid #dddbda;
    background: #fafaf9;
}
.lc-softphone-panel__header .lc-grow {
    flex: 1;
}
.lc-softphone-panel iframe {
    flex: 1;
    width: 100%;
    border: 0;
}
.lc-tools {
    grid-area: 1 / 3;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    overflow: auto;
    min-height: 0;
}
/*
 * The new-record modal covers the workspace only, never the softphone utility beside it, so a
 * ringing call's Answer and Decline stay reachable. How a real console stacks a NEW_RECORD_MODAL
 * screen pop against an open utility panel is UNCONFIRMED (the Open CTI guide does not say).
 */
.lc-modal-layer {
    grid-area: 1 / 1;
    position: relative;
    z-index: 2;
    min-height: 0;
}
.lc-modal-layer:empty {
    display: none;
}
.lc-modal-layer .slds-modal,
.lc-modal-layer .slds-backdrop {
    position: absolute;
}
.lc-tools .slds-card {
    margin: 0;
}
.lc-utility-bar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    height: 2.5rem;
    padding: 0 0.75rem;
    background: #fff;
    border-top: 1px solid #dddbda;
    box-shadow: 0 -2px 4px rgba(0, 0, 0, 0.07);
}
.lc-utility-bar__item.lc-active {
    border-bottom: 3px solid #0176d3;
}
.lc-utility-bar__note {
    margin-left: auto;
    color: #706e6b;
}
.lc-log {
    max-height: 15rem;
    overflow: auto;
    font-family: Menlo, Consolas, monospace;
    font-size: 0.75rem;
    white-space: pre-wrap;
    word-break: break-word;
}
.lc-log__entry {
    padding: 0.25rem 0;
    border-bottom: 1px solid #f3f3f3;
}
.lc-log__meta {
    color: #706e6b;
}
.lc-textarea {
    font-family: Menlo, Consolas, monospace;
    font-size: 0.75rem;
    min-height: 7rem;
}
.lc-fields {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
}
.lc-fields dt {
    color: #706e6b;
}
.lc-fields dd {
    word-break: break-word;
}
.lc-table-wrap {
    overflow: auto;
    margin-bottom: 1.5rem;
}
.lc-inline {
    display: flex;
    gap: 0.5rem;
    align-items: flex-end;
    flex-wrap: wrap;
}
.lc-inline .slds-form-element {
    flex: 1;
    min-width: 6rem;
}
.lc-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
}
.lc-buttons .slds-button {
    margin: 0;
}
.lc-empty {
    color: #706e6b;
    font-style: italic;
}
`;
