package org.unionhub.platform.personal;

/** A sealed value could not be opened: its key is gone, or it was changed. */
public class SealedValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, never the value
   */
  public SealedValueException(String message) {
    super(message);
  }
}
