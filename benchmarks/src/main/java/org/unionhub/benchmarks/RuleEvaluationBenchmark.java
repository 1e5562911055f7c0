package org.unionhub.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleOutcome;
import org.unionhub.platform.rules.RuleSet;

/**
 * Latency of one evaluation (one applicant, as one submission) of a composed rule set: through the
 * platform's {@link RuleEngine} — both entry points — and, as the baseline, the same composed DRL
 * on a bare Drools KieBase/KieSession with the same global. The KieBases are compiled in set-up;
 * only evaluation is timed.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 4)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class RuleEvaluationBenchmark {

  @Param({"50", "200"})
  public int rules;

  private RuleEngine engine;
  private RuleSet ruleSet;
  private List<String> sources;
  private KieBase bare;
  private List<List<Object>> facts;
  private int next;

  @Setup(Level.Trial)
  public void compile() {
    sources = Rules.sources(rules, 0);
    ruleSet = new RuleSet(sources, Set.of());
    engine = new RuleEngine();
    engine.prepare(ruleSet);
    bare = Rules.bareKieBase(sources, "bare" + rules);
    facts = Rules.applicants().stream().map(a -> List.<Object>of(a)).toList();
    // Both paths must agree, or the comparison means nothing.
    for (List<Object> f : facts) {
      RuleOutcome a = engine.evaluate(ruleSet, f);
      RuleOutcome b = bare(f);
      if (!a.rejections().equals(b.rejections())
          || !a.flags().equals(b.flags())
          || !java.util.Objects.equals(a.routeTo(), b.routeTo())
          || !java.util.Objects.equals(a.dueInWorkingDays(), b.dueInWorkingDays())) {
        throw new IllegalStateException("engine and bare Drools disagree on " + f);
      }
    }
  }

  private List<Object> nextFacts() {
    List<Object> f = facts.get(next);
    next = (next + 1) & 15;
    return f;
  }

  /** {@code RuleEngine.evaluate(RuleSet, facts)}, as the request lifecycle calls it. */
  @Benchmark
  public RuleOutcome engineRuleSet() {
    return engine.evaluate(ruleSet, nextFacts());
  }

  /** {@code RuleEngine.evaluate(List<String>, facts)}. */
  @Benchmark
  public RuleOutcome engineSources() {
    return engine.evaluate(sources, nextFacts());
  }

  /**
   * The same rules and global on a bare KieSession: no hashing, join budget, deadline or filter.
   */
  @Benchmark
  public RuleOutcome bareDrools() {
    return bare(nextFacts());
  }

  private RuleOutcome bare(List<Object> f) {
    var outcome = new RuleOutcome();
    KieSession session = bare.newKieSession();
    try {
      session.setGlobal("actions", outcome);
      f.forEach(session::insert);
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return outcome;
  }
}
