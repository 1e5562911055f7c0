package org.unionhub.platform.rules.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.unionhub.platform.rules.RuleSandbox;

/**
 * Says whether a decision table may run, with every problem at its row, column and field. A table
 * without problems renders to rules the module's {@link RuleSandbox} accepts.
 *
 * <p>What is checked: the table's name (the prefix of its rules' names) and fact type; column ids
 * (unique); each condition column's property (known, of a comparable type) and operator (known,
 * fitting the property's type); each action column's action; the number of rows and columns; each
 * cell's values, parsed as the property's or parameter's type, within range, one of its choices,
 * free of control and invisible characters and not longer than a rule may pass; arguments of an
 * action filled in together; rows that do nothing; rule names (characters, length, duplicates); and
 * the size of the rendered text.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DecisionTableValidator {

  /** Most rows a table may have: as many as a rule layer may have rules. */
  public static final int MAX_ROWS = TableCheck.MAX_ROWS;

  /** Most condition columns a table may have. */
  public static final int MAX_CONDITION_COLUMNS = TableCheck.MAX_CONDITION_COLUMNS;

  /** Most action columns a table may have. */
  public static final int MAX_ACTION_COLUMNS = TableCheck.MAX_ACTION_COLUMNS;

  /** Most values an {@code in} or {@code not in} cell may hold. */
  public static final int MAX_LIST_VALUES = TableCheck.MAX_LIST_VALUES;

  private final DecisionTableSchema schema;

  /**
   * @param schema what the module's tables may use
   */
  public DecisionTableValidator(DecisionTableSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /**
   * Checks a table.
   *
   * @param table the table
   * @return every problem: the table's own, then its columns', then row by row; empty when the
   *     table may run
   */
  public List<TableProblem> validate(DecisionTable table) {
    return check(table).problems();
  }

  /** The check and, for a table without problems, its rendering (null otherwise). */
  record Checked(List<TableProblem> problems, RenderedTable rendered) {}

  Checked check(DecisionTable table) {
    Objects.requireNonNull(table, "table");
    TableCheck check = TableCheck.run(schema, table);
    if (!check.problems().isEmpty()) {
      return new Checked(List.copyOf(check.problems()), null);
    }
    RenderedTable rendered = DrlTemplate.render(check);
    int bytes = rendered.drl().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > RuleSandbox.MAX_LAYER_BYTES) {
      var problems = new ArrayList<TableProblem>();
      problems.add(
          TableProblem.ofTable(
              "rows",
              TableProblem.Code.TOO_LARGE,
              "the table's rules take "
                  + bytes
                  + " bytes; a rule layer takes at most "
                  + RuleSandbox.MAX_LAYER_BYTES
                  + ": shorten texts or split the table"));
      return new Checked(problems, null);
    }
    return new Checked(List.of(), rendered);
  }
}
