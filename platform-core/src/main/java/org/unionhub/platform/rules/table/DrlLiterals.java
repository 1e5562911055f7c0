package org.unionhub.platform.rules.table;

import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import org.drools.util.DateUtils;

/**
 * Typed values written as DRL literals that mean the same in a constraint (read by Drools' DRL
 * lexer and MVEL) and in a consequence (read as Java). Nothing here copies text into DRL unchanged
 * except characters that are plain in every one of those readers.
 */
final class DrlLiterals {

  private DrlLiterals() {}

  /**
   * A string literal. A backslash is written as the octal escape {@code \134}, never as {@code \\}:
   * Java turns unicode escapes (a backslash, {@code u} and four hex digits) into characters before
   * it lexes, so an escaped backslash followed by {@code u} would be read as a unicode escape by
   * the compiler (and is refused by the rule sandbox); with octal escapes no backslash in the
   * result is ever followed by {@code u}. Quotes, line feeds, carriage returns and tabs are
   * escaped; any other character that {@link #isUnsafe(int)} would refuse throws, because the
   * validator lets none through.
   */
  static String string(String text) {
    var out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> out.append("\\134");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (isUnsafe(c)) {
                    throw new IllegalArgumentException(
                        "U+" + Integer.toHexString(c) + " has no place in a rule's text");
                  }
                  out.appendCodePoint(c);
                }
              }
            });
    return out.append('"').toString();
  }

  /**
   * Characters text in a rule may not hold: controls other than line feed, carriage return and tab;
   * invisible formatting characters (bidirectional overrides can make a rule read differently from
   * what it does); line and paragraph separators; unpaired surrogates; unassigned and private-use
   * code points.
   */
  static boolean isUnsafe(int c) {
    if (c == '\n' || c == '\r' || c == '\t') {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }

  /** A whole number in int range, as Java writes it. */
  static String integer(long value) {
    return Long.toString(value);
  }

  /** A whole number of a long property, with the suffix Java needs beyond int range. */
  static String longInteger(long value) {
    return value + "L";
  }

  /** A decimal number without exponent, so that every reader agrees on it. */
  static String decimal(BigDecimal value) {
    String plain = value.stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /**
   * A date as Drools coerces text to dates: its format mask ({@code drools.dateformat}, {@code
   * d-MMM-yyyy} unless set) with English month names, which Drools falls back to (Locale.UK)
   * whatever the JVM's language. DRL has no other date literal, and the sandbox allows no call that
   * would build one.
   */
  static String date(LocalDate date) {
    var format = new SimpleDateFormat(DateUtils.getDateFormatMask(), Locale.UK);
    return string(format.format(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant())));
  }
}
