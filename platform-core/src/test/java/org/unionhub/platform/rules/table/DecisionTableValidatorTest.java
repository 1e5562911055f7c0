package org.unionhub.platform.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionhub.platform.rules.table.Tables.WORKERS;
import static org.unionhub.platform.rules.table.Tables.row;
import static org.unionhub.platform.rules.table.Tables.table;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionhub.platform.rules.table.TableProblem.Code;

class DecisionTableValidatorTest {

  private final DecisionTableValidator validator = new DecisionTableValidator(WORKERS);

  private ListAssert<Tuple> problems(DecisionTable table) {
    return assertThat(
        validator.validate(table).stream()
            .map(p -> tuple(p.row(), p.column(), p.field(), p.code()))
            .toList());
  }

  private static Tables.Builder flagging() {
    return table("t", "Worker").then("flag", "flagForReview");
  }

  @Test
  void aSoundTableHasNoProblems() {
    problems(
            flagging()
                .when("age", "age", ">=")
                .when("district", "district", "not in")
                .row(row().is("age", "60").is("district", "gd-sz-ft").does("flag", "reason", "x"))
                .row(row().does("flag", "reason", "everyone"))
                .build())
        .isEmpty();
  }

  @Test
  void theTableNeedsANameAndOneOfTheModulesFactTypes() {
    problems(new DecisionTable(" ", "Employee", null, List.of(), List.of(), List.of()))
        .containsExactly(
            tuple(0, null, "name", Code.MISSING_NAME),
            tuple(0, null, "factType", Code.UNKNOWN_FACT_TYPE));
    problems(new DecisionTable("x".repeat(61), "Worker", null, List.of(), List.of(), List.of()))
        .containsExactly(tuple(0, null, "name", Code.BAD_NAME));
  }

  @Test
  void columnsAreReportedByIdAndPart() {
    problems(
            table("t", "Worker")
                .when("a", "salary", "<")
                .when("b", "contract", "==")
                .when("c", "age", "~")
                .when("d", "name", "<")
                .when("e", "member", "in")
                .when("f", "age", "is empty")
                .when("a", "age", "<")
                .when("9x", "age", "<")
                .then("g", "insert")
                .then("h", "reject")
                .then("h", "routeTo")
                .build())
        .containsExactly(
            tuple(0, "a", "property", Code.UNKNOWN_PROPERTY),
            tuple(0, "b", "property", Code.UNSUPPORTED_PROPERTY_TYPE),
            tuple(0, "c", "operator", Code.UNKNOWN_OPERATOR),
            tuple(0, "d", "operator", Code.OPERATOR_NOT_FOR_TYPE),
            tuple(0, "e", "operator", Code.OPERATOR_NOT_FOR_TYPE),
            tuple(0, "f", "operator", Code.OPERATOR_NOT_FOR_TYPE),
            tuple(0, "a", "id", Code.DUPLICATE_COLUMN),
            tuple(0, "9x", "id", Code.BAD_COLUMN_ID),
            tuple(0, "g", "action", Code.UNKNOWN_ACTION),
            tuple(0, "h", "id", Code.DUPLICATE_COLUMN));
  }

  /** Operators a property's type does not fit are refused; those it fits are offered. */
  @ParameterizedTest
  @CsvSource({
    "age, ==, true",
    "age, <, true",
    "age, in, true",
    "age, is empty, false",
    "yearsOfService, is empty, true",
    "yearsOfService, >=, true",
    "monthlyWage, <=, true",
    "staffCount, not in, true",
    "name, ==, true",
    "name, <, false",
    "name, is not empty, true",
    "district, in, true",
    "district, >, false",
    "member, ==, true",
    "member, !=, true",
    "member, in, false",
    "member, <, false",
    "member, is empty, false",
    "retired, is empty, true",
    "birthDate, <, true",
    "birthDate, not in, true",
    "birthDate, is not empty, true"
  })
  void operatorsFitTheirPropertysType(String property, String operator, boolean fits) {
    var table = table("t", "Worker").when("c", property, operator).build();
    if (fits) {
      problems(table).isEmpty();
      assertThat(WORKERS.property("Worker", property).orElseThrow().operators())
          .contains(Operator.ofSymbol(operator).orElseThrow());
    } else {
      problems(table).containsExactly(tuple(0, "c", "operator", Code.OPERATOR_NOT_FOR_TYPE));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "age | < | eighteen | NOT_A_NUMBER",
        "age | < | 18.5 | NOT_A_WHOLE_NUMBER",
        "age | < | 2147483648 | NUMBER_OUT_OF_RANGE",
        "age | < | 1e999999999 | NUMBER_OUT_OF_RANGE",
        "age | < | 0x10 | NOT_A_NUMBER",
        "age | < | 18L | NOT_A_NUMBER",
        "staffCount | < | 9223372036854775808 | NUMBER_OUT_OF_RANGE",
        "monthlyWage | < | 1e15 | NUMBER_OUT_OF_RANGE",
        "monthlyWage | < | 0.1234567890123456 | NUMBER_OUT_OF_RANGE",
        "monthlyWage | < | NaN | NOT_A_NUMBER",
        "monthlyWage | < | Infinity | NOT_A_NUMBER",
        "member | == | yes | NOT_A_BOOLEAN",
        "retired | is empty | maybe | NOT_A_BOOLEAN",
        "birthDate | < | 2026-02-30 | NOT_A_DATE",
        "birthDate | < | 1-Jan-2000 | NOT_A_DATE",
        "birthDate | < | 1899-12-31 | NOT_A_DATE",
        "district | == | gd-sz | NOT_A_CHOICE",
        "name | == | a\u0000b | UNSAFE_TEXT",
        "name | == | a\u202Eb | UNSAFE_TEXT",
        "name | == | a\u2028b | UNSAFE_TEXT",
        "name | == | a\uD800b | UNSAFE_TEXT"
      })
  void valuesMustParseAsTheirPropertysType(
      String property, String operator, String value, Code code) {
    problems(
            flagging()
                .when("c", property, operator)
                .row(row().is("c", value).does("flag", "reason", "x"))
                .build())
        .containsExactly(tuple(1, "c", null, code));
  }

  @Test
  void textLongerThanARuleMayPassIsRefusedInConditionsAndArguments() {
    String longText = "长".repeat(1001);
    problems(
            flagging()
                .when("name", "name", "==")
                .row(row().is("name", longText).does("flag", "reason", longText))
                .build())
        .containsExactly(
            tuple(1, "name", null, Code.TOO_LONG), tuple(1, "flag", "reason", Code.TOO_LONG));
  }

  @Test
  void cellsHoldOneValueExceptForListOperators() {
    problems(
            flagging()
                .when("age", "age", "<")
                .when("district", "district", "in")
                .when("retired", "retired", "is empty")
                .row(
                    row()
                        .is("age", "16", "18")
                        .is("district", "gd-sz-ft", "gd-sz-ns")
                        .does("flag", "reason", "x"))
                .row(row().is("retired", "true", "false").does("flag", "reason", "x"))
                .row(row().is("age", "16", " ").does("flag", "reason", "x"))
                .build())
        .containsExactly(
            tuple(1, "age", null, Code.ONE_VALUE_EXPECTED),
            tuple(2, "retired", null, Code.ONE_VALUE_EXPECTED));
  }

  @Test
  void listCellsAreBounded() {
    var values = new ArrayList<String>();
    for (int i = 0; i <= DecisionTableValidator.MAX_LIST_VALUES; i++) {
      values.add("n" + i);
    }
    problems(
            flagging()
                .when("name", "name", "in")
                .row(row().is("name", values.toArray(String[]::new)).does("flag", "reason", "x"))
                .build())
        .containsExactly(tuple(1, "name", null, Code.TOO_MANY_VALUES));
  }

  @Test
  void actionsNeedEveryArgumentOnceAnyIsFilledIn() {
    problems(
            table("t", "Worker")
                .then("reject", "reject")
                .then("due", "dueInWorkingDays")
                .row(row().does("reject", "field", "idNumber", "code", " ", "message", "m"))
                .row(row().does("reject", "field", "", "code", "", "message", ""))
                .row(row().does("due", "workingDays", "ten"))
                .row(row().does("due", "days", "3"))
                .build())
        .containsExactly(
            tuple(1, "reject", "code", Code.MISSING_ARGUMENT),
            tuple(2, null, null, Code.NO_ACTION),
            tuple(3, "due", "workingDays", Code.NOT_A_NUMBER),
            tuple(4, "due", "days", Code.UNKNOWN_ARGUMENT));
  }

  @Test
  void rowsWithoutActionsAreAMistakeUnlessTheFirstMatchingRowDecides() {
    var rows =
        flagging()
            .when("age", "age", "<")
            .row(row().is("age", "18"))
            .row(row().does("flag", "reason", "x"));
    problems(rows.build()).containsExactly(tuple(1, null, null, Code.NO_ACTION));
    problems(rows.first().build()).isEmpty();
  }

  @Test
  void cellsForColumnsTheTableDoesNotHaveAreReported() {
    problems(
            flagging()
                .when("age", "age", "<")
                .row(
                    row()
                        .is("agee", "18")
                        .is("flag", "x")
                        .is("blank", " ")
                        .does("age", "reason", "x")
                        .does("flag", "reason", "x"))
                .build())
        .containsExactly(
            tuple(1, "agee", null, Code.UNKNOWN_COLUMN),
            tuple(1, "flag", null, Code.UNKNOWN_COLUMN),
            tuple(1, "age", null, Code.UNKNOWN_COLUMN));
  }

  @Test
  void ruleNamesMustBeUniquePlainAndShortEnough() {
    problems(
            flagging()
                .row(row().does("flag", "reason", "x"))
                .row(row().named("1").does("flag", "reason", "x"))
                .row(row().named("未满18周岁（派遣）").does("flag", "reason", "x"))
                .row(row().named(" 未满18周岁（派遣） ").does("flag", "reason", "x"))
                .row(row().named("x".repeat(99)).does("flag", "reason", "x"))
                .row(row().named("a\"b").does("flag", "reason", "x"))
                .build())
        .containsExactly(
            tuple(2, null, "name", Code.DUPLICATE_RULE_NAME),
            tuple(4, null, "name", Code.DUPLICATE_RULE_NAME),
            tuple(5, null, "name", Code.BAD_RULE_NAME),
            tuple(6, null, "name", Code.BAD_RULE_NAME));
  }

  @Test
  void aTableHasAtMostAsManyRowsAsALayerHasRules() {
    var table = flagging();
    for (int i = 0; i <= DecisionTableValidator.MAX_ROWS; i++) {
      table.row(row().does("flag", "reason", "x"));
    }
    problems(table.build()).containsExactly(tuple(0, null, "rows", Code.TOO_MANY_ROWS));
  }

  @Test
  void columnsAreBounded() {
    var table = flagging();
    for (int i = 0; i <= DecisionTableValidator.MAX_CONDITION_COLUMNS; i++) {
      table.when("c" + i, "age", "<");
    }
    for (int i = 1; i <= DecisionTableValidator.MAX_ACTION_COLUMNS; i++) {
      table.then("a" + i, "flagForReview");
    }
    problems(table.build())
        .containsExactly(
            tuple(0, null, "conditions", Code.TOO_MANY_COLUMNS),
            tuple(0, null, "actions", Code.TOO_MANY_COLUMNS));
  }

  @Test
  void aTableWhoseRulesWouldNotFitInALayerIsTooLarge() {
    var table = flagging();
    for (int i = 0; i < 30; i++) {
      table.row(row().does("flag", "reason", "长".repeat(1000)));
    }
    problems(table.build()).containsExactly(tuple(0, null, "rows", Code.TOO_LARGE));
  }

  @Test
  void problemsAreInEnglishAndSayWhatIsAllowed() {
    List<TableProblem> found =
        validator.validate(table("t", "Worker").when("c", "name", "<").build());
    assertThat(found.get(0).message())
        .isEqualTo(
            "'<' does not fit name (text or nothing); use ==, !=, in, not in, is empty,"
                + " is not empty");
  }
}
