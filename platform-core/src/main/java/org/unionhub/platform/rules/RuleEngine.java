package org.unionhub.platform.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/**
 * Compiles rule text to KieBases and evaluates them. KieBases are cached by the SHA-256 of the
 * composed text, so every tenant whose effective rules are the same text shares one.
 */
public class RuleEngine {

  /** Most rule firings one evaluation may take before it is stopped as runaway. */
  public static final int MAX_FIRINGS = 10_000;

  private final KieServices kieServices = KieServices.Factory.get();
  private final ConcurrentMap<String, KieBase> byHash = new ConcurrentHashMap<>();

  /**
   * The KieBase for a rule set, compiling it on first use.
   *
   * @param sources the DRL sources of the composed rule set, in order
   * @return the shared KieBase
   * @throws RuleCompilationException when the rules do not compile
   */
  public KieBase kieBase(List<String> sources) {
    return byHash.computeIfAbsent(hash(String.join("\u0000", sources)), h -> compile(h, sources));
  }

  /**
   * @return how many distinct KieBases are cached
   */
  public int cachedKieBases() {
    return byHash.size();
  }

  /**
   * Runs rules against facts, bounded by {@link #MAX_FIRINGS}.
   *
   * @param sources the DRL sources of the composed rule set
   * @param facts the facts to insert
   * @return what the rules asked for
   */
  public RuleOutcome evaluate(List<String> sources, List<Object> facts) {
    var outcome = new RuleOutcome();
    KieSession session = kieBase(sources).newKieSession();
    try {
      session.setGlobal("actions", outcome);
      facts.forEach(session::insert);
      int fired = session.fireAllRules(MAX_FIRINGS);
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
