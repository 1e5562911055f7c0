package org.unionhub.platform.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's rule text with the line arithmetic to report problems where the author sees them.
 * Lines end at {@code \n}, as in Drools' lexer, so positions agree with the compiler's; columns
 * count UTF-16 characters from 1.
 */
final class DrlText {

  private final String text;
  private final int[] lineStarts;

  DrlText(String text) {
    this.text = text;
    var starts = new ArrayList<Integer>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  String text() {
    return text;
  }

  /**
   * @param line 1-based line, as Drools descriptors report it
   * @param column 0-based column, as Drools descriptors report it
   * @return the character offset, or -1 when the position is unknown or outside the text
   */
  int offset(int line, int column) {
    if (line < 1 || line > lineStarts.length || column < 0) {
      return -1;
    }
    int offset = lineStarts[line - 1] + column;
    return offset <= text.length() ? offset : -1;
  }

  /** A problem at a character offset; unknown offsets (negative) give line and column 0. */
  RuleProblem problemAt(int offset, String message) {
    if (offset < 0 || offset > text.length()) {
      return new RuleProblem(0, 0, message);
    }
    int line = lineOf(offset);
    return new RuleProblem(line + 1, offset - lineStarts[line] + 1, message);
  }

  /** A problem at a Drools descriptor position (1-based line, 0-based column, -1 unknown). */
  RuleProblem problemAt(int line, int column, String message) {
    if (line < 1) {
      return new RuleProblem(0, 0, message);
    }
    return new RuleProblem(line, Math.max(column, 0) + 1, message);
  }

  /**
   * Offsets of every backslash followed by {@code u}. Java turns unicode escapes into characters
   * before it lexes, even inside strings and comments, so {@code "\u0022); System.exit(0); //"} is
   * one harmless string to a parser that does not do the same but a call to the compiler that
   * builds consequences. Nothing is gained by telling real escapes from look-alikes such as {@code
   * "\\u"}; authors write the characters themselves.
   */
  List<Integer> unicodeEscapes() {
    var offsets = new ArrayList<Integer>();
    for (int i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) {
      if (i + 1 < text.length() && text.charAt(i + 1) == 'u') {
        offsets.add(i);
      }
    }
    return offsets;
  }

  /**
   * The offset in this text of a position inside {@code part}, a piece of this text starting at
   * {@code partStart}, given as JavaParser reports positions: lines from 1 ending at {@code \r\n},
   * {@code \r} or {@code \n}, columns from 1.
   *
   * @return the offset, or {@code partStart} when the position lies outside the part
   */
  static int offsetInPart(String part, int partStart, int line, int column) {
    int currentLine = 1;
    int i = 0;
    while (currentLine < line && i < part.length()) {
      char c = part.charAt(i++);
      if (c == '\r' && i < part.length() && part.charAt(i) == '\n') {
        i++;
      }
      if (c == '\n' || c == '\r') {
        currentLine++;
      }
    }
    if (currentLine != line) {
      return partStart;
    }
    return partStart + Math.min(i + Math.max(column, 1) - 1, part.length());
  }

  private int lineOf(int offset) {
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }
}
