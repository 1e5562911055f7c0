package org.unionhub.keycloak;

import java.util.logging.Logger;
import org.unionhub.sdk.message.Message;
import org.unionhub.sdk.message.MessageChannel;

/**
 * The demo channel: writes every message, with its address masked, to the server log instead of
 * sending it, so that one-time codes can be read there. Never configure it outside a demo.
 */
public class LogMessageChannel implements MessageChannel {

  private static final Logger LOG = Logger.getLogger(LogMessageChannel.class.getName());

  /** The channel's id. */
  public static final String ID = "log";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean delivers(Message.Kind kind) {
    return true;
  }

  @Override
  public void send(Message message) {
    LOG.info(
        String.format(
            "UnionHub message (demo channel, not sent) to %s %s: %s",
            message.kind(), message.maskedTo(), message.text()));
  }
}
