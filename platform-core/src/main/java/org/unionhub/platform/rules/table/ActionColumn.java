package org.unionhub.platform.rules.table;

import java.io.Serializable;

/**
 * An action column: a method of the action API, called with the arguments in each row's cell.
 *
 * @param id the column's key in rows and problems, unique among the table's columns
 * @param action the method's name, such as {@code reject}
 */
public record ActionColumn(String id, String action) implements Serializable {

  /**
   * A column whose id is its action.
   *
   * @param action the action
   * @return the column
   */
  public static ActionColumn of(String action) {
    return new ActionColumn(action, action);
  }
}
