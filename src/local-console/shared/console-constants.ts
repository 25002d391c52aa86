/** Values the local console shares between its server, its page and the shim. */

/** `{!$User.Id}` on the Visualforce page, and the owner of every record the console creates. */
export const fakeUserId = '005000000000001AAA';
export const fakeUserName = 'Local Agent';

/** The LMS channel between the softphone and the LWCs. */
export const softphoneMessageChannel = 'Softphone_Message__c';

/** The API version of the Open CTI library path the console serves (any version is accepted). */
export const openCtiApiVersion = '67.0';

/** Where the console page loads the softphone (the Call Center's adapter URL). */
export const softphonePagePath = '/apex/Softphone';

/** The SLDS stylesheet as the console server serves it. */
export const sldsStylesheetPath = '/assets/styles/salesforce-lightning-design-system.min.css';
