package org.unionhub.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleSet;

/**
 * Metaspace over many republishes of one tenant's rules: each republish composes a changed rule
 * set, compiles it through {@link RuleEngine}, evaluates it once and releases every KieBase with
 * {@code evictIdle(Duration.ZERO)}, as the platform lets a replaced rule set go. Metaspace used is
 * read (MemoryPoolMXBean "Metaspace") at the start, every {@code every} republishes as it stands
 * and after a full GC, and after a full GC at the end.
 *
 * <p>Arguments: {@code republishes} (default 10000), {@code minutes} to stop after if sooner
 * (default 10), {@code rules} per set (50), {@code every} (100).
 */
public final class MetaspaceHarness {

  private MetaspaceHarness() {}

  public static void main(String[] args) {
    int republishes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    int rules = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int every = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    long deadline = System.nanoTime() + (long) (minutes * 60e9);
    System.out.printf(
        "metaspace harness: up to %d republishes of a %d-rule set or %.1f min; JVM %s, load %s%n",
        republishes, rules, minutes, System.getProperty("java.vm.version"), Memory.loadAverage());

    var engine = new RuleEngine();
    List<Object> facts = List.of(Rules.applicants().get(3));
    Memory.fullGc();
    System.out.printf(
        "JVM start (after full GC, Drools not loaded yet): metaspace %s used, %s%n",
        Memory.mb(Memory.metaspaceUsed()), Memory.classes());
    // One republish first, so that the start figure holds Drools' own classes, loaded once.
    engine.evaluate(Rules.ruleSet(rules, 1_000_000), facts);
    engine.evictIdle(Duration.ZERO);
    Memory.fullGc();
    long start = Memory.metaspaceUsed();
    System.out.printf(
        "start (after one warm-up republish and a full GC): metaspace %s used, %s committed, %s%n",
        Memory.mb(start), Memory.mb(Memory.metaspaceCommitted()), Memory.classes());
    System.out.println(
        "republishes | seconds | metaspace used | after full GC | growth after GC | classes | load");

    long began = System.nanoTime();
    int done = 0;
    long firstCheckpoint = -1;
    int firstCheckpointAt = 0;
    while (done < republishes && System.nanoTime() < deadline) {
      RuleSet set = Rules.ruleSet(rules, done);
      engine.evaluate(set, facts);
      engine.evictIdle(Duration.ZERO);
      done++;
      if (done % every == 0) {
        long raw = Memory.metaspaceUsed();
        Memory.fullGc();
        long after = Memory.metaspaceUsed();
        if (firstCheckpoint < 0) {
          firstCheckpoint = after;
          firstCheckpointAt = done;
        }
        System.out.printf(
            Locale.ROOT,
            "%11d | %7.0f | %14s | %13s | %15s | %s | %s%n",
            done,
            (System.nanoTime() - began) / 1e9,
            Memory.mb(raw),
            Memory.mb(after),
            Memory.mb(after - start),
            Memory.classes(),
            Memory.loadAverage());
      }
    }
    if (engine.cachedKieBases() != 0) {
      throw new IllegalStateException("evictIdle(ZERO) left " + engine.cachedKieBases());
    }
    Memory.fullGc();
    long end = Memory.metaspaceUsed();
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "end: %d republishes in %.0f s (%.2f s each); metaspace after full GC %s, growth %s (%s"
            + " per republish), %s%n",
        done,
        seconds,
        seconds / Math.max(1, done),
        Memory.mb(end),
        Memory.mb(end - start),
        String.format(Locale.ROOT, "%.1f KB", (end - start) / 1024.0 / Math.max(1, done)),
        Memory.classes());
    if (firstCheckpoint >= 0 && done > firstCheckpointAt && done < republishes) {
      double slope = (end - firstCheckpoint) / (double) (done - firstCheckpointAt);
      System.out.printf(
          Locale.ROOT,
          "trend after the first checkpoint: %.1f KB per republish; at that rate %d republishes"
              + " would add %s (EXTRAPOLATED, target < 50 MB)%n",
          slope / 1024,
          republishes,
          Memory.mb((long) (firstCheckpoint - start + slope * (republishes - firstCheckpointAt))));
    }
  }
}
