package org.unionhub.platform.config;

/**
 * Why a configuration cannot be published.
 *
 * @param path the item, for example {@code settings.minimumAge} or {@code rules.drl}
 * @param code a stable reason code
 * @param message the reason, in Chinese and English
 * @param line for rule text, the 1-based line; otherwise null
 * @param column for rule text, the 1-based column; otherwise null
 */
public record ConfigProblem(
    String path, String code, String message, Integer line, Integer column) {

  /**
   * @param path the item
   * @param code the code
   * @param message the reason
   * @return a problem without a text position
   */
  public static ConfigProblem of(String path, String code, String message) {
    return new ConfigProblem(path, code, message, null, null);
  }
}
