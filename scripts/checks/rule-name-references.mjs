// Every name a deploy resolves, resolved offline against one index of the source tree: objects and
// fields, FlexiPage components, Visualforce tags and globals, LWC imports, children and targets.
import { buildSourceIndex } from './source-index.mjs';
import { checkFlexiPageReferences } from './rule-flexipage-references.mjs';
import { checkLwcReferences } from './rule-lwc-references.mjs';
import { checkObjectReferences } from './rule-object-references.mjs';
import { checkVisualforceReferences } from './rule-visualforce-references.mjs';

export function checkNameReferences(projectRoot, { sourceDir = 'force-app' } = {}) {
    const index = buildSourceIndex(projectRoot, { sourceDir });
    const options = { sourceDir, index };
    return [
        ...checkObjectReferences(projectRoot, options),
        ...checkFlexiPageReferences(projectRoot, options),
        ...checkVisualforceReferences(projectRoot, options),
        ...checkLwcReferences(projectRoot, options)
    ];
}
