package org.unionhub.platform.rules.table;

import java.util.List;

/**
 * A decision table rendered as a rule layer: DRL text in the shape {@link
 * org.unionhub.platform.rules.RuleSandbox} accepts (rules only; {@code RuleSandbox.compose} adds
 * package, imports and the {@code actions} global), and which row each rule came from.
 *
 * @param drl the rules, one per row, in row order
 * @param rules the rules' names and places, in the same order
 */
public record RenderedTable(String drl, List<Rule> rules) {

  /**
   * One rendered rule.
   *
   * @param name the rule's name
   * @param row the row it came from, from 1
   * @param firstLine its first line in {@link RenderedTable#drl()}, from 1
   * @param lastLine its last line (the {@code end})
   */
  public record Rule(String name, int row, int firstLine, int lastLine) {}

  /** Copies the rules. */
  public RenderedTable {
    rules = List.copyOf(rules);
  }

  /**
   * The row a line of {@link #drl()} belongs to, so that a problem the compiler reports can be
   * shown where the author can fix it. When the table is one part of a larger layer, subtract the
   * line before the table's first from the layer's line number first.
   *
   * @param line a line of {@code drl}, from 1
   * @return the row, from 1; 0 when the line is outside every rule
   */
  public int rowAt(int line) {
    for (Rule rule : rules) {
      if (line >= rule.firstLine() && line <= rule.lastLine()) {
        return rule.row();
      }
    }
    return 0;
  }
}
