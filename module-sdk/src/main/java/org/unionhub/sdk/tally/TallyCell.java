package org.unionhub.sdk.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A tally's cell as read.
 *
 * @param key the cell
 * @param count how many entries it counted
 * @param sum the sum of their values (zero when they carried none)
 * @since 1.0
 */
public record TallyCell(String key, long count, BigDecimal sum) {

  /**
   * @return the average of the values, two decimals; null when the cell is empty
   * @since 1.0
   */
  public BigDecimal average() {
    return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
  }
}
