package org.unionhub.sdk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.LocalizedText;

class NewFieldTypesTest {

  private static final List<Choice> FRUIT =
      List.of(
          new Choice("apple", LocalizedText.of("苹果", "Apple")),
          new Choice("pear", LocalizedText.of("梨", "Pear")),
          new Choice("plum", LocalizedText.of("李子", "Plum")));

  private static String code(FormField field, String value) {
    FieldProblem p = field.check(value);
    return p == null ? null : p.code();
  }

  @Test
  void aNumberIsADecimalWithinItsBounds() {
    var age = FormField.builder("age", FieldType.NUMBER).label("年龄", "Age").bounds(16, 65).build();
    assertThat(code(age, "16")).isNull();
    assertThat(code(age, "40.5")).isNull();
    assertThat(code(age, "15")).isEqualTo("UNDER_MINIMUM");
    assertThat(code(age, "66")).isEqualTo("OVER_MAXIMUM");
    assertThat(code(age, "1e3")).isEqualTo("NOT_A_NUMBER");
    assertThat(code(age, "forty")).isEqualTo("NOT_A_NUMBER");
    assertThat(age.check("15").message().zh()).isEqualTo("不能小于16");
    assertThat(age.check("15").message().en()).isEqualTo("must be at least 16");
  }

  @Test
  void aRatingIsAWholeNumberFromOneToFive() {
    var rating = FormField.builder("r", FieldType.RATING).label("评分", "Rating").build();
    assertThat(rating.min()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(rating.max()).isEqualByComparingTo(BigDecimal.valueOf(5));
    assertThat(code(rating, "1")).isNull();
    assertThat(code(rating, "5")).isNull();
    assertThat(code(rating, "0")).isEqualTo("NOT_A_RATING");
    assertThat(code(rating, "6")).isEqualTo("NOT_A_RATING");
    assertThat(code(rating, "4.5")).isEqualTo("NOT_A_RATING");
  }

  @Test
  void multipleChoiceAcceptsUpToItsMaximumOfDistinctChoices() {
    var fruit =
        FormField.builder("fruit", FieldType.MULTI_CHOICE)
            .label("水果", "Fruit")
            .choices(FRUIT)
            .maxChoices(2)
            .build();
    assertThat(code(fruit, "apple")).isNull();
    assertThat(code(fruit, "apple, pear")).isNull();
    assertThat(code(fruit, "apple,pear,plum")).isEqualTo("TOO_MANY_CHOICES");
    assertThat(code(fruit, "apple,kiwi")).isEqualTo("NOT_A_CHOICE");
    assertThat(code(fruit, "apple,apple")).isEqualTo("REPEATED_CHOICE");
    assertThat(FormField.split(" apple , pear,")).containsExactly("apple", "pear");
    assertThat(fruit.maxLength()).isEqualTo(1000);
  }

  @Test
  void longTextTakesTwoThousandCharactersByDefault() {
    var text = FormField.builder("t", FieldType.LONG_TEXT).label("意见", "Comment").build();
    assertThat(text.maxLength()).isEqualTo(2000);
    assertThat(code(text, "一".repeat(2000))).isNull();
    assertThat(code(text, "一".repeat(2001))).isEqualTo("TOO_LONG");
  }

  @Test
  void anOptionalChoiceMayBeLeftEmptyButNotGivenAWrongValue() {
    var urgent =
        FormField.builder("urgent", FieldType.CHOICE)
            .label("紧急", "Urgent")
            .choices(FRUIT)
            .optional()
            .build();
    assertThat(urgent.required()).isFalse();
    assertThat(code(urgent, null)).isNull();
    assertThat(code(urgent, " ")).isNull();
    assertThat(code(urgent, "kiwi")).isEqualTo("NOT_A_CHOICE");
    assertThat(urgent.maxLength()).isEqualTo(64);
  }

  @Test
  void aDefinitionWithProblemsIsRefusedByBuildAndReportedByBuildUnchecked() {
    var bad =
        FormField.builder("9lives", FieldType.TEXT).label("x", "x").buildUnchecked().problems();
    assertThat(bad).singleElement().asString().contains("must match");

    var field =
        FormField.builder("q", FieldType.MULTI_CHOICE)
            .choices(
                List.of(
                    new Choice("a", LocalizedText.of("甲", "A")),
                    new Choice("a", LocalizedText.of("甲", "A")),
                    new Choice("b,c", LocalizedText.of("乙", "B"))))
            .maxChoices(0)
            .bounds(5, 1)
            .buildUnchecked();
    assertThat(field.problems())
        .containsExactly(
            "field 'q' has no label",
            "choice 'a' of field 'q' is listed twice",
            "choice 'b,c' of field 'q' must match [^,\\s][^,]{0,63}",
            "field 'q' maxChoices needs a MULTI_CHOICE field and at least 1",
            "field 'q' has bounds but is a MULTI_CHOICE",
            "field 'q' has min above max");
    assertThatThrownBy(() -> FormField.builder("c", FieldType.CHOICE).label("选", "Choose").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no choices");
    assertThat(
            FormField.builder("t", FieldType.TEXT)
                .label("文", "Text")
                .choices(FRUIT)
                .buildUnchecked()
                .problems())
        .containsExactly("field 't' has choices but is a TEXT");
  }

  @Test
  void toBuilderDerivesAnEqualCopy() {
    var field =
        FormField.builder("n", FieldType.NUMBER)
            .label("数", "Number")
            .bounds(1, 9)
            .optional()
            .build();
    assertThat(field.toBuilder().build()).isEqualTo(field).hasSameHashCodeAs(field);
    assertThat(field.toBuilder().required(true).build().required()).isTrue();
  }
}
