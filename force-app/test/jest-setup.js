// Adds @sa11y/jest's accessibility matcher (expect(element).toBeAccessible()) to every LWC test.
const { registerSa11yMatcher } = require('@sa11y/jest');
// Custom Labels resolve to their real values (see jest-mocks/customLabels.js).
const { registerCustomLabelMocks } = require('./jest-mocks/customLabels');

registerSa11yMatcher();
registerCustomLabelMocks();
