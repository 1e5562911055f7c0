package org.unionhub.platform.tally;

import java.util.List;
import org.unionhub.sdk.tally.TallyCell;

/**
 * A tally as a reader sees it.
 *
 * @param cells the cells shown, in key order
 * @param hidden the keys of the cells hidden because they count fewer than {@code minimumCell}
 * @param minimumCell the smallest count shown, or 0 when nothing is hidden (named items)
 */
public record TallyView(List<TallyCell> cells, List<String> hidden, int minimumCell) {

  public TallyView {
    cells = List.copyOf(cells);
    hidden = List.copyOf(hidden);
  }

  /**
   * @param key a cell's key
   * @return the cell, or null when it is hidden or empty
   */
  public TallyCell cell(String key) {
    return cells.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
  }
}
