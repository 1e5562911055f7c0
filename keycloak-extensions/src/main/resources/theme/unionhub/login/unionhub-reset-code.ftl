<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: unionhub-reset-code.ftl -->
    <#if section = "header">
        ${msg("unionhubResetCodeTitle")}
    <#elseif section = "form">
        <p id="uh-reset-code-sent">${msg("unionhubResetCodeSent", mobileMasked!"")}</p>
        <form id="uh-reset-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@field.input name="code" label=msg("unionhubVerifyMobileCode") autocomplete="one-time-code" autofocus=true />
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="uh-reset-verify" name="verify" label="doSubmit" class=["kcButtonPrimaryClass"]/>
                <@buttons.button id="uh-reset-resend" name="resend" label="unionhubVerifyMobileResend" class=["kcButtonSecondaryClass"]/>
            </@buttons.actionGroup>
        </form>
        <p><a id="uh-reset-back" href="${url.loginUrl}">${msg("backToLogin")}</a></p>
    </#if>
</@layout.registrationLayout>
