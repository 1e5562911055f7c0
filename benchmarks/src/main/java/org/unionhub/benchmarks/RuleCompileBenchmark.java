package org.unionhub.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleSet;

/**
 * Time to compile one rule set through {@link RuleEngine#prepare(RuleSet)}, as publishing a
 * configuration does: every invocation gets a text never compiled before (new thresholds and
 * messages, so a new hash and no cache hit), and the KieBase is released afterwards. The text is
 * generated and composed (sandbox check included) in set-up, outside the timing.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 20)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@State(Scope.Thread)
public class RuleCompileBenchmark {

  @Param({"50", "200"})
  public int rules;

  private final RuleEngine engine = new RuleEngine();
  private int variant = (int) (System.nanoTime() & 0xffff) * 1000;
  private RuleSet fresh;

  @Setup(Level.Invocation)
  public void freshText() {
    fresh = Rules.ruleSet(rules, variant++);
  }

  @TearDown(Level.Invocation)
  public void release() {
    engine.evictIdle(Duration.ZERO);
  }

  @Benchmark
  public RuleEngine compile() {
    engine.prepare(fresh);
    return engine;
  }
}
