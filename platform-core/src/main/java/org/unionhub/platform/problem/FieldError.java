package org.unionhub.platform.problem;

import java.util.Locale;

/**
 * A refused field, as the API reports it: a stable code for programs and a text for people, whose
 * language is chosen where it is read ({@link #message(Locale)}).
 *
 * <pre>{@code
 * new FieldError("closesAt", "BEFORE_OPENING", ProblemText.of("item.must-be-after-the-opening"))
 * FieldError.of("title", "TOO_LONG", "item.must-be-at-most-characters", 200)
 * }</pre>
 *
 * @param field the field name
 * @param code the stable reason code
 * @param text the reason for people, in any language
 */
public record FieldError(String field, String code, ProblemText text) {

  /**
   * A problem whose text a person wrote (a tenant's rule message): the same in every language.
   * Platform code uses {@link ProblemText#of} instead; a test refuses "中文 (English)" literals.
   *
   * @param field the field name
   * @param code the stable reason code
   * @param message the text as written
   */
  public FieldError(String field, String code, String message) {
    this(field, code, ProblemText.literal(message));
  }

  /**
   * @param field the field name
   * @param code the stable reason code
   * @param key the bundle key of its text
   * @param args the text's arguments
   * @return the problem
   */
  public static FieldError of(String field, String code, String key, Object... args) {
    return new FieldError(field, code, ProblemText.of(key, args));
  }

  /**
   * @param locale the reader's language
   * @return the reason in that language
   */
  public String message(Locale locale) {
    return text.in(locale);
  }

  /**
   * @return the reason in the platform's default language, zh-CN
   */
  public String message() {
    return text.in(ProblemText.DEFAULT);
  }
}
