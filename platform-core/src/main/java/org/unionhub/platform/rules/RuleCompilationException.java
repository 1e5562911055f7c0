package org.unionhub.platform.rules;

import java.util.List;

/** Rule text that does not compile; carries every problem found. */
public class RuleCompilationException extends RuntimeException {

  private final transient List<RuleProblem> problems;

  public RuleCompilationException(List<RuleProblem> problems) {
    super(problems.size() + " problem(s) in rules, first: " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
