package org.unionhub.platform.rules;

/** An evaluation that broke its bounds (too many firings) or failed inside a rule. */
public class RuleEvaluationException extends RuntimeException {

  public RuleEvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
