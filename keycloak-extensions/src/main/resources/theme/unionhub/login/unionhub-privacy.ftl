<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: unionhub-privacy.ftl -->
    <#if section = "header">
        ${msg("unionhubPrivacyTitle")}
    <#elseif section = "form">
    <div class="${properties.kcContentWrapperClass} uh-privacy" id="uh-privacy-text">
        ${kcSanitize(msg("unionhubPrivacyText"))?no_esc}
    </div>
    <form id="uh-privacy-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="POST">
        <@buttons.actionGroup horizontal=true>
            <@buttons.button name="accept" id="uh-accept" label="unionhubPrivacyAccept" class=["kcButtonPrimaryClass"]/>
            <@buttons.button name="decline" id="uh-decline" label="unionhubPrivacyDecline" class=["kcButtonSecondaryClass"]/>
        </@buttons.actionGroup>
    </form>
    </#if>
</@layout.registrationLayout>
