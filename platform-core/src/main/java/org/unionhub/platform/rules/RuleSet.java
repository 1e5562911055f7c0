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
 */
public record RuleSet(List<String> sources, Set<String> suppressed) {

  /** No rules. */
  public static final RuleSet EMPTY = new RuleSet(List.of(), Set.of());

  /** Copies the collections. */
  public RuleSet {
    sources = List.copyOf(sources);
    suppressed = Set.copyOf(suppressed);
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
