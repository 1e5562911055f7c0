package org.unionhub.platform.rules.table;

import java.util.Locale;
import java.util.Optional;

/** Which rows of a decision table act when several match the same fact. */
public enum HitPolicy {

  /**
   * Every matching row acts. Their rules carry no salience, so their order among themselves and the
   * layer's other rules is Drools' own; a table whose rows set the same single value ({@code
   * routeTo}, {@code dueInWorkingDays}) for overlapping cases should use {@link #FIRST}.
   */
  ALL,

  /**
   * Only the first matching row, in table order, acts: the rows share an activation group named
   * after the table and carry saliences -1, -2, ... in row order. Negative, so that the table's
   * decision comes after rules of salience 0, the default.
   */
  FIRST;

  /**
   * @return the name in the JSON form: {@code all} or {@code first}
   */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param jsonName {@code all} or {@code first}
   * @return the policy, empty for any other text
   */
  public static Optional<HitPolicy> ofJsonName(String jsonName) {
    for (HitPolicy policy : values()) {
      if (policy.jsonName().equals(jsonName)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }
}
