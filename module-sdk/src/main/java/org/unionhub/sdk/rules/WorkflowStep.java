package org.unionhub.sdk.rules;

/**
 * The step a request is about to take, a fact every rule set can see. At submission its action is
 * {@code submit}; when someone acts on a request it is that action. Rules that match a {@code
 * WorkflowStep} are also asked at every transition, where a {@link Actions#reject reject} refuses
 * the action (a guard) and {@link Actions#advance advance} takes another one right after (an
 * automatic transition); rules that do not match it run at submission only.
 *
 * <pre>{@code
 * rule "gd.approval-needs-an-employer-code"
 * when
 *   WorkflowStep( action == "approve" )
 *   Applicant( employerCreditCode == null )
 * then
 *   actions.reject("employerCreditCode", "MISSING", "批准前须补全单位信用代码");
 * end
 * }</pre>
 *
 * @since 0.2
 */
public final class WorkflowStep {

  private final String action;
  private final String from;
  private final String to;
  private final String role;
  private final String tenant;

  /**
   * @param action the action: {@code submit} or a transition's action
   * @param from the state before, null at submission
   * @param to the state the action leads to
   * @param role the role of who acts: {@code member} at submission, the actor's role otherwise
   * @param tenant the tenant handling the request
   * @since 0.2
   */
  public WorkflowStep(String action, String from, String to, String role, String tenant) {
    this.action = action;
    this.from = from;
    this.to = to;
    this.role = role;
    this.tenant = tenant;
  }

  /**
   * @return the action
   * @since 0.2
   */
  public String getAction() {
    return action;
  }

  /**
   * @return the state before, null at submission
   * @since 0.2
   */
  public String getFrom() {
    return from;
  }

  /**
   * @return the state the action leads to
   * @since 0.2
   */
  public String getTo() {
    return to;
  }

  /**
   * @return the role of who acts
   * @since 0.2
   */
  public String getRole() {
    return role;
  }

  /**
   * @return the tenant handling the request
   * @since 0.2
   */
  public String getTenant() {
    return tenant;
  }
}
