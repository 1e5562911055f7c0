package org.unionhub.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.rules.table.ActionColumn;
import org.unionhub.platform.rules.table.ConditionColumn;
import org.unionhub.platform.rules.table.DecisionTable;
import org.unionhub.platform.rules.table.DecisionTableJson;
import org.unionhub.platform.rules.table.DecisionTableSchema;
import org.unionhub.platform.rules.table.HitPolicy;
import org.unionhub.platform.rules.table.Operator;
import org.unionhub.platform.rules.table.TableProblem;
import org.unionhub.platform.rules.table.TableProblem.Code;
import org.unionhub.platform.rules.table.TableRow;
import org.unionhub.sdk.rules.Actions;

class DecisionTableEditorTest {

  /** A rule fact for the editor's tests. */
  public static final class Member {
    public int getAge() {
      return 0;
    }

    public String getDistrict() {
      return null;
    }

    public Boolean getRetired() {
      return null;
    }
  }

  static final DecisionTableSchema SCHEMA =
      DecisionTableSchema.of(
          List.of(Member.class),
          Actions.class,
          Map.of("district", List.of("gd-sz-ft", "gd-sz-ns")));

  @Test
  void aNewTableStartsWithOneEmptyRowOnTheFirstFactType() {
    var editor = DecisionTableEditor.create(SCHEMA, "gd-sz.age");
    assertThat(editor.getName()).isEqualTo("gd-sz.age");
    assertThat(editor.getFactType()).isEqualTo("Member");
    assertThat(editor.getHitPolicy()).isEqualTo("all");
    assertThat(editor.getRows()).hasSize(1);
    assertThat(editor.getFactTypeOptions()).containsExactly("Member");
    assertThat(editor.getHitPolicyOptions()).containsExactly("all", "first");
  }

  @Test
  void columnsAndRowsAddedInTheGridMakeTheTable() {
    var editor = DecisionTableEditor.create(SCHEMA, "gd-sz.age");
    editor.setNewProperty("age");
    assertThat(editor.getNewOperatorOptions())
        .contains(Operator.LESS)
        .doesNotContain(Operator.EMPTY);
    editor.setNewOperator("<");
    editor.addConditionColumn();
    assertThat(editor.getNewProperty()).isNull();
    String district = editor.addConditionColumn("district", "in");
    String again = editor.addConditionColumn("age", ">=");
    editor.setNewAction("reject");
    editor.addActionColumn();
    editor.addRow();

    assertThat(district).isEqualTo("district");
    assertThat(again).isEqualTo("age-2");
    var first = editor.getRows().get(0);
    assertThat(first.getWhen()).containsOnlyKeys("age", "district", "age-2");
    assertThat(first.getThen().get("reject")).containsOnlyKeys("field", "code", "message");
    first.getWhen().put("age", "18");
    first.getWhen().put("district", "gd-sz-ft， gd-sz-ns、\n");
    first
        .getThen()
        .put("reject", Map.of("field", "idNumber", "code", "UNDER_18", "message", "未满18周岁"));
    editor.getRows().get(1).setName("everyone");

    assertThat(editor.toTable())
        .isEqualTo(
            new DecisionTable(
                "gd-sz.age",
                "Member",
                HitPolicy.ALL,
                List.of(
                    new ConditionColumn("age", "age", "<"),
                    new ConditionColumn("district", "district", "in"),
                    new ConditionColumn("age-2", "age", ">=")),
                List.of(new ActionColumn("reject", "reject")),
                List.of(
                    new TableRow(
                        null,
                        Map.of("age", List.of("18"), "district", List.of("gd-sz-ft", "gd-sz-ns")),
                        Map.of(
                            "reject",
                            Map.of("field", "idNumber", "code", "UNDER_18", "message", "未满18周岁"))),
                    new TableRow("everyone", Map.of(), Map.of()))));
  }

  @Test
  void columnsWithoutAChoosenPropertyOrActionAreNotAdded() {
    var editor = DecisionTableEditor.create(SCHEMA, "t");
    editor.addConditionColumn();
    editor.setNewAction(" ");
    editor.addActionColumn();
    assertThat(editor.getConditionColumns()).isEmpty();
    assertThat(editor.getActionColumns()).isEmpty();
  }

  @Test
  void anOperatorIsChosenWhenNoneIsGiven() {
    var editor = DecisionTableEditor.create(SCHEMA, "t");
    editor.setNewProperty("retired");
    editor.addConditionColumn();
    assertThat(editor.getConditionColumns().get(0).getOperator()).isEqualTo("==");
  }

  @Test
  void removingAColumnRemovesItsCells() {
    var editor = DecisionTableEditor.create(SCHEMA, "t");
    editor.addConditionColumn("age", "<");
    editor.addActionColumn("flagForReview");
    editor.getRows().get(0).getWhen().put("age", "18");

    editor.removeColumn("age");
    editor.removeColumn("flagForReview");

    assertThat(editor.getConditionColumns()).isEmpty();
    assertThat(editor.getActionColumns()).isEmpty();
    assertThat(editor.getRows().get(0).getWhen()).isEmpty();
    assertThat(editor.getRows().get(0).getThen()).isEmpty();
  }

  @Test
  void rowsAreRemovedAndMovedByIndex() {
    var editor = DecisionTableEditor.create(SCHEMA, "t");
    editor.addRow();
    editor.addRow();
    editor.getRows().get(0).setName("a");
    editor.getRows().get(1).setName("b");
    editor.getRows().get(2).setName("c");

    editor.moveRowUp(2);
    editor.moveRowUp(0);
    editor.removeRow(0);
    editor.removeRow(7);

    assertThat(editor.getRows())
        .extracting(DecisionTableEditor.RowModel::getName)
        .containsExactly("c", "b");
  }

  @Test
  void cellsOfClosedSetsOfferTheirValuesAndListCellsSayTheyAreLists() {
    var editor = DecisionTableEditor.create(SCHEMA, "t");
    editor.addConditionColumn("district", "==");
    editor.addConditionColumn("district", "in");
    editor.addConditionColumn("retired", "==");
    editor.addConditionColumn("retired", "is empty");
    editor.addConditionColumn("age", "<");
    var columns = editor.getConditionColumns();

    assertThat(columns)
        .extracting(
            DecisionTableEditor.ConditionColumnModel::getCellOptions,
            DecisionTableEditor.ConditionColumnModel::isList,
            DecisionTableEditor.ConditionColumnModel::getOperatorName,
            DecisionTableEditor.ConditionColumnModel::getKind)
        .containsExactly(
            tuple(List.of("gd-sz-ft", "gd-sz-ns"), false, "EQUAL", "TEXT"),
            tuple(List.of(), true, "IN", "TEXT"),
            tuple(List.of("true", "false"), false, "EQUAL", "BOOLEAN"),
            tuple(List.of("true", "false"), false, "EMPTY", "BOOLEAN"),
            tuple(List.of(), false, "LESS", "INTEGER"));
  }

  @Test
  void validationKeepsProblemsForTheirCellsUntilTheGridChanges() {
    var editor = DecisionTableEditor.create(SCHEMA, "t");
    editor.addConditionColumn("age", "<");
    editor.addActionColumn("reject");
    editor.getRows().get(0).getWhen().put("age", "eighteen");
    editor.getRows().get(0).getThen().get("reject").put("field", "idNumber");
    editor.setName("");

    List<TableProblem> problems = editor.validate();

    assertThat(problems)
        .extracting(
            TableProblem::row, TableProblem::column, TableProblem::field, TableProblem::code)
        .containsExactly(
            tuple(0, null, "name", Code.MISSING_NAME),
            tuple(1, "age", null, Code.NOT_A_NUMBER),
            tuple(1, "reject", "code", Code.MISSING_ARGUMENT),
            tuple(1, "reject", "message", Code.MISSING_ARGUMENT));
    assertThat(editor.isChecked()).isTrue();
    assertThat(editor.tableProblem("name").code()).isEqualTo(Code.MISSING_NAME);
    assertThat(editor.problemAt(0, "age").code()).isEqualTo(Code.NOT_A_NUMBER);
    assertThat(editor.problemAt(0, "reject", "message").code()).isEqualTo(Code.MISSING_ARGUMENT);
    assertThat(editor.problemAt(0, "reject", "field")).isNull();
    assertThat(editor.problemAt(1, "age")).isNull();

    editor.addRow();
    assertThat(editor.isChecked()).isFalse();
    assertThat(editor.getProblems()).hasSize(4);
    editor.removeRow(1);
    assertThat(editor.getProblems()).isEmpty();
  }

  @Test
  void problemsFromElsewhereAreShownInTheirCells() {
    var editor = DecisionTableEditor.create(SCHEMA, "t");
    editor.addConditionColumn("age", "<");
    editor.showProblems(List.of(new TableProblem(1, "age", null, Code.NOT_A_NUMBER, "x")));
    assertThat(editor.problemAt(0, "age").message()).isEqualTo("x");
    assertThat(editor.columnProblem("age")).isNull();
  }

  @Test
  void theJsonFormReadsBackAsTheSameTable() {
    String json =
        """
        {"decisionTable": {"name": "t", "factType": "Member", "hitPolicy": "first",
          "conditions": [{"property": "district", "operator": "not in"}],
          "actions": [{"action": "dueInWorkingDays"}],
          "rows": [{"name": "far", "when": {"district": ["gd-sz-ft", "gd-sz-ns"]},
                    "then": {"dueInWorkingDays": {"workingDays": "10"}}}]}}
        """;
    var editor = DecisionTableEditor.of(SCHEMA, json);

    assertThat(editor.getRows().get(0).getWhen()).containsEntry("district", "gd-sz-ft, gd-sz-ns");
    assertThat(DecisionTableJson.read(editor.toJson())).isEqualTo(DecisionTableJson.read(json));
    assertThat(editor.validate()).isEmpty();
  }

  @Test
  void theEditorSurvivesSerializationAsAViewScopedPageKeepsIt()
      throws IOException, ClassNotFoundException {
    var editor = DecisionTableEditor.create(SCHEMA, "t");
    editor.addConditionColumn("age", "<");
    editor.getRows().get(0).getWhen().put("age", "18");
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(editor);
    }
    DecisionTableEditor copy;
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (DecisionTableEditor) in.readObject();
    }
    assertThat(copy.toTable()).isEqualTo(editor.toTable());
    assertThat(copy.getConditionColumns().get(0).getOperatorName()).isEqualTo("LESS");
  }
}
