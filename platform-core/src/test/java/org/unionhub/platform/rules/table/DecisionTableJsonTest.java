package org.unionhub.platform.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.rules.table.TableProblem.Code;

class DecisionTableJsonTest {

  /** The example of the codec's Javadoc and the README. */
  static final String EXAMPLE =
      """
      {"decisionTable": {
        "name": "gd-sz.minimum-age",
        "factType": "Applicant",
        "hitPolicy": "first",
        "conditions": [
          {"id": "age", "property": "age", "operator": "<"},
          {"id": "type", "property": "employmentType", "operator": "in"}
        ],
        "actions": [
          {"id": "reject", "action": "reject"},
          {"id": "due", "action": "dueInWorkingDays"}
        ],
        "rows": [
          {"name": "under-16",
           "when": {"age": "16"},
           "then": {"reject": {"field": "idNumber", "code": "UNDER_16", "message": "未满16周岁"}}},
          {"when": {"age": "18", "type": ["dispatched", "flexible"]},
           "then": {"due": {"workingDays": "10"}}}
        ]
      }}
      """;

  @Test
  void readsTheDocumentedShape() {
    DecisionTable table = DecisionTableJson.read(EXAMPLE);

    assertThat(table.name()).isEqualTo("gd-sz.minimum-age");
    assertThat(table.factType()).isEqualTo("Applicant");
    assertThat(table.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(table.conditions())
        .containsExactly(
            new ConditionColumn("age", "age", "<"),
            new ConditionColumn("type", "employmentType", "in"));
    assertThat(table.actions())
        .containsExactly(
            new ActionColumn("reject", "reject"), new ActionColumn("due", "dueInWorkingDays"));
    assertThat(table.rows()).hasSize(2);
    assertThat(table.rows().get(0).name()).isEqualTo("under-16");
    assertThat(table.rows().get(0).action("reject"))
        .containsExactly(
            Map.entry("field", "idNumber"),
            Map.entry("code", "UNDER_16"),
            Map.entry("message", "未满16周岁"));
    assertThat(table.rows().get(1).name()).isNull();
    assertThat(table.rows().get(1).condition("type")).containsExactly("dispatched", "flexible");
    assertThat(table.rows().get(1).condition("nothing")).isEmpty();
  }

  @Test
  void writingAndReadingAgainGivesAnEqualTable() {
    DecisionTable table = DecisionTableJson.read(EXAMPLE);
    String written = DecisionTableJson.write(table).toString();
    assertThat(DecisionTableJson.read(written)).isEqualTo(table);
    assertThat(
            Json.createReader(new StringReader(written))
                .readObject()
                .getJsonObject("decisionTable")
                .getJsonArray("rows")
                .getJsonObject(1)
                .getJsonObject("when")
                .toString())
        .isEqualTo("{\"age\":\"18\",\"type\":[\"dispatched\",\"flexible\"]}");
  }

  @Test
  void columnIdsDefaultToPropertyOrActionAndPolicyToAll() {
    DecisionTable table =
        DecisionTableJson.read(
            """
            {"decisionTable": {"name": "t", "factType": "Worker",
              "conditions": [{"property": "age", "operator": "<"}],
              "actions": [{"action": "flagForReview"}],
              "rows": [{"when": {"age": 18, "member": true, "none": null, "list": [1, 2.5, null]},
                        "then": {"flagForReview": {"reason": "x", "blank": null}}}]}}
            """);
    assertThat(table.hitPolicy()).isEqualTo(HitPolicy.ALL);
    assertThat(table.conditions()).containsExactly(new ConditionColumn("age", "age", "<"));
    assertThat(table.actions()).containsExactly(ActionColumn.of("flagForReview"));
    TableRow row = table.rows().get(0);
    assertThat(row.when())
        .containsExactly(
            Map.entry("age", List.of("18")),
            Map.entry("member", List.of("true")),
            Map.entry("none", List.of()),
            Map.entry("list", List.of("1", "2.5")));
    assertThat(row.action("flagForReview"))
        .containsExactly(Map.entry("reason", "x"), Map.entry("blank", ""));
  }

  @Test
  void wrongShapesAreReportedWithTheirPath() {
    assertThatThrownBy(
            () ->
                DecisionTableJson.read(
                    """
                    {"decisionTable": {"name": 1, "factTyp": "Worker", "hitPolicy": "any",
                      "conditions": [{"property": "age", "operator": ["<"]}, "age"],
                      "actions": {},
                      "rows": [{"when": {"age": {"v": 1}}, "then": {"flag": "x"}},
                               {"then": {"flag": {"reason": ["x"]}}, "enabled": false}]}}
                    """))
        .isInstanceOfSatisfying(
            DecisionTableException.class,
            e ->
                assertThat(e.problems())
                    .extracting(
                        TableProblem::row,
                        TableProblem::column,
                        TableProblem::field,
                        TableProblem::code)
                    .containsExactly(
                        tuple(0, null, "decisionTable.factTyp", Code.BAD_JSON),
                        tuple(0, null, "name", Code.BAD_JSON),
                        tuple(0, null, "hitPolicy", Code.BAD_JSON),
                        tuple(0, null, "conditions[1]", Code.BAD_JSON),
                        tuple(0, null, "conditions[0].operator", Code.BAD_JSON),
                        tuple(0, null, "actions", Code.BAD_JSON),
                        tuple(1, "age", null, Code.BAD_JSON),
                        tuple(1, "flag", null, Code.BAD_JSON),
                        tuple(2, null, "enabled", Code.BAD_JSON),
                        tuple(2, "flag", "reason", Code.BAD_JSON)));
  }

  @Test
  void textThatIsNoJsonObjectIsReportedAsSuch() {
    for (String text : List.of("", "[]", "{\"decisionTable\": ", "{}", "{\"decisionTable\": 3}")) {
      assertThatThrownBy(() -> DecisionTableJson.read(text))
          .as(text)
          .isInstanceOfSatisfying(
              DecisionTableException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(TableProblem::code)
                      .containsExactly(Code.BAD_JSON));
    }
  }

  @Test
  void problemsAreWrittenWithTheirPlaceLeavingOutWhatDoesNotApply() {
    assertThat(
            DecisionTableJson.problems(
                    List.of(
                        new TableProblem(3, "age", null, Code.NOT_A_NUMBER, "'x' is not a number"),
                        new TableProblem(0, null, "name", Code.MISSING_NAME, "no name")))
                .toString())
        .isEqualTo(
            "[{\"row\":3,\"column\":\"age\",\"code\":\"NOT_A_NUMBER\",\"message\":\"'x' is not a"
                + " number\"},{\"field\":\"name\",\"code\":\"MISSING_NAME\",\"message\":\"no"
                + " name\"}]");
  }
}
