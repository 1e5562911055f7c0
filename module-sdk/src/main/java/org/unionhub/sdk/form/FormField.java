package org.unionhub.sdk.form;

import java.util.List;
import org.unionhub.sdk.LocalizedText;

/**
 * One field of a module's submission form.
 *
 * @param name the field name, the key in the submitted {@code data} object
 * @param type how the value is validated and rendered
 * @param label what the user sees
 * @param required whether a value must be given
 * @param maxLength the longest value accepted, in characters
 * @param choices the allowed values of a {@link FieldType#CHOICE} field, otherwise empty
 * @since 0.1
 */
public record FormField(
    String name,
    FieldType type,
    LocalizedText label,
    boolean required,
    int maxLength,
    List<Choice> choices) {

  /**
   * Copies the choices; a null list becomes empty.
   *
   * @since 0.1
   */
  public FormField {
    choices = choices == null ? List.of() : List.copyOf(choices);
    if (maxLength <= 0) {
      throw new IllegalArgumentException("maxLength of " + name + " must be positive");
    }
  }

  /**
   * A field with the usual maximum length of 200 characters.
   *
   * @param name the field name
   * @param type the type
   * @param label the label
   * @param required whether it is required
   * @return the field
   * @since 0.1
   */
  public static FormField of(String name, FieldType type, LocalizedText label, boolean required) {
    return new FormField(name, type, label, required, 200, List.of());
  }

  /**
   * A required choice field.
   *
   * @param name the field name
   * @param label the label
   * @param choices the allowed values
   * @return the field
   * @since 0.1
   */
  public static FormField choice(String name, LocalizedText label, List<Choice> choices) {
    return new FormField(name, FieldType.CHOICE, label, true, 64, choices);
  }

  /**
   * Checks a submitted value.
   *
   * @param value the value, null when the field was not submitted
   * @return the problem, or null when the value is acceptable
   * @since 0.1
   */
  public FieldProblem check(String value) {
    if (value == null || value.isBlank()) {
      return required
          ? new FieldProblem(name, "REQUIRED", LocalizedText.of("此项必填", "this field is required"))
          : null;
    }
    if (value.length() > maxLength) {
      return new FieldProblem(
          name,
          "TOO_LONG",
          LocalizedText.of(
              "不能超过" + maxLength + "个字符", "must be at most " + maxLength + " characters"));
    }
    return type.check(this, value.strip());
  }
}
