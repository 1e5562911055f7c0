package org.unionhub.keycloak;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.unionhub.sdk.message.Message;
import org.unionhub.sdk.message.MessageChannel;
import org.unionhub.sdk.message.MessageChannels;

/**
 * Registers {@link VerifyMobileAction}. The channel for text messages is chosen with {@code
 * --spi-required-action--unionhub-verify-mobile--channel=<id>} (default: the first channel found
 * that delivers to mobile numbers; the build ships only the demo {@code log} channel).
 */
public class VerifyMobileActionFactory implements RequiredActionFactory {

  /** The required action's id. */
  public static final String ID = "unionhub-verify-mobile";

  private volatile MessageChannel channel;
  private String wanted;

  @Override
  public String getDisplayText() {
    return "Verify mobile number (UnionHub)";
  }

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return new VerifyMobileAction(channel());
  }

  @Override
  public void init(Config.Scope config) {
    wanted = config.get("channel");
  }

  /** Found on first use, so that a missing channel fails the verification, not Keycloak's start. */
  private MessageChannel channel() {
    MessageChannel c = channel;
    if (c == null) {
      c =
          MessageChannels.load(VerifyMobileActionFactory.class.getClassLoader())
              .forKind(Message.Kind.MOBILE, wanted)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no message channel for mobile numbers"
                              + (wanted == null ? "" : " with id " + wanted)
                              + " on Keycloak's class path"));
      channel = c;
    }
    return c;
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
