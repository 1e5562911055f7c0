package org.unionhub.platform.workflow;

/** An action lost a race or does not fit the request's current state or version. */
public class RequestConflictException extends RuntimeException {

  private final String currentState;
  private final int currentVersion;

  public RequestConflictException(String message, String currentState, int currentVersion) {
    super(message);
    this.currentState = currentState;
    this.currentVersion = currentVersion;
  }

  public String currentState() {
    return currentState;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
