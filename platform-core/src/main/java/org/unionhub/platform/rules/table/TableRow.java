package org.unionhub.platform.rules.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a decision table, which becomes one rule.
 *
 * @param name the rule's name after the table's prefix, or null for the row's number
 * @param when condition cells by column id: the values as typed (one value, or several for {@code
 *     in} and {@code not in}); a column missing here, or whose values are all blank, matches any
 *     fact
 * @param then action cells by column id: arguments by parameter name, as typed; a column missing
 *     here, or whose arguments are all blank, is not called for this row
 */
public record TableRow(
    String name, Map<String, List<String>> when, Map<String, Map<String, String>> then)
    implements Serializable {

  /** Copies the cells, keeping their order; nulls become empty. */
  public TableRow {
    var conditions = new LinkedHashMap<String, List<String>>();
    if (when != null) {
      when.forEach(
          (column, values) ->
              conditions.put(
                  column,
                  values == null
                      ? List.of()
                      : Collections.unmodifiableList(new ArrayList<>(values))));
    }
    when = Collections.unmodifiableMap(conditions);
    var actions = new LinkedHashMap<String, Map<String, String>>();
    if (then != null) {
      then.forEach(
          (column, arguments) ->
              actions.put(
                  column,
                  arguments == null
                      ? Map.of()
                      : Collections.unmodifiableMap(new LinkedHashMap<>(arguments))));
    }
    then = Collections.unmodifiableMap(actions);
  }

  /**
   * @param column a condition column's id
   * @return the cell's values, empty when the cell is blank
   */
  public List<String> condition(String column) {
    return when.getOrDefault(column, List.of());
  }

  /**
   * @param column an action column's id
   * @return the cell's arguments by parameter name, empty when the cell is blank
   */
  public Map<String, String> action(String column) {
    return then.getOrDefault(column, Map.of());
  }
}
