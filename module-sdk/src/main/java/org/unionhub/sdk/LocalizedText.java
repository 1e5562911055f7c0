package org.unionhub.sdk;

import java.util.Locale;
import java.util.Objects;

/**
 * A user-facing text in Simplified Chinese (the default) and English.
 *
 * @param zh the Simplified Chinese text, never blank
 * @param en the English text, never blank
 * @since 0.1
 */
public record LocalizedText(String zh, String en) {

  /**
   * Validates both texts.
   *
   * @since 0.1
   */
  public LocalizedText {
    if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
      throw new IllegalArgumentException("a localized text needs both zh and en");
    }
  }

  /**
   * Shorthand for {@code new LocalizedText(zh, en)}.
   *
   * @param zh Simplified Chinese text
   * @param en English text
   * @return the text
   * @since 0.1
   */
  public static LocalizedText of(String zh, String en) {
    return new LocalizedText(zh, en);
  }

  /**
   * The text for a locale: English for any English locale, Chinese otherwise.
   *
   * @param locale the reader's locale, may be null
   * @return the text in that locale
   * @since 0.1
   */
  public String in(Locale locale) {
    return locale != null && Objects.equals(locale.getLanguage(), "en") ? en : zh;
  }
}
