<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: unionhub-verify-mobile.ftl -->
    <#if section = "header">
        ${msg("unionhubVerifyMobileTitle")}
    <#elseif section = "form">
        <#if mobileMasked??>
        <p id="uh-code-sent">${msg("unionhubVerifyMobileSent", mobileMasked)}</p>
        <form id="uh-verify-mobile-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@field.input name="code" label=msg("unionhubVerifyMobileCode") autocomplete="one-time-code" autofocus=true />
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="uh-verify" name="verify" label="doSubmit" class=["kcButtonPrimaryClass"]/>
                <@buttons.button id="uh-resend" name="resend" label="unionhubVerifyMobileResend" class=["kcButtonSecondaryClass"]/>
                <@buttons.button id="uh-change" name="change" label="unionhubVerifyMobileChange" class=["kcButtonSecondaryClass"]/>
            </@buttons.actionGroup>
        </form>
        <#else>
        <p>${msg("unionhubMobileHelp")}</p>
        <form id="uh-mobile-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@field.input name="mobile" label=msg("unionhubMobile") autocomplete="tel" autofocus=true />
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="uh-send" name="send" label="unionhubVerifyMobileSend" class=["kcButtonPrimaryClass"]/>
            </@buttons.actionGroup>
        </form>
        </#if>
    </#if>
</@layout.registrationLayout>
