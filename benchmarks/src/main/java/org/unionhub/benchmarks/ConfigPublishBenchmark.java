package org.unionhub.benchmarks;

import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * "A publish takes effect in all descendants": with all 10,000 effective configurations cached, one
 * city (or province) publishes a new layer — offered to the cache as the service's refresh does
 * once the version is in the database — and the timed part looks up the publisher and every
 * descendant until each of them resolves to the new version. Each invocation publishes at the next
 * city (province) in turn, so every one starts from a fully cached tree.
 *
 * <p>Not included: validating and storing the version (publishing's own work, before it takes
 * effect) and, on other nodes of a cluster, up to one second until their refresh sees it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ConfigPublishBenchmark {

  @Param({"city", "province"})
  public String level;

  private ConfigTree tree;
  private List<String> publishers;
  private int next;
  private int edition;
  private List<String> subtree;
  private long published;

  @Setup(Level.Trial)
  public void build() {
    tree = new ConfigTree();
    for (String t : tree.tenants) {
      tree.lookup(t);
    }
    publishers = level.equals("city") ? tree.cities : tree.provinces;
  }

  @Setup(Level.Invocation)
  public void publish() {
    String publisher = publishers.get(next);
    next = (next + 1) % publishers.size();
    subtree = tree.subtree(publisher);
    String note = "第" + (++edition + 1) + "版";
    published =
        tree.publish(
            publisher,
            level.equals("city")
                ? ConfigTree.city(publisher, note)
                : ConfigTree.provinceEdition(publisher, note));
  }

  /**
   * @return how many tenants were looked up until all had the new version
   */
  @Benchmark
  public int takesEffect() {
    int lookups = 0;
    boolean all;
    do {
      all = true;
      for (String t : subtree) {
        lookups++;
        if (tree.lookup(t).version() != published) {
          all = false;
        }
      }
    } while (!all);
    if (lookups != subtree.size()) {
      throw new IllegalStateException("the publish took more than one pass to take effect");
    }
    return lookups;
  }
}
