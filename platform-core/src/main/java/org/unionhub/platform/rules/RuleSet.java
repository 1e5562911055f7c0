package org.unionhub.platform.rules;

import java.util.List;
import java.util.Set;

/**
 * A composed rule set ready to evaluate: DRL sources, each in its own package, and the rules that
 * must not fire because a later layer overrode or disabled them. Tenants whose sources are the same
 * text share one compiled KieBase whatever they suppress.
 *
 * @param sources the DRL sources, module defaults first
 * @param suppressed rules not to fire, as {@code package + "#" + rule name}
 * @param stepRules rules that match the {@link org.unionhub.sdk.rules.WorkflowStep} fact, the only
 *     ones asked at a transition, in the same form
 */
public record RuleSet(List<String> sources, Set<String> suppressed, Set<String> stepRules) {

  /** No rules. */
  public static final RuleSet EMPTY = new RuleSet(List.of(), Set.of(), Set.of());

  /** Copies the collections. */
  public RuleSet {
    sources = List.copyOf(sources);
    suppressed = Set.copyOf(suppressed);
    stepRules = Set.copyOf(stepRules);
  }

  /**
   * A rule set without transition rules.
   *
   * @param sources the DRL sources
   * @param suppressed rules not to fire
   */
  public RuleSet(List<String> sources, Set<String> suppressed) {
    this(sources, suppressed, Set.of());
  }

  /**
   * @param packageName a rule's package
   * @param ruleName the rule's name
   * @return the key of that rule in {@link #suppressed()}
   */
  public static String key(String packageName, String ruleName) {
    return packageName + "#" + ruleName;
  }

  /**
   * @return the SHA-256 of the sources, the key of the shared KieBase
   */
  public String hash() {
    return RuleEngine.hash(String.join("\u0000", sources));
  }
}
