package org.unionhub.keycloak;

import java.time.Instant;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * Required action: the person reads UnionHub's privacy notice (PIPL: what is collected, why, how
 * long, their rights) and accepts it before the account is used; declining deletes the account at
 * once, with everything it held. Triggered for every user who has not accepted the current version
 * ({@code privacyAccepted}), except accounts created by union admins in UnionHub, who accept it on
 * their union's terms.
 */
public class PrivacyNoticeAction implements RequiredActionProvider, RequiredActionFactory {

  /** The required action's id. */
  public static final String ID = "unionhub-privacy-notice";

  /** The version of the notice; raising it asks everyone again. */
  static final String VERSION = "2026-12";

  static final String ACCEPTED = "privacyAccepted";

  static boolean needsAcceptance(UserModel user) {
    return !VERSION.equals(user.getFirstAttribute(ACCEPTED))
        && user.getFirstAttribute("unionhubPersonId") == null
        && user.getServiceAccountClientLink() == null;
  }

  @Override
  public void evaluateTriggers(RequiredActionContext context) {
    if (needsAcceptance(context.getUser())) {
      context.getUser().addRequiredAction(ID);
    }
  }

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    context.challenge(context.form().createForm("unionhub-privacy.ftl"));
  }

  @Override
  public void processAction(RequiredActionContext context) {
    var form = context.getHttpRequest().getDecodedFormParameters();
    UserModel user = context.getUser();
    if (form.containsKey("accept")) {
      user.setSingleAttribute(ACCEPTED, VERSION);
      user.setSingleAttribute("privacyAcceptedAt", Instant.now().toString());
      user.removeRequiredAction(ID);
      context.success();
      return;
    }
    context.getSession().users().removeUser(context.getRealm(), user);
    context.failure();
  }

  @Override
  public String getDisplayText() {
    return "Accept the privacy notice (UnionHub)";
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
