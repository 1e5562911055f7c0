package org.unionhub.platform.rules.table;

import java.util.List;

/** A decision table that cannot be read or rendered, with every problem found. */
public class DecisionTableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<TableProblem> problems;

  /**
   * @param problems every problem, at least one
   */
  public DecisionTableException(List<TableProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * @return every problem, in the order found: table, columns, then rows
   */
  public List<TableProblem> problems() {
    return problems;
  }

  private static String summary(List<TableProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a decision table exception needs a problem");
    }
    TableProblem first = problems.get(0);
    return problems.size()
        + " problem(s) in the decision table, first: "
        + first.code()
        + (first.row() > 0 ? " in row " + first.row() : "")
        + (first.column() != null ? " in column " + first.column() : "")
        + ": "
        + first.message();
  }
}
