/**
 * Opens the softphone panel (Open CTI setSoftphonePanelVisibility `{ visible: true }`:
 * https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_setsoftphonepanelvisibility_lex.htm),
 * which the softphone does on ring, on click-to-dial and when the agent clicks a call
 * notification. Headless (display/headless) it never does: the softphone runs unseen and the
 * agent works from the Softphone Call Bar; the panel opens only when the agent opens the utility.
 */
export function createPanelOpener(
    host: { setSoftphonePanelVisibility(visible: boolean): Promise<void> },
    headless: boolean
): () => void {
    if (headless) {
        return () => undefined;
    }
    return () => void host.setSoftphonePanelVisibility(true).catch(() => undefined);
}
