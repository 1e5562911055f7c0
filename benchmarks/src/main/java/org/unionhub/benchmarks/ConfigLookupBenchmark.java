package org.unionhub.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.unionhub.platform.config.EffectiveConfig;

/**
 * Effective-configuration lookups over the 10,000-tenant {@link ConfigTree}, walking every tenant
 * in turn (so 89% are grassroots unions with a five-level chain):
 *
 * <ul>
 *   <li>{@code coldResolve}: what a cache miss costs — the chain, its layers in force and {@code
 *       ConfigResolver.resolve};
 *   <li>{@code cachedLookup}: the service's lookup with everything cached — the chain from the
 *       directory, the map get and the check that the chain's layers are still in force.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 4)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ConfigLookupBenchmark {

  private ConfigTree tree;
  private String[] tenants;
  private long warmResolves;

  /** Per-thread position in the walk over the tenants. */
  @State(Scope.Thread)
  public static class Walk {
    int next;
  }

  @Setup(Level.Trial)
  public void build() {
    tree = new ConfigTree();
    tenants = tree.tenants.toArray(String[]::new);
    for (String t : tenants) {
      tree.lookup(t);
    }
    warmResolves = tree.resolves.get();
  }

  @TearDown(Level.Trial)
  public void everyLookupWasAHit() {
    if (tree.resolves.get() != warmResolves) {
      throw new IllegalStateException(
          (tree.resolves.get() - warmResolves) + " cached lookups missed the cache");
    }
  }

  private String next(Walk walk) {
    String t = tenants[walk.next];
    walk.next = walk.next + 1 == tenants.length ? 0 : walk.next + 1;
    return t;
  }

  @Benchmark
  public EffectiveConfig coldResolve(Walk walk) {
    return tree.resolveCold(next(walk));
  }

  @Benchmark
  public EffectiveConfig cachedLookup(Walk walk) {
    return tree.lookup(next(walk));
  }
}
