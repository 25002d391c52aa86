import { label } from '../i18n';

/**
 * The words of the button that opens Check setup and of the panel's heading. Its own file: the
 * button is in the core (lazy-setup-check.ts), the panel in the Check setup chunk.
 */
export function checkSetupLabel(): string {
    return label('Softphone_Check_Setup');
}
