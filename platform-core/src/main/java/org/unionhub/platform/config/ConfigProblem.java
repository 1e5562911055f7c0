package org.unionhub.platform.config;

import java.util.Locale;
import org.unionhub.platform.problem.ProblemText;

/**
 * Why a configuration cannot be published.
 *
 * @param path the item, for example {@code settings.minimumAge} or {@code rules.drl}
 * @param code a stable reason code
 * @param text the reason for people, in any language
 * @param line for rule text, the 1-based line; otherwise null
 * @param column for rule text, the 1-based column; otherwise null
 */
public record ConfigProblem(
    String path, String code, ProblemText text, Integer line, Integer column) {

  /**
   * A problem whose text was written as it is shown (a rule compiler's message).
   *
   * @param path the item
   * @param code the code
   * @param message the reason as written
   * @param line the line, or null
   * @param column the column, or null
   */
  public ConfigProblem(String path, String code, String message, Integer line, Integer column) {
    this(path, code, ProblemText.literal(message), line, column);
  }

  /**
   * @param path the item
   * @param code the code
   * @param message the reason as written
   * @return a problem without a text position
   */
  public static ConfigProblem of(String path, String code, String message) {
    return new ConfigProblem(path, code, message, null, null);
  }

  /**
   * @param path the item
   * @param code the code
   * @param text the reason
   * @return a problem without a text position
   */
  public static ConfigProblem of(String path, String code, ProblemText text) {
    return new ConfigProblem(path, code, text, null, null);
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
