package org.unionhub.keycloak;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * E-mail verification where an address is given: asks Keycloak's own VERIFY_EMAIL action (which
 * sends the mail and takes the link back) of every account that has an unverified address, and of
 * no other. The realm's "verify e-mail" switch cannot say this: it asks every unverified account,
 * and since most workers give no address (the mobile number is what identifies them), it would mark
 * all of them "not fully set up" and refuse them tokens. Accounts whose address a union admin gave
 * in UnionHub arrive verified (ADR 0026).
 */
public class VerifyGivenEmail implements RequiredActionProvider, RequiredActionFactory {

  /** The required action's id. */
  public static final String ID = "unionhub-verify-given-email";

  @Override
  public void evaluateTriggers(RequiredActionContext context) {
    UserModel user = context.getUser();
    String email = user.getEmail();
    if (email != null
        && !email.isBlank()
        && !user.isEmailVerified()
        && user.getServiceAccountClientLink() == null
        && user.getRequiredActionsStream()
            .noneMatch(
                a ->
                    a.equals(UserModel.RequiredAction.VERIFY_EMAIL.name())
                        || a.equals(UserModel.RequiredAction.UPDATE_EMAIL.name()))) {
      user.addRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
    }
  }

  /** Never asked of anyone itself: the work is Keycloak's VERIFY_EMAIL. */
  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    context.getUser().removeRequiredAction(ID);
    context.success();
  }

  @Override
  public void processAction(RequiredActionContext context) {
    context.success();
  }

  @Override
  public String getDisplayText() {
    return "Verify a given e-mail address (UnionHub)";
  }

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
