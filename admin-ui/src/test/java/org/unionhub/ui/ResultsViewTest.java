package org.unionhub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.item.ResultsService;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemState;
import org.unionhub.sdk.item.ResultsVisibility;

class ResultsViewTest {

  private static final FormField CANTEEN =
      FormField.builder("canteen", FieldType.CHOICE)
          .label("食堂满意吗", "Canteen ok?")
          .choices(
              List.of(
                  new Choice("yes", LocalizedText.of("满意", "Yes")),
                  new Choice("no", LocalizedText.of("不满意", "No"))))
          .build();
  private static final FormField SCORE =
      FormField.builder("score", FieldType.RATING).label("评分", "Score").build();

  private static final Item ITEM =
      new Item(
          "i1",
          "m",
          "k",
          "gd-sz",
          "调查",
          null,
          Map.of(),
          List.of(CANTEEN, SCORE),
          null,
          null,
          Audience.SUBTREE_MEMBERS,
          true,
          ResultsVisibility.LIVE,
          ItemState.PUBLISHED,
          null,
          "a",
          1);

  private static ResultsService.Cell cell(String key, long count, String sum, String percent) {
    BigDecimal s = new BigDecimal(sum);
    return new ResultsService.Cell(
        key,
        count,
        s,
        key.contains("=") || key.equals("count")
            ? null
            : s.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP),
        new BigDecimal(percent));
  }

  @Test
  void choicesBecomeRowsAndABarChartHiddenCellsADashAndRatingsAnAverage() {
    var results =
        new ResultsService.Results(
            ITEM,
            "results",
            true,
            5,
            7L,
            false,
            List.of(
                cell("canteen=yes", 6, "0", "85.7"),
                cell("count", 7, "0", "100.0"),
                cell("score", 7, "28", "100.0")),
            List.of(
                new ResultsService.UnionPart(
                    "gd-sz-ft",
                    "福田区总工会",
                    java.util.UUID.randomUUID(),
                    6L,
                    false,
                    List.of(cell("canteen=yes", 6, "0", "100.0"))),
                new ResultsService.UnionPart(
                    "gd-sz-ns", "南山区总工会", java.util.UUID.randomUUID(), null, true, List.of())),
            Map.of());
    var view = ResultsView.of(results, ITEM, Locale.CHINA, "人数");

    var canteen = view.getQuestions().get(0);
    assertThat(canteen.rows())
        .extracting(ResultsView.Row::label, ResultsView.Row::count, ResultsView.Row::percent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("满意", "6", "85.7%"),
            org.assertj.core.groups.Tuple.tuple("不满意", "—", ""));
    assertThat(canteen.chartJson()).contains("\"type\":\"bar\"").contains("满意").contains("[6,0]");
    assertThat(view.getQuestions().get(1).average()).isEqualTo("4.00");
    assertThat(view.getResponses()).isEqualTo("7");
    assertThat(view.getUnions())
        .extracting(ResultsView.UnionRow::name, ResultsView.UnionRow::responses)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("福田区总工会", "6"),
            org.assertj.core.groups.Tuple.tuple("南山区总工会", "—"));
    assertThat(view.getUnions().get(1).values()).containsOnly("—");
  }
}
