package org.unionhub.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

  private static final String HEADER =
      "package test;\nglobal org.unionhub.sdk.rules.Actions actions;\n";

  @Test
  void identicalRuleTextSharesOneKieBase() {
    var engine = new RuleEngine();
    String drl = HEADER + "rule \"r\" when String() then actions.flagForReview(\"x\"); end\n";
    assertThat(engine.kieBase(List.of(drl))).isSameAs(engine.kieBase(List.of(drl)));
    assertThat(engine.cachedKieBases()).isEqualTo(1);
    engine.kieBase(List.of(drl + "\n"));
    assertThat(engine.cachedKieBases()).isEqualTo(2);
  }

  @Test
  void rulesCallTheActionApi() {
    var engine = new RuleEngine();
    String drl =
        HEADER
            + "rule \"short\" when $s : String( length < 3 ) then actions.reject(\"name\", \"TOO_SHORT\", $s); end\n"
            + "rule \"due\" when String() then actions.dueInWorkingDays(7); end\n";
    var outcome = engine.evaluate(List.of(drl), List.of("ab"));
    assertThat(outcome.rejections())
        .containsExactly(new RuleOutcome.Rejection("name", "TOO_SHORT", "ab"));
    assertThat(outcome.dueInWorkingDays()).isEqualTo(7);
  }

  @Test
  void compileErrorsCarryLinesAndNothingIsCached() {
    var engine = new RuleEngine();
    String broken = HEADER + "rule \"bad\" when\n  NoSuchType()\nthen end\n";
    assertThatThrownBy(() -> engine.kieBase(List.of(broken)))
        .isInstanceOfSatisfying(
            RuleCompilationException.class,
            e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.line()).isPositive()));
    assertThat(engine.cachedKieBases()).isZero();
  }

  @Test
  void aLoopingRuleSetIsStoppedAfterTheFiringLimit() {
    var engine = new RuleEngine();
    String looping = HEADER + "rule \"loop\" when $s : String() then update($s); end\n";
    assertThatThrownBy(() -> engine.evaluate(List.of(looping), List.of("x")))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("stopped");
  }

  @Test
  void anEvaluationPastItsTimeLimitIsHaltedAtTheNextFiringAndFailsAlone() {
    var engine = new RuleEngine(Duration.ofMillis(200), RuleEngine.DEFAULT_MAX_JOIN_COMBINATIONS);
    // Each firing is slow but short of any firing limit: 5 ms, 1,000 times, would take 5 s.
    String slow =
        HEADER
            + "rule \"slow\" when $i : Integer() then"
            + " java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L); end\n";
    List<Object> facts = IntStream.range(0, 1_000).boxed().map(Object.class::cast).toList();
    engine.kieBase(List.of(slow));

    long started = System.nanoTime();
    assertThatThrownBy(() -> engine.evaluate(List.of(slow), facts))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("longer than 200 ms");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(engine.evaluate(List.of(slow), List.of(1)).flags()).isEmpty();
  }

  @Test
  void aJoinLargerThanTheBudgetIsRefusedBeforeDroolsStartsIt() {
    var engine = new RuleEngine();
    // Nothing ever fires, so no firing limit or halt() could stop the 27 million comparisons.
    String join =
        HEADER
            + "rule \"join\" when $a : String() $b : String()"
            + " String( this == $a + $b + \"never\" ) then actions.flagForReview($a); end\n";
    List<Object> strings = IntStream.range(0, 300).mapToObj(i -> (Object) ("s" + i)).toList();
    engine.kieBase(List.of(join));

    long started = System.nanoTime();
    assertThatThrownBy(() -> engine.evaluate(List.of(join), strings))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("more than 100000 fact combinations")
        .hasMessageContaining("\"join\"");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void theJoinBudgetCountsOnlyTheFactsEachPatternCanMatch() {
    var engine = new RuleEngine(RuleEngine.DEFAULT_TIME_LIMIT, 2_000);
    String join =
        HEADER
            + "rule \"pairs\" when $s : String() $i : Integer( this > 998 ) then"
            + " actions.flagForReview($s + $i); end\n";
    var facts = new java.util.ArrayList<Object>(List.of("a"));
    IntStream.range(0, 1_000).forEach(facts::add);

    assertThat(engine.evaluate(List.of(join), facts).flags()).containsExactly("a999");

    facts.add("b");
    facts.add("c");
    assertThatThrownBy(() -> engine.evaluate(List.of(join), facts))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("more than 2000 fact combinations");
  }

  @Test
  void joinSizesBeyondALongSaturateInsteadOfWrappingAround() {
    String seven = " String()".repeat(7);
    String join =
        HEADER
            + "rule \"wide\" when"
            + seven
            + " then end\n"
            + "rule \"wider\" when"
            + seven
            + " then end\n";
    // 1,000^7 is 10^21: a wrapped product could look small enough to run for ever.
    List<Object> strings = IntStream.range(0, 1_000).mapToObj(i -> (Object) ("s" + i)).toList();

    assertThatThrownBy(
            () ->
                new RuleEngine(RuleEngine.DEFAULT_TIME_LIMIT, Long.MAX_VALUE - 1)
                    .evaluate(List.of(join), strings))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("fact combinations");
    assertThat(
            new RuleEngine(RuleEngine.DEFAULT_TIME_LIMIT, Long.MAX_VALUE)
                .evaluate(List.of(join), List.of("one"))
                .flags())
        .isEmpty();
  }

  @Test
  void aRuleCannotMakeTheOutcomeHoldHugeTexts() {
    var engine = new RuleEngine();
    String amplify =
        HEADER
            + "rule \"amplify\" when $s : String() then"
            + " actions.flagForReview($s.repeat(2_000)); end\n";

    assertThatThrownBy(() -> engine.evaluate(List.of(amplify), List.of("x")))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("at most " + RuleOutcome.MAX_TEXT_LENGTH);
  }

  @Test
  void boundsMustBePositive() {
    assertThatThrownBy(() -> new RuleEngine(Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RuleEngine(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aModuleWithoutRulesAsksForNothing() {
    var outcome = new RuleEngine().evaluate(List.of(), List.of("x"));
    assertThat(outcome.rejections()).isEmpty();
    assertThat(outcome.flags()).isEmpty();
  }

  @Test
  void aSuppressedRuleDoesNotFireAndTheOthersStill() {
    var engine = new RuleEngine();
    String drl =
        HEADER
            + "rule \"old\" when String() then actions.flagForReview(\"old\"); end\n"
            + "rule \"kept\" when String() then actions.flagForReview(\"kept\"); end\n";
    var all = engine.evaluate(new RuleSet(List.of(drl), Set.of()), List.of("x"));
    var withoutOld =
        engine.evaluate(
            new RuleSet(List.of(drl), Set.of(RuleSet.key("test", "old"))), List.of("x"));
    assertThat(all.flags()).containsExactlyInAnyOrder("old", "kept");
    assertThat(withoutOld.flags()).containsExactly("kept");
    assertThat(engine.cachedKieBases()).isEqualTo(1);
  }

  @Test
  void kieBasesNobodyUsedForTheIdleTimeAreReleased() throws InterruptedException {
    var engine = new RuleEngine();
    String drl = HEADER + "rule \"r\" when String() then actions.flagForReview(\"x\"); end\n";
    engine.prepare(new RuleSet(List.of(drl), Set.of()));
    assertThat(engine.evictIdle(Duration.ofHours(1))).isZero();
    assertThat(engine.cachedKieBases()).isEqualTo(1);
    Thread.sleep(5);
    assertThat(engine.evictIdle(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(engine.cachedKieBases()).isZero();
    // Released is not lost: the next evaluation compiles it again.
    assertThat(engine.evaluate(List.of(drl), List.of("y")).flags()).containsExactly("x");
    assertThat(engine.cachedKieBases()).isEqualTo(1);
  }
}
