package org.unionhub.benchmarks;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleSet;

/**
 * Heap held by the rule engine for many tenants: compiles {@code sets} distinct rule sets of {@code
 * rules} rules through one {@link RuleEngine} (its cache by hash), evaluates each enough times for
 * Drools to JIT its constraints as a live tenant's would be, then gives {@code tenants} tenants a
 * reference to one of them each and measures used heap after full GCs at each step.
 *
 * <p>Each tenant holds its own {@link RuleSet} whose layer texts are its own strings — as every
 * tenant's resolved configuration does, since the resolver composes the text per tenant — and
 * shares the module's default text. What 2,000 sets would take is extrapolated from the measured
 * bytes per KieBase when fewer are compiled.
 *
 * <p>Arguments: {@code sets} (default 200), {@code tenants} (10000), {@code rules} (50), {@code
 * target sets} (2000).
 */
public final class HeapHarness {

  private HeapHarness() {}

  public static void main(String[] args) {
    int sets = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int tenants = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rules = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int targetSets = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    System.out.printf(
        "heap harness: %d distinct %d-rule sets, %d tenants; JVM %s, max heap %s, load %s%n",
        sets,
        rules,
        tenants,
        System.getProperty("java.vm.version"),
        Memory.mb(Runtime.getRuntime().maxMemory()),
        Memory.loadAverage());

    var engine = new RuleEngine();
    List<List<Object>> facts = Rules.applicants().stream().map(a -> List.<Object>of(a)).toList();
    // Load Drools' own classes and the generator's before the baseline.
    RuleSet warm = Rules.ruleSet(rules, 1_000_000);
    engine.prepare(warm);
    facts.forEach(f -> engine.evaluate(warm, f));
    engine.evictIdle(java.time.Duration.ZERO);
    Memory.fullGc();
    long baseline = Memory.heapUsed();
    long baseMeta = Memory.metaspaceUsed();
    System.out.printf(
        "baseline after full GC: heap %s, metaspace %s%n", mb(baseline), mb(baseMeta));

    var compiled = new ArrayList<RuleSet>();
    long start = System.nanoTime();
    long perKieBase = 0;
    for (int i = 0; i < sets; i++) {
      RuleSet set = Rules.ruleSet(rules, i);
      engine.prepare(set);
      for (int n = 0; n < 2; n++) {
        for (List<Object> f : facts) {
          engine.evaluate(set, f);
        }
      }
      compiled.add(set);
      int done = i + 1;
      if (done == sets || done % Math.max(1, sets / 4) == 0) {
        Memory.fullGc();
        long heap = Memory.heapUsed();
        perKieBase = (heap - baseline) / done;
        System.out.printf(
            Locale.ROOT,
            "%5d sets compiled in %.0f s: heap %s (+%s, %s per KieBase), metaspace %s, %s,"
                + " load %s%n",
            done,
            (System.nanoTime() - start) / 1e9,
            mb(heap),
            mb(heap - baseline),
            kb(perKieBase),
            mb(Memory.metaspaceUsed()),
            Memory.classes(),
            Memory.loadAverage());
      }
    }
    if (engine.cachedKieBases() != sets) {
      throw new IllegalStateException(
          "expected " + sets + " cached KieBases, found " + engine.cachedKieBases());
    }
    Memory.fullGc();
    long withSets = Memory.heapUsed();

    Map<String, RuleSet> byTenant = new HashMap<>();
    for (int t = 0; t < tenants; t++) {
      RuleSet shared = compiled.get(t % sets);
      var own = new ArrayList<String>();
      for (String source : shared.sources()) {
        // The module's default text is one string for all; composed layers are per tenant.
        own.add(Rules.DEFAULTS.contains(source) ? source : new String(source.toCharArray()));
      }
      byTenant.put("tenant-" + t, new RuleSet(own, Set.of()));
    }
    // Every tenant's rule set must hit the cache: no new KieBase.
    for (int t = 0; t < tenants; t += 97) {
      engine.evaluate(byTenant.get("tenant-" + t), facts.get(t & 15));
    }
    if (engine.cachedKieBases() != sets) {
      throw new IllegalStateException("tenant rule sets missed the cache");
    }
    Memory.fullGc();
    long withTenants = Memory.heapUsed();
    long perTenant = (withTenants - withSets) / tenants;
    System.out.printf(
        "%d tenants referencing them: heap %s (+%s, %s per tenant)%n",
        tenants, mb(withTenants), mb(withTenants - withSets), kb(perTenant));

    long extrapolated = baseline + (long) targetSets * perKieBase + (long) tenants * perTenant;
    System.out.printf(
        "%s: %d sets x %s + %d tenants x %s + baseline %s = %s (target <= 4096 MB)%n",
        sets == targetSets ? "measured" : "EXTRAPOLATED from " + sets + " sets",
        targetSets,
        kb(perKieBase),
        tenants,
        kb(perTenant),
        mb(baseline),
        mb(sets == targetSets ? withTenants : extrapolated));
    System.out.println("metaspace " + mb(Memory.metaspaceUsed()) + ", " + Memory.classes());
    // Keep the engine (which holds the KieBases) and the tenants reachable until every reading
    // is taken: once compiled, this method no longer uses them and the GC could free them early.
    Reference.reachabilityFence(engine);
    Reference.reachabilityFence(byTenant);
    Reference.reachabilityFence(compiled);
  }

  private static String mb(long bytes) {
    return Memory.mb(bytes);
  }

  private static String kb(long bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }
}
