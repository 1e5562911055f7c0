package org.unionhub.platform.problem;

/**
 * The thing asked for does not exist or the caller may not see it; the API answers 404 for both so
 * that nothing leaks.
 */
public class NotVisibleException extends RuntimeException {

  public NotVisibleException(String what) {
    super(what + " not found");
  }
}
