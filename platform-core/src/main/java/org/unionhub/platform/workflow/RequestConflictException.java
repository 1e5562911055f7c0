package org.unionhub.platform.workflow;

import org.unionhub.platform.problem.Explained;
import org.unionhub.platform.problem.ProblemText;

/** An action lost a race or does not fit the request's current state or version. */
public class RequestConflictException extends RuntimeException implements Explained {

  private final transient ProblemText text;
  private final String currentState;
  private final int currentVersion;

  public RequestConflictException(String message, String currentState, int currentVersion) {
    this(ProblemText.literal(message), currentState, currentVersion);
  }

  /**
   * @param text the reason, in any language
   * @param currentState the state now
   * @param currentVersion the version now
   */
  public RequestConflictException(ProblemText text, String currentState, int currentVersion) {
    super(text.toString());
    this.text = text;
    this.currentState = currentState;
    this.currentVersion = currentVersion;
  }

  /**
   * @return the reason, in any language
   */
  public ProblemText text() {
    return text;
  }

  public String currentState() {
    return currentState;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
