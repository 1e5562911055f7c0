package org.unionhub.platform.rules.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A decision table as its author wrote it; {@link DecisionTableValidator} says whether it may run
 * and {@link DecisionTableRenderer} turns it into DRL. Row {@code n} (from 1) becomes the rule
 * {@code "<name>.<n>"}, or {@code "<name>.<row name>"} when the row has a name; its conditions are
 * joined with "and" on one fact of {@code factType}, and its actions are called in column order.
 *
 * @param name the prefix of the rules' names, such as {@code gd-sz.minimum-age}
 * @param factType the simple name of one of the module's fact types
 * @param hitPolicy which matching rows act; null means {@link HitPolicy#ALL}
 * @param conditions the condition columns, in order
 * @param actions the action columns, in order
 * @param rows the rows, in order
 */
public record DecisionTable(
    String name,
    String factType,
    HitPolicy hitPolicy,
    List<ConditionColumn> conditions,
    List<ActionColumn> actions,
    List<TableRow> rows)
    implements Serializable {

  /** Copies the lists; nulls become empty, a null policy {@link HitPolicy#ALL}. */
  public DecisionTable {
    hitPolicy = hitPolicy == null ? HitPolicy.ALL : hitPolicy;
    conditions = copy(conditions);
    actions = copy(actions);
    rows = copy(rows);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
