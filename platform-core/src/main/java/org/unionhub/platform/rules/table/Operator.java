package org.unionhub.platform.rules.table;

import java.util.Locale;
import java.util.Optional;

/** How a condition column compares a fact's property with the values in its cells. */
public enum Operator {
  EQUAL("=="),
  NOT_EQUAL("!="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  /** The property equals one of the cell's values. */
  IN("in"),
  /** The property equals none of the cell's values. */
  NOT_IN("not in"),
  /**
   * The property has no value (null, or an empty text). Its cells hold {@code true} (the row
   * requires it), {@code false} (the row requires the opposite) or nothing (any).
   */
  EMPTY("is empty"),
  /** The opposite of {@link #EMPTY}, with cells of the same kind. */
  NOT_EMPTY("is not empty");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /**
   * @return the operator as the JSON form writes it: {@code ==}, {@code in}, {@code is empty}...
   */
  public String symbol() {
    return symbol;
  }

  /**
   * @return whether a cell holds a list of values rather than one
   */
  public boolean takesList() {
    return this == IN || this == NOT_IN;
  }

  /**
   * @return whether a cell holds {@code true} or {@code false} rather than a value to compare with
   */
  public boolean takesFlag() {
    return this == EMPTY || this == NOT_EMPTY;
  }

  /**
   * @return whether the operator orders values ({@code <}, {@code <=}, {@code >}, {@code >=})
   */
  public boolean orders() {
    return this == LESS || this == LESS_OR_EQUAL || this == GREATER || this == GREATER_OR_EQUAL;
  }

  /**
   * The operator written as in the JSON form; case and runs of spaces do not matter ({@code "Not
   * In"}).
   *
   * @param symbol the text
   * @return the operator, empty when the text names none
   */
  public static Optional<Operator> ofSymbol(String symbol) {
    if (symbol == null) {
      return Optional.empty();
    }
    String normal = symbol.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    for (Operator operator : values()) {
      if (operator.symbol.equals(normal)) {
        return Optional.of(operator);
      }
    }
    return Optional.empty();
  }
}
