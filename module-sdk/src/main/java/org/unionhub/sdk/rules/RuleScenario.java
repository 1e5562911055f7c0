package org.unionhub.sdk.rules;

import java.util.List;
import java.util.Map;

/**
 * A test of a rule set: given a submission, the outcome the rules must produce. Scenarios travel
 * with the module's default rules and with every tenant's rule layer; publishing runs all of them
 * against the new effective rule set and is refused if any fails.
 *
 * @param name what the scenario checks, shown with its result
 * @param given the submitted form data
 * @param expect what the rules must do
 * @since 0.2
 */
public record RuleScenario(String name, Map<String, String> given, Expectation expect) {

  /**
   * Copies the data.
   *
   * @since 0.2
   */
  public RuleScenario {
    given = given == null ? Map.of() : Map.copyOf(given);
  }

  /**
   * The expected outcome. Null members are not checked.
   *
   * @param rejectedFields the fields the rules must reject, in any order; empty means the
   *     submission must be accepted; null means not checked
   * @param flagged whether the rules must flag the request for review
   * @param routeTo the tenant the rules must route to
   * @param dueInWorkingDays the deadline the rules must set
   * @since 0.2
   */
  public record Expectation(
      List<String> rejectedFields, Boolean flagged, String routeTo, Integer dueInWorkingDays) {

    /**
     * Copies the fields.
     *
     * @since 0.2
     */
    public Expectation {
      rejectedFields = rejectedFields == null ? null : List.copyOf(rejectedFields);
    }

    /**
     * The submission must be accepted.
     *
     * @return the expectation
     * @since 0.2
     */
    public static Expectation accepted() {
      return new Expectation(List.of(), null, null, null);
    }

    /**
     * The rules must reject these fields.
     *
     * @param fields the fields
     * @return the expectation
     * @since 0.2
     */
    public static Expectation rejected(String... fields) {
      return new Expectation(List.of(fields), null, null, null);
    }
  }
}
