package org.unionhub.platform.item;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemState;
import org.unionhub.sdk.item.ResultsVisibility;

class QuestionJsonAndExportTest {

  private static final FormField CANTEEN =
      FormField.builder("canteen", FieldType.CHOICE)
          .label("食堂满意吗", "Canteen ok?")
          .choices(
              List.of(
                  new Choice("yes", LocalizedText.of("满意", "Yes")),
                  new Choice("no", LocalizedText.of("不满意", "No"))))
          .build();
  private static final FormField REMARKS =
      FormField.builder("remarks", FieldType.LONG_TEXT)
          .label("意见", "Remarks")
          .optional()
          .maxLength(50)
          .build();

  @Test
  void questionsSurviveTheirJsonUnchanged() {
    var fields =
        List.of(
            CANTEEN,
            REMARKS,
            FormField.builder("score", FieldType.RATING).label("评分", "Score").build(),
            FormField.builder("age", FieldType.NUMBER).label("年龄", "Age").bounds(16, 80).build());
    assertThat(QuestionJson.read(QuestionJson.write(fields).toString())).isEqualTo(fields);
  }

  @Test
  void everyProblemOfSentQuestionsNamesItsPlace() {
    var sent =
        Json.createReader(
                new StringReader(
                    "[{\"name\":\"q1\",\"type\":\"colour\",\"label\":\"x\"},"
                        + "{\"name\":\"q2\",\"type\":\"CHOICE\"},"
                        + "{\"name\":\"q3\",\"type\":\"CHOICE\",\"label\":\"y\",\"choices\":[{\"value\":\"a\"}]},"
                        + "7]"))
            .readArray();
    var problems = new ArrayList<FieldError>();
    QuestionJson.read(sent, "questions", problems);
    assertThat(problems)
        .extracting(FieldError::field)
        .contains(
            "questions[0].type", "questions[1].label", "questions[2].choices[0]", "questions[3]");
  }

  private static ResultsService.Results results(boolean anonymous) {
    var item =
        new Item(
            "i1",
            "m",
            "k",
            "gd-sz",
            "调查",
            null,
            Map.of(),
            List.of(CANTEEN, REMARKS),
            null,
            null,
            Audience.SUBTREE_MEMBERS,
            anonymous,
            ResultsVisibility.NEVER,
            ItemState.PUBLISHED,
            null,
            "sz-admin",
            1);
    return new ResultsService.Results(
        item,
        "results",
        anonymous,
        5,
        6L,
        false,
        List.of(
            new ResultsService.Cell(
                "canteen=yes", 6, BigDecimal.ZERO, null, new BigDecimal("100.0")),
            new ResultsService.Cell("count", 6, BigDecimal.ZERO, null, new BigDecimal("100.0"))),
        List.of(),
        Map.of());
  }

  @Test
  void csvQuotesSeparatorsAndDefusesFormulas() {
    var answers =
        List.of(
            new ResultsService.Answer(
                "gd-sz",
                "m1",
                LocalDate.of(2026, 12, 7),
                Map.of("canteen", "yes", "remarks", "=HYPERLINK(\"x\")")),
            new ResultsService.Answer(
                "gd-sz",
                "m2",
                LocalDate.of(2026, 12, 7),
                Map.of("canteen", "no", "remarks", "好,很好")));
    String csv =
        new String(
            new ResultsExport().answersCsv(results(false), answers, Locale.CHINA),
            StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF单位,会员,日期,食堂满意吗,意见\r\n");
    assertThat(csv).contains("'=HYPERLINK(\"\"x\"\")").contains("\"好,很好\"");
  }

  @Test
  void anAnonymousExportHasNoMemberAndNoDate() {
    var answers = List.of(new ResultsService.Answer("gd-sz", null, null, Map.of("canteen", "yes")));
    var rows = new ResultsExport().answerRows(results(true), answers, Locale.ENGLISH);
    assertThat(rows.get(0)).containsExactly("Union", "Canteen ok?", "Remarks");
    assertThat(rows.get(1)).containsExactly("gd-sz", "yes", "");
    byte[] xlsx = new ResultsExport().xlsx(results(true), answers, Locale.ENGLISH);
    assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
  }

  @Test
  void resultRowsNameQuestionsAndChoicesInTheReadersLanguage() {
    var rows = new ResultsExport().resultRows(results(false), Locale.ENGLISH);
    assertThat(rows)
        .anySatisfy(r -> assertThat(r).containsSequence("All", "Canteen ok?", "Yes", 6L));
  }
}
