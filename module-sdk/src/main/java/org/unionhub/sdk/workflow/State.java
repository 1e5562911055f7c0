package org.unionhub.sdk.workflow;

import org.unionhub.sdk.LocalizedText;

/**
 * A state a request can be in.
 *
 * <p>An optional state is a step tenants may add or remove through their configuration, for example
 * a district review before the city approves. When a tenant leaves it out, every transition into it
 * leads to {@code skipTo} instead.
 *
 * @param name the state name, for example {@code submitted}
 * @param label what staff see
 * @param terminal whether the request is finished in this state
 * @param workingDays the deadline for leaving this state, in working days; 0 for none
 * @param skipTo for an optional state, where requests go when a tenant leaves the step out; null
 *     for a state every tenant has
 * @param includedByDefault for an optional state, whether it is part of the workflow until a tenant
 *     says otherwise
 * @since 0.1
 */
public record State(
    String name,
    LocalizedText label,
    boolean terminal,
    int workingDays,
    String skipTo,
    boolean includedByDefault) {

  /**
   * A state every tenant has.
   *
   * @param name the state name
   * @param label what staff see
   * @param terminal whether the request is finished in this state
   * @param workingDays the deadline in working days; 0 for none
   * @since 0.1
   */
  public State(String name, LocalizedText label, boolean terminal, int workingDays) {
    this(name, label, terminal, workingDays, null, true);
  }

  /**
   * An optional step.
   *
   * @param name the state name
   * @param label what staff see
   * @param workingDays the deadline in working days
   * @param skipTo where requests go when a tenant leaves the step out
   * @param includedByDefault whether the step is in the workflow until a tenant says otherwise
   * @return the state
   * @since 0.2
   */
  public static State optional(
      String name, LocalizedText label, int workingDays, String skipTo, boolean includedByDefault) {
    return new State(name, label, false, workingDays, skipTo, includedByDefault);
  }

  /**
   * @return whether tenants may add or remove this step
   * @since 0.2
   */
  public boolean optional() {
    return skipTo != null;
  }
}
