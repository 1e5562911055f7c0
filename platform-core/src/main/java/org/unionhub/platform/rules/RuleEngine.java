package org.unionhub.platform.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.unionhub.platform.OwnThread;

/**
 * Compiles rule text to KieBases and evaluates them. KieBases are cached by the SHA-256 of the
 * composed text, so every tenant whose effective rules are the same text shares one.
 *
 * <p>Every evaluation is bounded three ways, because tenant rules are untrusted (see {@link
 * RuleSandbox}): the joins its rules could build must stay under a number of fact combinations,
 * checked before anything runs; it may fire at most {@link #MAX_FIRINGS} times; and it is halted
 * within a few firings after its time limit. An evaluation that breaks a bound fails alone with a
 * {@link RuleEvaluationException}. It runs on the caller's thread: no bound can cut short a single
 * firing or getter that does not return, and tenant rules cannot contain one (see the ADR 0005).
 */
public class RuleEngine {

  /** Most rule firings one evaluation may take before it is stopped as runaway. */
  public static final int MAX_FIRINGS = 10_000;

  /** How long an evaluation may fire rules unless the engine is built with another limit. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

  /**
   * Most fact combinations the rules of an evaluation may join unless the engine is built with
   * another limit: far above what a submission's handful of facts produces, and well under a second
   * of joining.
   */
  public static final long DEFAULT_MAX_JOIN_COMBINATIONS = 100_000;

  private static final class Compiled {
    final KieBase kieBase;
    final JoinBudget joins;
    volatile long lastUsedNanos = System.nanoTime();

    Compiled(KieBase kieBase, JoinBudget joins) {
      this.kieBase = kieBase;
      this.joins = joins;
    }

    KieBase kieBase() {
      return kieBase;
    }

    JoinBudget joins() {
      return joins;
    }
  }

  private final KieServices kieServices = KieServices.Factory.get();
  private final ConcurrentMap<String, Compiled> byHash = new ConcurrentHashMap<>();
  private final ConcurrentMap<List<String>, String> hashes = new ConcurrentHashMap<>();
  private final Duration timeLimit;
  private final long maxJoinCombinations;

  /** An engine with the default bounds. */
  public RuleEngine() {
    this(DEFAULT_TIME_LIMIT, DEFAULT_MAX_JOIN_COMBINATIONS);
  }

  /**
   * An engine with its own bounds.
   *
   * @param timeLimit how long one evaluation may fire rules
   * @param maxJoinCombinations most fact combinations the rules of one evaluation may join
   */
  public RuleEngine(Duration timeLimit, long maxJoinCombinations) {
    if (timeLimit.isNegative() || timeLimit.isZero() || maxJoinCombinations < 1) {
      throw new IllegalArgumentException(
          "bounds must be positive: " + timeLimit + ", " + maxJoinCombinations);
    }
    this.timeLimit = timeLimit;
    this.maxJoinCombinations = maxJoinCombinations;
  }

  /**
   * The KieBase for a rule set, compiling it on first use.
   *
   * @param sources the DRL sources of the composed rule set, in order
   * @return the shared KieBase
   * @throws RuleCompilationException when the rules do not compile
   */
  public KieBase kieBase(List<String> sources) {
    return compiled(sources).kieBase();
  }

  /**
   * @return how many distinct KieBases are cached
   */
  public int cachedKieBases() {
    return byHash.size();
  }

  /**
   * Runs rules against facts, within the engine's bounds.
   *
   * @param sources the DRL sources of the composed rule set
   * @param facts the facts to insert
   * @return what the rules asked for
   * @throws RuleEvaluationException when the evaluation breaks a bound or a rule fails
   */
  public RuleOutcome evaluate(List<String> sources, List<Object> facts) {
    return evaluate(new RuleSet(sources, java.util.Set.of()), facts);
  }

  /**
   * Runs a composed rule set against facts, within the engine's bounds. Suppressed rules do not
   * fire.
   *
   * @param ruleSet the rule set
   * @param facts the facts to insert
   * @return what the rules asked for
   * @throws RuleEvaluationException when the evaluation breaks a bound or a rule fails
   */
  public RuleOutcome evaluate(RuleSet ruleSet, List<Object> facts) {
    return evaluate(ruleSet, facts, false);
  }

  /**
   * Runs a composed rule set against facts, within the engine's bounds.
   *
   * @param ruleSet the rule set
   * @param facts the facts to insert
   * @param transition true to run only the rules that match the workflow step (guards and automatic
   *     transitions when someone acts), false to run every rule (a submission)
   * @return what the rules asked for
   * @throws RuleEvaluationException when the evaluation breaks a bound or a rule fails
   */
  public RuleOutcome evaluate(RuleSet ruleSet, List<Object> facts, boolean transition) {
    List<String> sources = ruleSet.sources();
    if (transition && ruleSet.stepRules().isEmpty()) {
      return new RuleOutcome();
    }
    if (sources.isEmpty()) {
      // A module may ship no default rules; with no rule there is nothing to ask for.
      return new RuleOutcome();
    }
    Compiled compiled = compiled(sources);
    compiled.joins().check(facts, maxJoinCombinations);
    var outcome = new RuleOutcome();
    KieSession session = compiled.kieBase().newKieSession();
    var guard = new Guard(session, System.nanoTime() + timeLimit.toNanos(), ruleSet.suppressed());
    try {
      session.setGlobal("actions", outcome);
      for (Object fact : facts) {
        session.insert(fact);
      }
      int fired = session.fireAllRules(guard, MAX_FIRINGS);
      if (guard.halted()) {
        throw new RuleEvaluationException(
            "rules ran longer than "
                + timeLimit.toMillis()
                + " ms and were stopped after "
                + fired
                + " firings",
            null);
      }
      if (fired >= MAX_FIRINGS) {
        throw new RuleEvaluationException(
            "rules fired " + fired + " times and were stopped; a rule is probably looping", null);
      }
    } catch (RuntimeException e) {
      if (e instanceof RuleEvaluationException) {
        throw e;
      }
      throw new RuleEvaluationException("a rule failed: " + e.getMessage(), e);
    } finally {
      session.dispose();
    }
    return outcome;
  }

  /**
   * Compiles a rule set now, so that its first evaluation does not wait for the compiler. Called
   * when configuration is published, off the request threads of members.
   *
   * @param ruleSet the rule set
   * @throws RuleCompilationException when the rules do not compile
   */
  public void prepare(RuleSet ruleSet) {
    if (!ruleSet.sources().isEmpty()) {
      compiled(ruleSet.sources());
    }
  }

  /**
   * Releases compiled rule sets nobody has evaluated or prepared for a while. Tenants whose rules
   * changed leave their old KieBase behind; this is how it goes.
   *
   * @param idle how long a KieBase may go unused before it is released
   * @return how many were released
   */
  public int evictIdle(Duration idle) {
    long cutoff = System.nanoTime() - idle.toNanos();
    int before = byHash.size();
    byHash.values().removeIf(c -> c.lastUsedNanos - cutoff < 0);
    hashes.values().removeIf(h -> !byHash.containsKey(h));
    return before - byHash.size();
  }

  private Compiled compiled(List<String> sources) {
    // Hashing the whole text on every evaluation costs more than the evaluation; the hash is
    // remembered per list of sources, whose hashCode Strings cache.
    String hash = hashes.get(sources);
    if (hash == null) {
      hash = hashes.computeIfAbsent(sources, l -> hash(String.join("\u0000", l)));
    }
    Compiled found = byHash.get(hash);
    if (found == null) {
      found =
          byHash.computeIfAbsent(
              hash,
              h -> {
                // On a thread that ends with the compilation: ECJ, the Java compiler Drools uses,
                // keeps
                // a cache in a static ThreadLocal it never removes (see OwnThread).
                KieBase kieBase =
                    OwnThread.call("unionhub-rule-compiler", () -> compile(h, sources));
                return new Compiled(kieBase, JoinBudget.of(kieBase));
              });
    }
    long now = System.nanoTime();
    // Idleness is judged in minutes: a second's precision is plenty, and not writing the shared
    // field on every evaluation keeps evaluating threads from contending for it.
    if (now - found.lastUsedNanos > 1_000_000_000L) {
      found.lastUsedNanos = now;
    }
    return found;
  }

  /**
   * Decides, just before each firing, whether it may happen: not when its rule is suppressed, and
   * not once the deadline has passed — then the session is halted, within CLOCK_EVERY firings after
   * the deadline. Drools only looks at {@code halt()} between firings, so a watchdog thread calling
   * it would stop nothing sooner than this filter, which runs on the evaluating thread and needs no
   * thread of its own; the joins that no halt can interrupt are bounded by {@link JoinBudget}
   * instead.
   *
   * <p>An agenda filter rather than an agenda event listener: Drools only calls a filter for the
   * matches it is about to fire, while any listener makes it build an event for every match it
   * creates or cancels — most of the engine's cost over bare Drools when it was a listener.
   */
  private static final class Guard implements AgendaFilter {
    /** A power of two. */
    private static final int CLOCK_EVERY = 16;

    private final KieSession session;
    private final long deadlineNanos;
    private final Set<String> suppressed;
    private int firings;
    private boolean halted;

    Guard(KieSession session, long deadlineNanos, Set<String> suppressed) {
      this.session = session;
      this.deadlineNanos = deadlineNanos;
      this.suppressed = suppressed;
    }

    @Override
    public boolean accept(Match match) {
      if (halted) {
        return false;
      }
      // Reading the clock costs about as much as a simple firing: look every CLOCK_EVERY firings.
      if ((++firings & (CLOCK_EVERY - 1)) == 0 && System.nanoTime() - deadlineNanos > 0) {
        halted = true;
        session.halt();
        return false;
      }
      return suppressed.isEmpty()
          || !suppressed.contains(
              RuleSet.key(match.getRule().getPackageName(), match.getRule().getName()));
    }

    boolean halted() {
      return halted;
    }
  }

  private KieBase compile(String hash, List<String> sources) {
    ReleaseId releaseId = kieServices.newReleaseId("org.unionhub.rules", "r" + hash, "1");
    var kfs = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
    for (int i = 0; i < sources.size(); i++) {
      kfs.write("src/main/resources/rules/part" + i + ".drl", sources.get(i));
    }
    KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new RuleCompilationException(
          errors.stream()
              .map(
                  m ->
                      new RuleProblem(
                          Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0), m.getText()))
              .toList());
    }
    KieBase kieBase = kieServices.newKieContainer(releaseId).getKieBase();
    // The KieBase is ours now; keep the global repository from holding every version ever built.
    kieServices.getRepository().removeKieModule(releaseId);
    return kieBase;
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
