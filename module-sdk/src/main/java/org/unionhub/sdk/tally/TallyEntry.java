package org.unionhub.sdk.tally;

import java.math.BigDecimal;

/**
 * One increment of a tally: the cell {@code key} counts one more and, with a value, adds it to the
 * cell's sum.
 *
 * @param key the cell, for example {@code q1=yes} or {@code q3} for a rating
 * @param value the number to add to the cell's sum, or null to count only
 * @since 1.0
 */
public record TallyEntry(String key, BigDecimal value) {

  /**
   * @param key the cell
   * @return an entry that only counts
   * @since 1.0
   */
  public static TallyEntry count(String key) {
    return new TallyEntry(key, null);
  }
}
