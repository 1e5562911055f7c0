package org.unionhub.keycloak;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.resetcred.ResetCredentialEmail;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's "send reset e-mail" step, skipped when the person asked by mobile number ({@link
 * ResetChooseUser#BY}): then {@link ResetByMobileCode} has proven the number instead.
 */
public class ResetByEmail extends ResetCredentialEmail {

  /** The provider's id. */
  public static final String ID = "unionhub-reset-email";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    if ("mobile".equals(context.getAuthenticationSession().getAuthNote(ResetChooseUser.BY))) {
      context.success();
      return;
    }
    super.authenticate(context);
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public String getDisplayType() {
    return "Send reset e-mail unless asked by mobile (UnionHub)";
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
