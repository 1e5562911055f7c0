package org.unionhub.sdk.message;

/**
 * A way to deliver {@link Message}s. Implementations are listed in {@code
 * META-INF/services/org.unionhub.sdk.message.MessageChannel} and found by {@link MessageChannels}.
 * They must be thread-safe: one instance serves every sender.
 *
 * @since 0.4
 */
public interface MessageChannel {

  /**
   * @return the channel's id, chosen in configuration ({@code log}, {@code aliyun-sms})
   * @since 0.4
   */
  String id();

  /**
   * @param kind a kind of address
   * @return whether this channel delivers to it
   * @since 0.4
   */
  boolean delivers(Message.Kind kind);

  /**
   * Delivers a message, or fails.
   *
   * @param message the message
   * @throws MessageDeliveryException when it could not be delivered; the caller may retry
   * @since 0.4
   */
  void send(Message message);
}
