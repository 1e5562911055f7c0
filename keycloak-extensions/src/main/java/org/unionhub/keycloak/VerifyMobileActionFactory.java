package org.unionhub.keycloak;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link VerifyMobileAction}. The channel for text messages is chosen with {@code
 * --spi-required-action--unionhub-verify-mobile--channel=<id>} (default: the first channel found
 * that delivers to mobile numbers; the build ships only the demo {@code log} channel).
 */
public class VerifyMobileActionFactory implements RequiredActionFactory {

  /** The required action's id. */
  public static final String ID = "unionhub-verify-mobile";

  private MobileChannel channel = new MobileChannel(null);

  @Override
  public String getDisplayText() {
    return "Verify mobile number (UnionHub)";
  }

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return new VerifyMobileAction(channel);
  }

  @Override
  public void init(Config.Scope config) {
    channel = new MobileChannel(config.get("channel"));
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
