package org.unionhub.sdk.message;

/**
 * A message could not be delivered.
 *
 * @since 0.4
 */
public class MessageDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message why
   * @param cause the underlying failure, or null
   * @since 0.4
   */
  public MessageDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
