package org.unionhub.keycloak;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Locale;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.unionhub.sdk.message.Message;
import org.unionhub.sdk.message.MessageChannel;

/**
 * Required action: proves that the person holds a mobile number, with a six-digit one-time code
 * sent through a {@link MessageChannel}; asks for the number first when the account has none.
 * Triggered for every user without a verified number ({@code mobile} equal to {@code
 * mobileVerified}), except accounts that union admins created in UnionHub ({@code
 * unionhubPersonId}), whose number the admin vouches for. So a self-registered worker can do
 * nothing, apply to a union included, before their number is verified. A code is valid for five
 * minutes and for five tries; "resend" issues a new one, at most one a minute.
 */
public class VerifyMobileAction implements RequiredActionProvider {

  static final String MOBILE = "mobile";
  static final String VERIFIED = "mobileVerified";
  static final String CODE = "unionhub.mobile.code";
  static final String ISSUED = "unionhub.mobile.issued";
  static final String TRIES = "unionhub.mobile.tries";
  static final int LIFESPAN = 300;
  static final int MAX_TRIES = 5;
  static final int RESEND_AFTER = 60;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MobileChannel channel;

  VerifyMobileAction(MobileChannel channel) {
    this.channel = channel;
  }

  /**
   * @param user a user
   * @return whether the user must verify their mobile number
   */
  static boolean needsVerification(UserModel user) {
    String mobile = user.getFirstAttribute(MOBILE);
    return user.getFirstAttribute("unionhubPersonId") == null
        && user.getServiceAccountClientLink() == null
        && (mobile == null || !mobile.equals(user.getFirstAttribute(VERIFIED)));
  }

  /** A mainland China mobile number. */
  static final java.util.regex.Pattern MAINLAND = java.util.regex.Pattern.compile("1[3-9][0-9]{9}");

  @Override
  public void evaluateTriggers(RequiredActionContext context) {
    if (needsVerification(context.getUser())) {
      context.getUser().addRequiredAction(VerifyMobileActionFactory.ID);
    }
  }

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    if (!needsVerification(context.getUser())) {
      context.getUser().removeRequiredAction(VerifyMobileActionFactory.ID);
      context.success();
      return;
    }
    AuthenticationSessionModel auth = context.getAuthenticationSession();
    if (context.getUser().getFirstAttribute(MOBILE) == null) {
      context.challenge(form(context, null));
      return;
    }
    if (auth.getAuthNote(CODE) == null || expired(auth)) {
      issue(context);
    }
    context.challenge(form(context, null));
  }

  @Override
  public void processAction(RequiredActionContext context) {
    AuthenticationSessionModel auth = context.getAuthenticationSession();
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    if (context.getUser().getFirstAttribute(MOBILE) == null || form.containsKey("change")) {
      String mobile = form.getFirst(MOBILE) == null ? "" : form.getFirst(MOBILE).strip();
      if (form.containsKey("change") && !form.containsKey(MOBILE)) {
        context.getUser().removeAttribute(MOBILE);
        auth.removeAuthNote(CODE);
        context.challenge(form(context, null));
      } else if (!MAINLAND.matcher(mobile).matches()) {
        context.challenge(form(context, "unionhubMobileInvalid"));
      } else {
        context.getUser().setSingleAttribute(MOBILE, mobile);
        issue(context);
        context.challenge(form(context, null));
      }
      return;
    }
    if (form.containsKey("resend")) {
      String issued = auth.getAuthNote(ISSUED);
      if (issued == null || Time.currentTime() - Integer.parseInt(issued) >= RESEND_AFTER) {
        issue(context);
        context.challenge(form(context, null));
      } else {
        context.challenge(form(context, "unionhubMobileResendWait"));
      }
      return;
    }
    String code = form.getFirst("code") == null ? "" : form.getFirst("code").strip();
    if (auth.getAuthNote(CODE) == null || expired(auth)) {
      issue(context);
      context.challenge(form(context, "unionhubMobileCodeExpired"));
      return;
    }
    if (code.equals(auth.getAuthNote(CODE))) {
      UserModel user = context.getUser();
      user.setSingleAttribute(VERIFIED, user.getFirstAttribute(MOBILE));
      user.removeRequiredAction(VerifyMobileActionFactory.ID);
      auth.removeAuthNote(CODE);
      auth.removeAuthNote(ISSUED);
      auth.removeAuthNote(TRIES);
      context.success();
      return;
    }
    int tries =
        Integer.parseInt(auth.getAuthNote(TRIES) == null ? "0" : auth.getAuthNote(TRIES)) + 1;
    if (tries >= MAX_TRIES) {
      issue(context);
      context.challenge(form(context, "unionhubMobileTooManyTries"));
    } else {
      auth.setAuthNote(TRIES, Integer.toString(tries));
      context.challenge(form(context, "unionhubMobileCodeWrong"));
    }
  }

  private static boolean expired(AuthenticationSessionModel auth) {
    String issued = auth.getAuthNote(ISSUED);
    return issued == null || Time.currentTime() - Integer.parseInt(issued) > LIFESPAN;
  }

  private void issue(RequiredActionContext context) {
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    AuthenticationSessionModel auth = context.getAuthenticationSession();
    auth.setAuthNote(CODE, code);
    auth.setAuthNote(ISSUED, Integer.toString(Time.currentTime()));
    auth.setAuthNote(TRIES, "0");
    Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
    boolean chinese = locale == null || locale.getLanguage().equals("zh");
    String text =
        chinese
            ? "【工会服务平台】您的验证码是 " + code + "，5 分钟内有效。请勿告诉他人。"
            : "[UnionHub] Your verification code is "
                + code
                + ", valid for 5 minutes. Do not share it.";
    channel
        .get()
        .send(
            new Message(
                Message.Kind.MOBILE,
                context.getUser().getFirstAttribute(MOBILE),
                "",
                text,
                locale));
  }

  private Response form(RequiredActionContext context, String error) {
    var form = context.form();
    String mobile = context.getUser().getFirstAttribute(MOBILE);
    // Without a number the page asks for one (an account made in Keycloak's console may have none).
    if (mobile != null) {
      form.setAttribute(
          "mobileMasked", new Message(Message.Kind.MOBILE, mobile, "", "-", null).maskedTo());
    }
    if (error != null) {
      form.setError(error);
    }
    return form.createForm("unionhub-verify-mobile.ftl");
  }

  @Override
  public void close() {}
}
