package org.unionhub.platform.rules.table;

import java.io.Serializable;

/**
 * Something wrong with a decision table, where its author can find it.
 *
 * @param row the row, from 1; 0 when the problem is not in a row
 * @param column the id of the column, or null when the problem is not in a column
 * @param field which part is wrong, or null when row and column say it all: the parameter of an
 *     action cell ({@code message}), a column's {@code id}, {@code property}, {@code operator} or
 *     {@code action}, a row's {@code name}, or the table's {@code name}, {@code factType}, {@code
 *     hitPolicy} or {@code rows}; for problems with the JSON form, the path of the offending value
 * @param code what is wrong, stable for programs and translations
 * @param message what is wrong, in English, for people
 */
public record TableProblem(int row, String column, String field, Code code, String message)
    implements Serializable {

  /** What can be wrong with a table. */
  public enum Code {
    /** The JSON form has the wrong shape: a missing object, a value of the wrong JSON type. */
    BAD_JSON,
    /** The table has no name (the prefix of its rules' names). */
    MISSING_NAME,
    /** The table's name has characters rule names may not have, or is too long. */
    BAD_NAME,
    /** The fact type is not one of the module's. */
    UNKNOWN_FACT_TYPE,
    /** A column id is blank, too long or has characters other than letters, digits, - and _. */
    BAD_COLUMN_ID,
    /** Two columns have the same id. */
    DUPLICATE_COLUMN,
    /** The fact type has no such property. */
    UNKNOWN_PROPERTY,
    /** The property's type is not one tables compare (see {@link ValueKind}). */
    UNSUPPORTED_PROPERTY_TYPE,
    /** The operator is none of {@link Operator}'s. */
    UNKNOWN_OPERATOR,
    /** The operator does not fit the property's type, such as {@code <} on text. */
    OPERATOR_NOT_FOR_TYPE,
    /** The action API has no such action, or tables cannot call it. */
    UNKNOWN_ACTION,
    /** More rows or columns than a table may have. */
    TOO_MANY_ROWS,
    /** More condition or action columns than a table may have. */
    TOO_MANY_COLUMNS,
    /** A row has a cell for a column the table does not have. */
    UNKNOWN_COLUMN,
    /** An action cell names a parameter the action does not have. */
    UNKNOWN_ARGUMENT,
    /** An action cell leaves a parameter blank while others are filled in. */
    MISSING_ARGUMENT,
    /** A row does nothing (allowed only with {@link HitPolicy#FIRST}). */
    NO_ACTION,
    /** A cell holds several values where its operator compares with one. */
    ONE_VALUE_EXPECTED,
    /** An {@code in} cell holds more values than a cell may. */
    TOO_MANY_VALUES,
    /** Not a number. */
    NOT_A_NUMBER,
    /** A number with a fractional part where a whole number is needed. */
    NOT_A_WHOLE_NUMBER,
    /** A number too large, too small or too precise for the property. */
    NUMBER_OUT_OF_RANGE,
    /** Neither {@code true} nor {@code false}. */
    NOT_A_BOOLEAN,
    /** Not a date written {@code yyyy-MM-dd}. */
    NOT_A_DATE,
    /** Not one of the values the property may take. */
    NOT_A_CHOICE,
    /** Text longer than a rule may pass or compare. */
    TOO_LONG,
    /**
     * Text with characters that have no place in a rule: control characters other than line breaks
     * and tabs, invisible formatting characters (which can make text read differently from what
     * runs) or broken surrogate pairs.
     */
    UNSAFE_TEXT,
    /** A row's name has characters rule names may not have, or the whole name is too long. */
    BAD_RULE_NAME,
    /** Two rows would make rules of the same name. */
    DUPLICATE_RULE_NAME,
    /** The rendered rules would be larger than a rule layer may be. */
    TOO_LARGE
  }

  /** A problem of the table as a whole, or of one of its own fields. */
  static TableProblem ofTable(String field, Code code, String message) {
    return new TableProblem(0, null, field, code, message);
  }

  /** A problem of a column's definition. */
  static TableProblem ofColumn(String column, String field, Code code, String message) {
    return new TableProblem(0, column, field, code, message);
  }

  /** A problem in a row, in a cell when {@code column} is not null. */
  static TableProblem ofRow(int row, String column, String field, Code code, String message) {
    return new TableProblem(row, column, field, code, message);
  }
}
