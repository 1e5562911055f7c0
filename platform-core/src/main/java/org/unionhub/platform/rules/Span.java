package org.unionhub.platform.rules;

/**
 * Where a piece of the layer (a constraint, a consequence) starts, so that problems found in the
 * piece are reported at their place in the layer. When Drools' descriptor does not say exactly
 * where the piece starts, problems go to the fallback position of the enclosing descriptor.
 *
 * @param text the whole layer
 * @param start the piece's offset in the layer, or -1 when unknown
 * @param fallbackLine 1-based line of the enclosing descriptor
 * @param fallbackColumn 0-based column of the enclosing descriptor
 */
record Span(DrlText text, int start, int fallbackLine, int fallbackColumn) {

  /** A piece found verbatim at {@code start}, or only known by its enclosing descriptor. */
  static Span of(DrlText text, String piece, int start, int fallbackLine, int fallbackColumn) {
    boolean verbatim = start >= 0 && text.text().startsWith(piece, start);
    return new Span(text, verbatim ? start : -1, fallbackLine, fallbackColumn);
  }

  /** A problem at a character index inside the piece. */
  RuleProblem at(int index, String message) {
    return start < 0
        ? text.problemAt(fallbackLine, fallbackColumn, message)
        : text.problemAt(start + index, message);
  }

  /** A problem at a JavaParser position (1-based line and column) inside the piece. */
  RuleProblem atJava(String piece, int line, int column, String message) {
    return start < 0
        ? text.problemAt(fallbackLine, fallbackColumn, message)
        : text.problemAt(DrlText.offsetInPart(piece, start, line, column), message);
  }
}
