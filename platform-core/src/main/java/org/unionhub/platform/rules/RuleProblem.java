package org.unionhub.platform.rules;

/**
 * A problem in rule text, at a line and column when the compiler knows them.
 *
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message what is wrong
 */
public record RuleProblem(int line, int column, String message) {}
