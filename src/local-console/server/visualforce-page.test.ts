import { renderVisualforcePage } from './visualforce-page';

const options = {
    userId: '005000000000001AAA',
    sldsStylesheetUrl: '/assets/styles/salesforce-lightning-design-system.min.css',
    resourceUrl: (name: string, path?: string) =>
        path === undefined ? `/resource/${name}` : `/resource/${name}/${path}`
};

describe('renderVisualforcePage', () => {
    it('renders the softphone host page: resources, user id, SLDS, no apex:page tags', () => {
        const source = [
            '<apex:page showHeader="false" sidebar="false" standardStylesheets="false"',
            '    applyHtmlTag="false" applyBodyTag="false" docType="html-5.0">',
            '<html>',
            '<head>',
            '    <apex:slds />',
            '    <script src="/support/api/67.0/lightning/opencti_min.js"></script>',
            '    <script src="{!URLFOR($Resource.softphone, \'softphone.js\')}"></script>',
            '</head>',
            '<body class="slds-scope" data-user-id="{!$User.Id}"><div id="app"></div></body>',
            '</html>',
            '</apex:page>'
        ].join('\n');
        const { html, warnings } = renderVisualforcePage(source, options);
        expect(warnings).toEqual([]);
        expect(html).not.toMatch(/apex:/);
        expect(html).toContain('<script src="/resource/softphone/softphone.js"></script>');
        expect(html).toContain('data-user-id="005000000000001AAA"');
        expect(html).toContain(
            '<link rel="stylesheet" type="text/css" href="/assets/styles/salesforce-lightning-design-system.min.css" />'
        );
        expect(html.startsWith('<html>')).toBe(true);
    });

    it('accepts the other spellings of the same merge fields and tags', () => {
        const source = [
            '<apex:page >',
            '<apex:slds></apex:slds>',
            '<apex:includeScript value="{! URLFOR( $Resource.Softphone , "js/app.js" ) }" />',
            "<apex:stylesheet value='{!URLFOR($Resource.softphone)}/app.css'/>",
            '<img src="{!$Resource.softphone}/logo.svg" alt="" />',
            '<span>{!$user.id}</span>',
            '</apex:page>'
        ].join('\n');
        const { html, warnings } = renderVisualforcePage(source, options);
        expect(warnings).toEqual([]);
        expect(html).toContain('<script src="/resource/Softphone/js/app.js"></script>');
        expect(html).toContain('href="/resource/softphone/app.css"');
        expect(html).toContain('src="/resource/softphone/logo.svg"');
        expect(html).toContain('<span>005000000000001AAA</span>');
    });

    it('wraps a page without an html element in a document', () => {
        const { html } = renderVisualforcePage('<apex:page><div>hi</div></apex:page>', options);
        expect(html).toMatch(/^<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8" \/><\/head>/);
        expect(html).toContain('<body>\n<div>hi</div>\n</body>');
    });

    it('keeps what it cannot render and says so', () => {
        const source =
            '<apex:page controller="Nope"><apex:form>{!$Label.c.Greeting}</apex:form></apex:page>';
        const { html, warnings } = renderVisualforcePage(source, options);
        expect(html).toContain('<apex:form>{!$Label.c.Greeting}</apex:form>');
        expect(warnings).toEqual([
            'merge field not supported by the local console, left as is: {!$Label.c.Greeting}',
            'Visualforce tag not supported by the local console, left as is: <apex:form>',
            'Visualforce tag not supported by the local console, left as is: </apex:form>'
        ]);
    });

    it('does not stop at a ">" inside a quoted attribute of apex:page', () => {
        const { html } = renderVisualforcePage(
            '<apex:page title="a > b"><p>x</p></apex:page>',
            options
        );
        expect(html).toContain('<body>\n<p>x</p>\n</body>');
    });

    describe('$Setup (hierarchy custom settings)', () => {
        const values: Record<string, string> = {
            'Softphone_Settings__c.Default_Country__c': 'FR',
            'Softphone_Settings__c.Search_Objects__c': '<img src=x onerror="alert(1)"> & \'Lead\''
        };
        const withSetup = {
            ...options,
            setupValue: (objectName: string, fieldName: string) =>
                values[`${objectName}.${fieldName}`] ?? ''
        };

        it('renders apex:outputText of a $Setup field as its escaped value', () => {
            const source = [
                '<span data-setting="/dialing/defaultCountry"><apex:outputText',
                '    value="{!$Setup.Softphone_Settings__c.Default_Country__c}" /></span>',
                '<span><apex:outputText value="{! $Setup.Softphone_Settings__c.Search_Objects__c }"></apex:outputText></span>',
                '<span><apex:outputText value="{!$Setup.Softphone_Settings__c.SIP_Domain__c}"/></span>'
            ].join('\n');
            const { html, warnings } = renderVisualforcePage(source, withSetup);
            expect(warnings).toEqual([]);
            expect(html).toContain('<span data-setting="/dialing/defaultCountry">FR</span>');
            expect(html).toContain(
                '<span>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;Lead&#39;</span>'
            );
            expect(html).toContain('<span></span>');
        });

        it('renders a bare $Setup merge field escaped, and escape="false" raw', () => {
            const source = [
                '<p>{!$Setup.Softphone_Settings__c.Search_Objects__c}</p>',
                '<p><apex:outputText escape="false" value="{!$Setup.Softphone_Settings__c.Default_Country__c}" /></p>'
            ].join('\n');
            const { html } = renderVisualforcePage(source, withSetup);
            expect(html).toContain('<p>&lt;img src=x');
            expect(html).toContain('<p>FR</p>');
        });

        it('leaves blank values when no custom-setting values are given', () => {
            const { html, warnings } = renderVisualforcePage(
                '<b><apex:outputText value="{!$Setup.Softphone_Settings__c.Default_Country__c}" /></b>',
                options
            );
            expect(warnings).toEqual([]);
            expect(html).toContain('<b></b>');
        });

        it('warns about an apex:outputText it cannot render', () => {
            const { warnings } = renderVisualforcePage(
                '<apex:outputText value="{!$Organization.Name}" />',
                withSetup
            );
            expect(warnings[0]).toMatch(/apex:outputText whose value is not one/);
        });
    });
});
