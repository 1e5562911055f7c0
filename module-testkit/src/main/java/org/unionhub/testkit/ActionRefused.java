package org.unionhub.testkit;

/**
 * An action the workflow, or an action type's roles or audience, did not allow. It is an {@link
 * AssertionError}, so a test that expected the move fails with the reason.
 *
 * @since 0.1
 */
public final class ActionRefused extends AssertionError {

  /**
   * Why an action was refused.
   *
   * @since 0.1
   */
  public enum Reason {
    /** The workflow has no such action from the request's current state. */
    NOT_POSSIBLE_IN_STATE,
    /** The actor's role may not take the transition. */
    ROLE_NOT_ALLOWED,
    /** A rule watching the workflow step refused the action (a guard). */
    REFUSED_BY_RULES,
    /**
     * The actor is not in the item's audience (a member of another union, or not a member).
     *
     * @since 1.0
     */
    NOT_IN_AUDIENCE
  }

  private final Reason reason;

  ActionRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Why the action was refused.
   *
   * @return the reason
   * @since 0.1
   */
  public Reason reason() {
    return reason;
  }
}
