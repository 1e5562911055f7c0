package org.unionhub.platform.config;

import java.util.List;

/** A configuration that cannot be saved or published, with every problem found. */
public class ConfigRefusedException extends RuntimeException {

  private final transient List<ConfigProblem> problems;

  /**
   * @param problems the problems, at least one
   */
  public ConfigRefusedException(List<ConfigProblem> problems) {
    super(problems.size() + " configuration problem(s)");
    this.problems = List.copyOf(problems);
  }

  /**
   * @return the problems
   */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
