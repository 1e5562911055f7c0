package org.unionhub.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
}
