package org.unionhub.sdk.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.action.MemberAction;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;

class TallierTest {

  private static final List<FormField> FORM =
      List.of(
          FormField.builder("colour", FieldType.CHOICE)
              .label("颜色", "Colour")
              .choices(
                  List.of(
                      new Choice("red", LocalizedText.of("红", "Red")),
                      new Choice("blue", LocalizedText.of("蓝", "Blue"))))
              .build(),
          FormField.builder("fruit", FieldType.MULTI_CHOICE)
              .label("水果", "Fruit")
              .choices(
                  List.of(
                      new Choice("apple", LocalizedText.of("苹果", "Apple")),
                      new Choice("pear", LocalizedText.of("梨", "Pear"))))
              .build(),
          FormField.builder("rating", FieldType.RATING).label("评分", "Rating").build(),
          FormField.builder("hours", FieldType.NUMBER).label("小时", "Hours").optional().build(),
          FormField.builder("comment", FieldType.LONG_TEXT)
              .label("意见", "Comment")
              .optional()
              .build());

  private static MemberAction action(Map<String, String> values) {
    return new MemberAction("answer", "i1", "gd-sz", null, LocalDate.of(2026, 10, 8), values);
  }

  @Test
  void perFieldCountsEachChoiceSumsNumbersAndCountsOtherAnswers() {
    var entries =
        Tallier.PER_FIELD.entries(
            action(Map.of("colour", "red", "fruit", "apple,pear", "rating", "4", "comment", "好")),
            FORM);
    assertThat(entries)
        .containsExactly(
            TallyEntry.count("count"),
            TallyEntry.count("colour=red"),
            TallyEntry.count("fruit=apple"),
            TallyEntry.count("fruit=pear"),
            new TallyEntry("rating", new BigDecimal("4")),
            TallyEntry.count("comment"));
  }

  @Test
  void countCountsTheActionOnlyAndCellsAverageTheirValues() {
    assertThat(Tallier.COUNT.entries(action(Map.of("colour", "red")), FORM))
        .containsExactly(TallyEntry.count("count"));
    assertThat(new TallyCell("rating", 4, new BigDecimal("14")).average())
        .isEqualByComparingTo("3.50");
    assertThat(new TallyCell("rating", 0, BigDecimal.ZERO).average()).isNull();
  }
}
