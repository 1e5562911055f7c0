package org.unionhub.keycloak;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.resetcred.ResetCredentialChooseUser;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * First step of UnionHub's "forgot password" flow: Keycloak's own "choose user" step, which also
 * takes a mainland mobile number. A number finds the enabled account whose verified number it is
 * ({@code mobileVerified}) and marks the flow as "by mobile" ({@link #BY}), so that {@link
 * ResetByMobileCode} sends a code and {@link ResetByEmail} stays silent; anything else is a
 * username or e-mail address, handled exactly as Keycloak does. As in Keycloak's step, an unknown
 * number or name is not told apart from a known one: the flow goes on without a user, and the next
 * step answers as it would for a real account.
 */
public class ResetChooseUser extends ResetCredentialChooseUser {

  /** The provider's id. */
  public static final String ID = "unionhub-reset-choose-user";

  /** Authentication-session note: how the code or link is sent, {@code mobile} or absent. */
  static final String BY = "unionhub.reset.by";

  /** Authentication-session note: the mobile number as the person typed it. */
  static final String NUMBER = "unionhub.reset.number";

  /**
   * Authentication-session note: the id of the account whose verified number was typed. The flow's
   * user is set only once the code has come back: a user known before would show its username on
   * the code page (Keycloak's "attempted username" header), which an unknown number's page would
   * not — telling which numbers are accounts, and whose.
   */
  static final String CANDIDATE = "unionhub.reset.candidate";

  @Override
  public void action(AuthenticationFlowContext context) {
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    String typed = form.getFirst("username") == null ? "" : form.getFirst("username").strip();
    var auth = context.getAuthenticationSession();
    auth.removeAuthNote(CANDIDATE);
    if (!VerifyMobileAction.MAINLAND.matcher(typed).matches()) {
      auth.removeAuthNote(BY);
      auth.removeAuthNote(NUMBER);
      super.action(context);
      return;
    }
    auth.setAuthNote(BY, "mobile");
    auth.setAuthNote(NUMBER, typed);
    auth.setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, typed);
    UserModel user = byVerifiedMobile(context.getSession(), context, typed);
    if (user == null) {
      context.getEvent().clone().detail(Details.USERNAME, typed).error(Errors.USER_NOT_FOUND);
    } else {
      auth.setAuthNote(CANDIDATE, user.getId());
    }
    context.clearUser();
    context.success();
  }

  private static UserModel byVerifiedMobile(
      KeycloakSession session, AuthenticationFlowContext context, String number) {
    return session
        .users()
        .searchForUserByUserAttributeStream(context.getRealm(), VerifyMobileAction.VERIFIED, number)
        .filter(UserModel::isEnabled)
        .filter(u -> number.equals(u.getFirstAttribute(VerifyMobileAction.MOBILE)))
        .findFirst()
        .orElse(null);
  }

  @Override
  public String getDisplayType() {
    return "Choose user by username, e-mail or mobile (UnionHub)";
  }

  @Override
  public String getHelpText() {
    return "Finds the account by username, e-mail or verified mainland mobile number.";
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return this;
  }

  @Override
  public String getId() {
    return ID;
  }
}
