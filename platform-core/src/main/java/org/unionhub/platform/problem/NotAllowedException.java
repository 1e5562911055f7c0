package org.unionhub.platform.problem;

/** The caller may see the thing but not do this to it. */
public class NotAllowedException extends RuntimeException {

  public NotAllowedException(String message) {
    super(message);
  }
}
