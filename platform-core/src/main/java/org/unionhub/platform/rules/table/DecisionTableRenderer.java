package org.unionhub.platform.rules.table;

import java.util.List;
import java.util.Objects;
import org.unionhub.platform.rules.RuleProblem;

/**
 * Renders decision tables to DRL rule layers from one fixed template (see {@link DrlTemplate} for
 * its shape). Nothing the author typed reaches the DRL as typed: values become typed literals
 * (numbers parsed and printed again, text escaped as a string literal, dates in the form Drools
 * compares dates with), property and action names are only those the schema lists, and rule names
 * are checked to hold plain characters before they are quoted.
 *
 * <p>Before it returns, the renderer checks its own output with the module's {@link
 * org.unionhub.platform.rules.RuleSandbox}, as for any layer a tenant writes: a table can never run
 * what a tenant could not write by hand.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DecisionTableRenderer {

  private final DecisionTableSchema schema;
  private final DecisionTableValidator validator;

  /**
   * @param schema what the module's tables may use
   */
  public DecisionTableRenderer(DecisionTableSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.validator = new DecisionTableValidator(schema);
  }

  /**
   * Renders a table.
   *
   * @param table the table
   * @return its rules as a layer, with the row of each rule
   * @throws DecisionTableException with every problem when {@link DecisionTableValidator} finds any
   * @throws IllegalStateException when the rule sandbox refuses the rendered text, which is a bug
   *     of the renderer, not of the table
   */
  public RenderedTable render(DecisionTable table) {
    DecisionTableValidator.Checked checked = validator.check(table);
    if (!checked.problems().isEmpty()) {
      throw new DecisionTableException(checked.problems());
    }
    RenderedTable rendered = checked.rendered();
    List<RuleProblem> refused = schema.sandbox().validate(rendered.drl());
    if (!refused.isEmpty()) {
      throw new IllegalStateException(
          "the rule sandbox refused a rendered decision table: " + refused);
    }
    return rendered;
  }
}
