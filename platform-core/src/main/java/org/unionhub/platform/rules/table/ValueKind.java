package org.unionhub.platform.rules.table;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of value a decision table compares and passes to actions, with the Java types each
 * stands for. Other property types (enums, {@code BigDecimal}, {@code float}, collections, nested
 * objects) are not offered: DRL could not compare them with a literal the rule sandbox accepts, or
 * not exactly.
 */
public enum ValueKind {
  /** {@code int}, {@code short}, {@code byte} and their wrappers; whole numbers in int range. */
  INTEGER,
  /** {@code long} and {@code Long}. */
  LONG,
  /** {@code double} and {@code Double}; at most 15 significant digits, so they stay exact. */
  DECIMAL,
  /** {@code String}. */
  TEXT,
  /** {@code boolean} and {@code Boolean}: {@code true} or {@code false}. */
  BOOLEAN,
  /** {@code LocalDate}, written {@code yyyy-MM-dd}. */
  DATE;

  private static final Map<Class<?>, ValueKind> BY_TYPE =
      Map.ofEntries(
          Map.entry(int.class, INTEGER),
          Map.entry(Integer.class, INTEGER),
          Map.entry(short.class, INTEGER),
          Map.entry(Short.class, INTEGER),
          Map.entry(byte.class, INTEGER),
          Map.entry(Byte.class, INTEGER),
          Map.entry(long.class, LONG),
          Map.entry(Long.class, LONG),
          Map.entry(double.class, DECIMAL),
          Map.entry(Double.class, DECIMAL),
          Map.entry(String.class, TEXT),
          Map.entry(boolean.class, BOOLEAN),
          Map.entry(Boolean.class, BOOLEAN),
          Map.entry(LocalDate.class, DATE));

  /**
   * @param type a property or parameter type
   * @return its kind, empty when tables do not handle the type
   */
  public static Optional<ValueKind> of(Class<?> type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }
}
