package org.unionhub.platform.rules;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The most fact combinations the rules of a KieBase can make Drools consider for a given set of
 * facts, computed before anything runs.
 *
 * <p>Drools cannot be stopped inside a join: {@code KieSession.halt()} is only looked at between
 * firings, and Phreak builds every combination of a rule's patterns before the first one fires.
 * Measured on Drools 10.1: three {@code String()} patterns over 300 strings, with a join constraint
 * that never holds, ran for 5.9 s after {@code halt()} at 200 ms. So the size of every join is
 * bounded up front: for each rule, the product over its patterns of the number of facts each
 * pattern can match (at least 1, so that {@code not} and {@code exists} count as work), summed over
 * the rules. Patterns fed by {@code from}, {@code collect} or {@code accumulate} match values their
 * source computes, not inserted facts, and count 1; the patterns inside an accumulate count like
 * any other. Tenant layers cannot write {@code from} or {@code collect} (see {@link RuleSandbox}),
 * and module defaults are trusted code.
 */
final class JoinBudget {

  /**
   * Rules that join the same pattern types cost the same for any facts: they are counted once and
   * multiplied, so that checking a 200-rule set is a handful of multiplications, not 200 rules'
   * worth of lookups on every evaluation.
   *
   * @param patternTypes the fact types of the rules' patterns, in order
   * @param rules how many rules have exactly these pattern types
   * @param example the name of one of them, for the refusal message
   */
  private record Shape(List<Class<?>> patternTypes, long rules, String example) {}

  private final List<Shape> shapes;

  /** Every pattern type of every shape, once. */
  private final Class<?>[] types;

  /** Per shape, its pattern types as indexes into {@link #types}. */
  private final int[][] typeIndexes;

  private JoinBudget(List<Shape> shapes) {
    this.shapes = shapes;
    var distinct = new ArrayList<Class<?>>();
    this.typeIndexes = new int[shapes.size()][];
    for (int s = 0; s < shapes.size(); s++) {
      List<Class<?>> patternTypes = shapes.get(s).patternTypes();
      int[] indexes = new int[patternTypes.size()];
      for (int p = 0; p < indexes.length; p++) {
        int index = distinct.indexOf(patternTypes.get(p));
        if (index < 0) {
          index = distinct.size();
          distinct.add(patternTypes.get(p));
        }
        indexes[p] = index;
      }
      typeIndexes[s] = indexes;
    }
    this.types = distinct.toArray(new Class<?>[0]);
  }

  static JoinBudget of(KieBase kieBase) {
    var byTypes = new java.util.LinkedHashMap<List<Class<?>>, Shape>();
    for (KiePackage kiePackage : kieBase.getKiePackages()) {
      for (Rule rule : kiePackage.getRules()) {
        // Every rule of a KieBase built from DRL is a RuleImpl; its condition tree is what Phreak
        // joins. A failing cast here means a Drools upgrade changed that and this class with it.
        var types = new ArrayList<Class<?>>();
        collect(((RuleImpl) rule).getLhs(), types);
        byTypes.merge(
            List.copyOf(types),
            new Shape(List.copyOf(types), 1, rule.getName()),
            (a, b) -> new Shape(a.patternTypes(), a.rules() + 1, a.example()));
      }
    }
    return new JoinBudget(List.copyOf(byTypes.values()));
  }

  private static void collect(RuleConditionElement element, List<Class<?>> types) {
    if (element instanceof Pattern pattern && pattern.getSource() == null) {
      types.add(
          pattern.getObjectType() instanceof ClassObjectType classType
              ? classType.getClassType()
              : Object.class);
    }
    for (RuleConditionElement nested : element.getNestedElements()) {
      collect(nested, types);
    }
  }

  /**
   * Refuses an evaluation whose joins could be larger than the limit.
   *
   * @throws RuleEvaluationException naming the largest rule when they could
   */
  void check(List<Object> facts, long limit) {
    // Counting stops at the first number over the limit, so nothing overflows.
    long over = limit == Long.MAX_VALUE ? limit : limit + 1;
    // It runs before every evaluation: plain arrays, no map or stream.
    long[] matching = new long[types.length];
    for (int t = 0; t < types.length; t++) {
      long count = 0;
      for (Object fact : facts) {
        if (types[t].isInstance(fact)) {
          count++;
        }
      }
      matching[t] = Math.max(1, count);
    }
    long total = 0;
    Shape largest = null;
    long largestCombinations = 0;
    for (int s = 0; s < typeIndexes.length; s++) {
      long combinations = 1;
      for (int index : typeIndexes[s]) {
        long m = matching[index];
        combinations = combinations > over / m ? over : combinations * m;
      }
      Shape shape = shapes.get(s);
      long all = combinations > over / shape.rules() ? over : combinations * shape.rules();
      total = total > over - all ? over : total + all;
      if (combinations > largestCombinations) {
        largest = shape;
        largestCombinations = combinations;
      }
    }
    if (total > limit) {
      throw new RuleEvaluationException(
          "the rules could join more than "
              + limit
              + " fact combinations for "
              + facts.size()
              + " facts, most of them in rule \""
              + largest.example()
              + "\"; the evaluation was refused before it started",
          null);
    }
  }
}
