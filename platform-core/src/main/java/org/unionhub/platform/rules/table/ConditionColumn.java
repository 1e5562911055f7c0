package org.unionhub.platform.rules.table;

import java.io.Serializable;

/**
 * A condition column: a property of the table's fact type compared by an operator with the value in
 * each row's cell.
 *
 * @param id the column's key in rows and problems, unique among the table's columns
 * @param property the property name, as rules read it ({@code age} for {@code getAge()})
 * @param operator the operator as written ({@link Operator#symbol()}); kept as text so that an
 *     unknown one can be reported where it is
 */
public record ConditionColumn(String id, String property, String operator) implements Serializable {

  /**
   * A column whose id is its property.
   *
   * @param property the property
   * @param operator the operator
   * @return the column
   */
  public static ConditionColumn of(String property, Operator operator) {
    return new ConditionColumn(property, property, operator.symbol());
  }
}
