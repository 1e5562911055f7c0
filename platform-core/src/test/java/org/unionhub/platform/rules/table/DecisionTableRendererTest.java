package org.unionhub.platform.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionhub.platform.rules.table.Tables.WORKERS;
import static org.unionhub.platform.rules.table.Tables.row;
import static org.unionhub.platform.rules.table.Tables.table;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.platform.fixture.Applicant;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleOutcome;
import org.unionhub.platform.rules.RuleOutcome.Rejection;
import org.unionhub.sdk.rules.Actions;

class DecisionTableRendererTest {

  static final RuleEngine ENGINE = new RuleEngine();

  private static final DecisionTableSchema APPLICANTS =
      DecisionTableSchema.of(
          List.of(Applicant.class),
          Actions.class,
          Map.of("employmentType", List.of("employee", "dispatched", "flexible")));

  private static final DecisionTable SHENZHEN =
      table("gd-sz.minimum-age", "Applicant")
          .when("age", "age", "<")
          .when("type", "employmentType", "in")
          .then("reject", "reject")
          .then("due", "dueInWorkingDays")
          .row(
              row()
                  .named("under-16")
                  .is("age", "16")
                  .does("reject", "field", "idNumber", "code", "UNDER_16", "message", "未满16周岁"))
          .row(
              row()
                  .is("age", "18")
                  .is("type", "dispatched", "flexible")
                  .does("reject", "field", "idNumber", "code", "UNDER_18", "message", "派遣工须年满18周岁")
                  .does("due", "workingDays", "10"))
          .row(row().is("type", "flexible").does("due", "workingDays", "3"))
          .build();

  static RuleOutcome evaluate(DecisionTableSchema schema, String drl, Object... facts) {
    String composed = schema.sandbox().compose("org.unionhub.tables.test", drl);
    return ENGINE.evaluate(List.of(composed), List.of(facts));
  }

  private static Applicant applicant(int age, String employmentType) {
    return new Applicant(
        "440304200001010011",
        LocalDate.of(2000, 1, 1),
        age,
        "male",
        employmentType,
        "91440300192185379H",
        "gd-sz-ft");
  }

  @Test
  void eachRowBecomesOneRuleFromTheTemplate() {
    RenderedTable rendered = new DecisionTableRenderer(APPLICANTS).render(SHENZHEN);

    assertThat(rendered.drl())
        .isEqualTo(
            """
            rule "gd-sz.minimum-age.under-16"
            when
              Applicant( age < 16 )
            then
              actions.reject("idNumber", "UNDER_16", "未满16周岁");
            end
            rule "gd-sz.minimum-age.2"
            when
              Applicant( age < 18, employmentType in ("dispatched", "flexible") )
            then
              actions.reject("idNumber", "UNDER_18", "派遣工须年满18周岁");
              actions.dueInWorkingDays(10);
            end
            rule "gd-sz.minimum-age.3"
            when
              Applicant( employmentType in ("flexible") )
            then
              actions.dueInWorkingDays(3);
            end
            """);
    assertThat(rendered.rules())
        .extracting(RenderedTable.Rule::name, RenderedTable.Rule::row)
        .containsExactly(
            tuple("gd-sz.minimum-age.under-16", 1),
            tuple("gd-sz.minimum-age.2", 2),
            tuple("gd-sz.minimum-age.3", 3));
    assertThat(rendered.rowAt(1)).isEqualTo(1);
    assertThat(rendered.rowAt(6)).isEqualTo(1);
    assertThat(rendered.rowAt(7)).isEqualTo(2);
    assertThat(rendered.rowAt(19)).isEqualTo(3);
    assertThat(rendered.rowAt(20)).isZero();
  }

  @Test
  void theRenderedTableRunsAsTheTableSays() {
    String drl = new DecisionTableRenderer(APPLICANTS).render(SHENZHEN).drl();

    RuleOutcome fifteen = evaluate(APPLICANTS, drl, applicant(15, "employee"));
    assertThat(fifteen.rejections())
        .containsExactly(new Rejection("idNumber", "UNDER_16", "未满16周岁"));
    assertThat(fifteen.dueInWorkingDays()).isNull();

    RuleOutcome dispatched17 = evaluate(APPLICANTS, drl, applicant(17, "dispatched"));
    assertThat(dispatched17.rejections())
        .containsExactly(new Rejection("idNumber", "UNDER_18", "派遣工须年满18周岁"));
    assertThat(dispatched17.dueInWorkingDays()).isEqualTo(10);

    RuleOutcome employee17 = evaluate(APPLICANTS, drl, applicant(17, "employee"));
    assertThat(employee17.rejections()).isEmpty();

    RuleOutcome flexible30 = evaluate(APPLICANTS, drl, applicant(30, "flexible"));
    assertThat(flexible30.rejections()).isEmpty();
    assertThat(flexible30.dueInWorkingDays()).isEqualTo(3);
  }

  @Test
  void withHitPolicyFirstOnlyTheFirstMatchingRowActs() {
    var table =
        table("gd-sz.deadline", "Worker")
            .first()
            .when("age", "age", ">=")
            .then("due", "dueInWorkingDays")
            .row(row().is("age", "60").does("due", "workingDays", "2"))
            .row(row().is("age", "40").does("due", "workingDays", "5"))
            .row(row().named("everyone-else"))
            .row(row().does("due", "workingDays", "30"))
            .build();
    RenderedTable rendered = new DecisionTableRenderer(WORKERS).render(table);
    assertThat(rendered.drl())
        .startsWith(
            """
            rule "gd-sz.deadline.1"
              salience -1
              activation-group "gd-sz.deadline"
            when
              Worker( age >= 60 )
            """)
        .contains(
            """
            rule "gd-sz.deadline.everyone-else"
              salience -3
              activation-group "gd-sz.deadline"
            when
              Worker()
            then
            end
            """);

    assertThat(evaluate(WORKERS, rendered.drl(), new Worker().age(65)).dueInWorkingDays())
        .isEqualTo(2);
    assertThat(evaluate(WORKERS, rendered.drl(), new Worker().age(45)).dueInWorkingDays())
        .isEqualTo(5);
    // The row without actions matches everyone left and stops the last row.
    assertThat(evaluate(WORKERS, rendered.drl(), new Worker().age(20)).dueInWorkingDays()).isNull();
  }

  @Test
  void valuesBecomeLiteralsOfTheirPropertysType() {
    var table =
        table("t", "Worker")
            .when("staff", "staffCount", ">")
            .when("wage", "monthlyWage", "<=")
            .when("member", "member", "==")
            .when("born", "birthDate", "<")
            .when("years", "yearsOfService", ">=")
            .then("flag", "flagForReview")
            .row(
                row()
                    .is("staff", " 1e10 ")
                    .is("wage", "５０００.50")
                    .is("member", "TRUE")
                    .is("born", "1990-01-31")
                    .is("years", "+3")
                    .does("flag", "reason", "r"))
            .build();
    assertThat(new DecisionTableRenderer(WORKERS).render(table).drl())
        .contains(
            "Worker( staffCount > 10000000000L, monthlyWage <= 5000.5, member == true,"
                + " birthDate != null && birthDate < \"31-Jan-1990\","
                + " yearsOfService != null && yearsOfService >= 3 )");
  }

  @Test
  void aTableWithProblemsIsNotRendered() {
    var table =
        table("t", "Worker")
            .when("age", "age", "<")
            .then("flag", "flagForReview")
            .row(row().is("age", "eighteen").does("flag", "reason", "r"))
            .build();
    assertThatThrownBy(() -> new DecisionTableRenderer(WORKERS).render(table))
        .isInstanceOfSatisfying(
            DecisionTableException.class,
            e ->
                assertThat(e.problems())
                    .extracting(TableProblem::row, TableProblem::column, TableProblem::code)
                    .containsExactly(tuple(1, "age", TableProblem.Code.NOT_A_NUMBER)))
        .hasMessageContaining("NOT_A_NUMBER in row 1 in column age");
  }

  /**
   * Text that would end a string literal, start a unicode escape, close the consequence, comment
   * out the rest or be read as a template, in a condition and in every text argument: the sandbox
   * accepts the rendered rules, and they compare and pass the text exactly as typed.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"); System.exit(0); //",
        "\\u0022); System.exit(0); //",
        "\\\\u0022",
        "\\",
        "end\\",
        "${System.exit(0)}",
        "@{System.exit(0)}",
        "#{java.lang.Runtime.getRuntime()}",
        "line one\nend\nrule \"evil\" when then System.exit(0); end",
        "a\r\nb\tc",
        "*/ System.exit(0); /*",
        "\" + System.getProperty(\"user.home\") + \"",
        "'); drop table t; --",
        "工会 ”中文引号“ 「」",
        "😀 surrogate pair",
        "\\n is not a line break here",
        "\\134",
        "\\\""
      })
  void hostileTextStaysText(String hostile) {
    var table =
        table("gd-sz.hostile", "Worker")
            .when("name", "name", "==")
            .then("reject", "reject")
            .then("route", "routeTo")
            .row(
                row()
                    .is("name", hostile)
                    .does("reject", "field", hostile, "code", hostile, "message", hostile)
                    .does("route", "tenantCode", hostile))
            .build();
    assertThat(new DecisionTableValidator(WORKERS).validate(table)).isEmpty();
    String drl = new DecisionTableRenderer(WORKERS).render(table).drl();
    assertThat(drl).doesNotContain("\\u").doesNotContain("\\\\");
    assertThat(WORKERS.sandbox().validate(drl)).isEmpty();

    String typed = hostile.strip();
    RuleOutcome matching = evaluate(WORKERS, drl, new Worker().name(typed));
    assertThat(matching.rejections()).containsExactly(new Rejection(typed, typed, typed));
    assertThat(matching.routeTo()).isEqualTo(typed);
    RuleOutcome other = evaluate(WORKERS, drl, new Worker().name(typed + "x"));
    assertThat(other.rejections()).isEmpty();
  }

  @Test
  void hostileRowNamesAndTableNamesAreRefusedNotRendered() {
    for (String name : List.of("x\" when then", "a\nb", "a\\u0022", "a;b", "a/*b")) {
      var table =
          table("t", "Worker")
              .then("flag", "flagForReview")
              .row(row().named(name).does("flag", "reason", "r"))
              .build();
      assertThat(new DecisionTableValidator(WORKERS).validate(table))
          .extracting(TableProblem::row, TableProblem::field, TableProblem::code)
          .containsExactly(tuple(1, "name", TableProblem.Code.BAD_RULE_NAME));
      var named = new DecisionTable(name, "Worker", null, List.of(), List.of(), List.of());
      assertThat(new DecisionTableValidator(WORKERS).validate(named))
          .extracting(TableProblem::field, TableProblem::code)
          .containsExactly(tuple("name", TableProblem.Code.BAD_NAME));
    }
  }
}
