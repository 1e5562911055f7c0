package org.unionhub.sdk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.LocalizedText;

class FormFieldTest {

  private static final LocalizedText LABEL = LocalizedText.of("字段", "field");

  @Test
  void requiredFieldRefusesBlankWithRequiredCode() {
    var field = FormField.of("name", FieldType.TEXT, LABEL, true);
    assertThat(field.check("  ").code()).isEqualTo("REQUIRED");
    assertThat(field.check(null).field()).isEqualTo("name");
    assertThat(FormField.of("note", FieldType.TEXT, LABEL, false).check(null)).isNull();
  }

  @Test
  void typedFieldsNameTheirReason() {
    assertThat(FormField.of("m", FieldType.MOBILE, LABEL, true).check("12345").code())
        .isEqualTo("INVALID_MOBILE");
    assertThat(FormField.of("m", FieldType.MOBILE, LABEL, true).check("13800138000")).isNull();
    assertThat(FormField.of("d", FieldType.DATE, LABEL, true).check("2026-02-30").code())
        .isEqualTo("INVALID_DATE");
    var gender =
        FormField.choice("g", LABEL, List.of(new Choice("male", LocalizedText.of("男", "male"))));
    assertThat(gender.check("male")).isNull();
    assertThat(gender.check("robot").code()).isEqualTo("NOT_A_CHOICE");
  }

  @Test
  void tooLongValueIsRefusedBeforeTypeCheck() {
    var field = FormField.builder("n", FieldType.TEXT).label(LABEL).maxLength(3).build();
    assertThat(field.check("abcd").code()).isEqualTo("TOO_LONG");
  }
}
