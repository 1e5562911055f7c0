package org.unionhub.sdk.rules;

/**
 * What a rule may do. The platform binds an implementation as the global {@code actions} in every
 * rule session; rules call nothing else in their consequences.
 *
 * <pre>{@code
 * rule "enrollment.minimum-age"
 * when
 *   Applicant( age < 16 )
 * then
 *   actions.reject("idNumber", "UNDER_MINIMUM_AGE", "申请人未满16周岁");
 * end
 * }</pre>
 *
 * @since 0.1
 */
public interface Actions {

  /**
   * Refuses the submission because of one field.
   *
   * @param field the form field at fault
   * @param code a stable reason code, upper case
   * @param message the reason for the applicant
   * @since 0.1
   */
  void reject(String field, String code, String message);

  /**
   * Hands the request to another tenant, for example the district union.
   *
   * @param tenantCode the code of the tenant that handles the request next
   * @since 0.1
   */
  void routeTo(String tenantCode);

  /**
   * Sets the deadline of the request's current step.
   *
   * @param workingDays working days on the official calendar, at least 1
   * @since 0.1
   */
  void dueInWorkingDays(int workingDays);

  /**
   * Marks the request for a person to look at.
   *
   * @param reason why
   * @since 0.1
   */
  void flagForReview(String reason);

  /**
   * Takes a workflow action automatically, as the system, right after the current step: for example
   * approving an application that needs no review. The action must be possible in the state the
   * request reaches; otherwise it is ignored and the request is flagged for review.
   *
   * @param action the action to take
   * @since 0.2
   */
  void advance(String action);
}
