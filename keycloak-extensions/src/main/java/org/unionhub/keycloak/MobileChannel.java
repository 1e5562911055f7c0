package org.unionhub.keycloak;

import org.unionhub.sdk.message.Message;
import org.unionhub.sdk.message.MessageChannel;
import org.unionhub.sdk.message.MessageChannels;

/**
 * The channel that delivers text messages to mobile numbers, found on first use, so that a missing
 * channel fails the one flow that needs it (a verification, a reset), not Keycloak's start.
 */
final class MobileChannel {

  private final String wanted;
  private volatile MessageChannel channel;

  /**
   * @param wanted the channel's id from the provider's configuration, or null for the first channel
   *     found that delivers to mobile numbers
   */
  MobileChannel(String wanted) {
    this.wanted = wanted;
  }

  MessageChannel get() {
    MessageChannel c = channel;
    if (c == null) {
      c =
          MessageChannels.load(MobileChannel.class.getClassLoader())
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
}
