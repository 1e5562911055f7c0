package org.unionhub.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleOutcome;
import org.unionhub.platform.rules.RuleSet;

/**
 * A companion to {@link RuleEvaluationBenchmark} for a shared, loaded machine: the same three
 * evaluations, interleaved in small blocks so that load falls on all alike, each timed both by the
 * wall clock and by the evaluating thread's CPU time. CPU time leaves out the time the thread
 * waited for a core, so its percentiles show what the code costs when other processes crowd the
 * machine; the overhead of the engine over bare Drools is computed from both. Also times {@link
 * RuleSet#hash()} alone, the SHA-256 of the composed text, which the engine computed on every
 * evaluation to find its KieBase until it remembered it per list of sources.
 *
 * <p>Arguments: rule counts (default 50 200); {@code -Dops=N} evaluations per path (default 20000).
 */
public final class EvaluationCpuHarness {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private EvaluationCpuHarness() {}

  public static void main(String[] args) {
    int[] counts =
        args.length == 0
            ? new int[] {50, 200}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int ops = Integer.getInteger("ops", 20_000);
    System.out.printf(
        "evaluation CPU-time harness: %d evaluations per path; JVM %s, load %s%n",
        ops, System.getProperty("java.vm.version"), Memory.loadAverage());
    for (int rules : counts) {
      run(rules, ops);
    }
  }

  private static void run(int rules, int ops) {
    List<String> sources = Rules.sources(rules, 0);
    RuleSet ruleSet = new RuleSet(sources, Set.of());
    var engine = new RuleEngine();
    engine.prepare(ruleSet);
    KieBase bare = Rules.bareKieBase(sources, "cpu" + rules);
    List<List<Object>> facts = Rules.applicants().stream().map(a -> List.<Object>of(a)).toList();
    String[] names = {"bareDrools", "engineRuleSet", "engineSources", "hashOnly"};
    long[][] cpu = new long[names.length][ops];
    long[][] wall = new long[names.length][ops];
    int chars = sources.stream().mapToInt(String::length).sum();
    System.out.printf(
        "%n%d rules, composed text %,d chars, load %s%n", rules, chars, Memory.loadAverage());
    // Warm-up: the same mix, untimed.
    for (int i = 0; i < ops / 2; i++) {
      for (int p = 0; p < names.length; p++) {
        op(p, engine, ruleSet, sources, bare, facts.get(i & 15));
      }
    }
    int block = 50;
    for (int start = 0; start < ops; start += block) {
      // The paths take turns at going first, so that none always follows the same one.
      for (int turn = 0; turn < names.length; turn++) {
        int p = (turn + start / block) % names.length;
        for (int i = start; i < Math.min(ops, start + block); i++) {
          long c0 = THREADS.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          op(p, engine, ruleSet, sources, bare, facts.get(i & 15));
          wall[p][i] = System.nanoTime() - w0;
          cpu[p][i] = THREADS.getCurrentThreadCpuTime() - c0;
        }
      }
    }
    System.out.println("path           | wall p50 | wall p99 | CPU p50 | CPU p99 | CPU mean (µs)");
    double[] cpuMean = new double[names.length];
    double[][] pct = new double[names.length][4];
    for (int p = 0; p < names.length; p++) {
      cpuMean[p] = Arrays.stream(cpu[p]).average().orElse(0) / 1000;
      Arrays.sort(cpu[p]);
      Arrays.sort(wall[p]);
      pct[p] =
          new double[] {
            wall[p][ops / 2] / 1000.0,
            wall[p][ops * 99 / 100] / 1000.0,
            cpu[p][ops / 2] / 1000.0,
            cpu[p][ops * 99 / 100] / 1000.0
          };
      System.out.printf(
          Locale.ROOT,
          "%-14s | %8.1f | %8.1f | %7.1f | %7.1f | %7.1f%n",
          names[p],
          pct[p][0],
          pct[p][1],
          pct[p][2],
          pct[p][3],
          cpuMean[p]);
    }
    for (int p = 1; p <= 2; p++) {
      System.out.printf(
          Locale.ROOT,
          "overhead of %s over bare Drools: CPU p50 %+.0f%%, CPU p99 %+.0f%%, CPU mean %+.0f%%;"
              + " wall p50 %+.0f%%, wall p99 %+.0f%%%n",
          names[p],
          100 * (pct[p][2] / pct[0][2] - 1),
          100 * (pct[p][3] / pct[0][3] - 1),
          100 * (cpuMean[p] / cpuMean[0] - 1),
          100 * (pct[p][0] / pct[0][0] - 1),
          100 * (pct[p][1] / pct[0][1] - 1));
    }
  }

  private static Object op(
      int path,
      RuleEngine engine,
      RuleSet ruleSet,
      List<String> sources,
      KieBase bare,
      List<Object> facts) {
    switch (path) {
      case 0:
        var outcome = new RuleOutcome();
        KieSession session = bare.newKieSession();
        try {
          session.setGlobal("actions", outcome);
          facts.forEach(session::insert);
          session.fireAllRules();
        } finally {
          session.dispose();
        }
        return outcome;
      case 1:
        return engine.evaluate(ruleSet, facts);
      case 2:
        return engine.evaluate(sources, facts);
      default:
        return ruleSet.hash();
    }
  }
}
