package org.unionhub.keycloak;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.unionhub.sdk.message.Message;
import org.unionhub.sdk.message.MessageChannel;

/**
 * "Forgot password" by mobile number: after {@link ResetChooseUser} took a number, sends a
 * six-digit one-time code through a {@link MessageChannel} to the account's verified number and
 * goes on (to Keycloak's "reset password" step, where the person sets a new password) once the code
 * is entered.
 *
 * <p>No user enumeration: for a number that belongs to no account the page, messages and limits are
 * the same; no text is sent and no code can match. The flow's user is set only when the code came
 * back ({@link ResetChooseUser#CANDIDATE}), so that the page never shows whose number it is.
 * Limits: a code lives five minutes and allows five tries (then a new code is needed); at most one
 * text per number a minute, across all sessions and nodes (Keycloak's single-use store), for known
 * and unknown numbers alike.
 */
public class ResetByMobileCode implements Authenticator, AuthenticatorFactory {

  /** The provider's id. */
  public static final String ID = "unionhub-reset-mobile-code";

  static final String CODE = "unionhub.reset.code";
  static final String ISSUED = "unionhub.reset.issued";
  static final String TRIES = "unionhub.reset.tries";
  static final int LIFESPAN = VerifyMobileAction.LIFESPAN;
  static final int MAX_TRIES = VerifyMobileAction.MAX_TRIES;
  static final int RESEND_AFTER = VerifyMobileAction.RESEND_AFTER;

  private static final SecureRandom RANDOM = new SecureRandom();

  private MobileChannel channel = new MobileChannel(null);

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    AuthenticationSessionModel auth = context.getAuthenticationSession();
    if (!"mobile".equals(auth.getAuthNote(ResetChooseUser.BY))) {
      context.success();
      return;
    }
    String error = issue(context) ? null : "unionhubMobileResendWait";
    context.challenge(form(context, error));
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    AuthenticationSessionModel auth = context.getAuthenticationSession();
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    if (form.containsKey("resend")) {
      context.challenge(form(context, issue(context) ? null : "unionhubMobileResendWait"));
      return;
    }
    String code = form.getFirst("code") == null ? "" : form.getFirst("code").strip();
    String expected = auth.getAuthNote(CODE);
    String issued = auth.getAuthNote(ISSUED);
    if (issued == null || Time.currentTime() - Integer.parseInt(issued) > LIFESPAN) {
      context.challenge(form(context, "unionhubResetCodeExpired"));
      return;
    }
    int tries =
        Integer.parseInt(auth.getAuthNote(TRIES) == null ? "0" : auth.getAuthNote(TRIES)) + 1;
    if (tries > MAX_TRIES) {
      context.challenge(form(context, "unionhubResetTooManyTries"));
      return;
    }
    auth.setAuthNote(TRIES, Integer.toString(tries));
    UserModel user = candidate(context);
    if (user != null
        && expected != null
        && MessageDigest.isEqual(
            code.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      auth.removeAuthNote(CODE);
      auth.removeAuthNote(ISSUED);
      auth.removeAuthNote(TRIES);
      auth.removeAuthNote(ResetChooseUser.CANDIDATE);
      context.setUser(user);
      context.success();
      return;
    }
    context.getEvent().error(Errors.INVALID_CODE);
    String error = tries >= MAX_TRIES ? "unionhubResetTooManyTries" : "unionhubMobileCodeWrong";
    context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form(context, error));
  }

  /**
   * Issues a new code for the typed number, sent only if it is an account's verified number.
   *
   * @return false when the number had a text less than a minute ago (nothing issued)
   */
  private boolean issue(AuthenticationFlowContext context) {
    AuthenticationSessionModel auth = context.getAuthenticationSession();
    String number = auth.getAuthNote(ResetChooseUser.NUMBER);
    // One text per number a minute, whether or not the number is an account's.
    if (!context
        .getSession()
        .singleUseObjects()
        .putIfAbsent(
            "unionhub-reset-sms:" + context.getRealm().getId() + ":" + number, RESEND_AFTER)) {
      return false;
    }
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    auth.setAuthNote(CODE, code);
    auth.setAuthNote(ISSUED, Integer.toString(Time.currentTime()));
    auth.setAuthNote(TRIES, "0");
    UserModel user = candidate(context);
    if (user != null) {
      Locale locale = context.getSession().getContext().resolveLocale(user);
      boolean chinese = locale == null || locale.getLanguage().equals("zh");
      String text =
          chinese
              ? "【工会服务平台】您正在重设密码，验证码是 " + code + "，5 分钟内有效。如非本人操作请忽略。"
              : "[UnionHub] Your password reset code is "
                  + code
                  + ", valid for 5 minutes. Ignore this if you did not ask for it.";
      channel
          .get()
          .send(
              new Message(
                  Message.Kind.MOBILE,
                  user.getFirstAttribute(VerifyMobileAction.VERIFIED),
                  "",
                  text,
                  locale));
    }
    return true;
  }

  /** The account whose verified number was typed, still enabled and still holding that number. */
  private static UserModel candidate(AuthenticationFlowContext context) {
    AuthenticationSessionModel auth = context.getAuthenticationSession();
    String id = auth.getAuthNote(ResetChooseUser.CANDIDATE);
    if (id == null) {
      return null;
    }
    UserModel user = context.getSession().users().getUserById(context.getRealm(), id);
    String number = auth.getAuthNote(ResetChooseUser.NUMBER);
    return user != null
            && user.isEnabled()
            && number != null
            && number.equals(user.getFirstAttribute(VerifyMobileAction.VERIFIED))
        ? user
        : null;
  }

  private Response form(AuthenticationFlowContext context, String error) {
    String number = context.getAuthenticationSession().getAuthNote(ResetChooseUser.NUMBER);
    var form =
        context
            .form()
            .setAttribute(
                "mobileMasked", new Message(Message.Kind.MOBILE, number, "", "-", null).maskedTo());
    if (error != null) {
      form.setError(error);
    }
    return form.createForm("unionhub-reset-code.ftl");
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public String getDisplayType() {
    return "Reset password by text-message code (UnionHub)";
  }

  @Override
  public String getReferenceCategory() {
    return null;
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
    return new AuthenticationExecutionModel.Requirement[] {
      AuthenticationExecutionModel.Requirement.REQUIRED,
      AuthenticationExecutionModel.Requirement.DISABLED
    };
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public String getHelpText() {
    return "When the person asked by mobile number: sends a one-time code to the account's"
        + " verified number and asks for it.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  /**
   * The channel is chosen with {@code --spi-authenticator--unionhub-reset-mobile-code--channel}.
   */
  @Override
  public void init(Config.Scope config) {
    channel = new MobileChannel(config.get("channel"));
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public Authenticator create(KeycloakSession session) {
    return this;
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
