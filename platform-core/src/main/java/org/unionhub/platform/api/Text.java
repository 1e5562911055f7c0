package org.unionhub.platform.api;

import org.unionhub.platform.problem.ProblemText;

/**
 * Text the platform refuses wherever it enters: NUL characters and unpaired UTF-16 surrogates. JSON
 * can carry both ({@code "\u0000"}, {@code "\ud800"}), but neither is text: PostgreSQL refuses NUL
 * in text and JSONB, and an unpaired surrogate has no UTF-8 form.
 */
final class Text {

  private Text() {}

  /**
   * @param s text from a client
   * @return null when the text may be stored, otherwise the reason code
   */
  static String problem(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return "NUL_CHARACTER";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return "UNPAIRED_SURROGATE";
        }
      } else if (Character.isLowSurrogate(c)) {
        return "UNPAIRED_SURROGATE";
      }
    }
    return null;
  }

  static ProblemText message(String code) {
    return "NUL_CHARACTER".equals(code)
        ? ProblemText.of("api.text-must-not-contain-nul-characters")
        : ProblemText.of("api.text-contains-an-unpaired-unicode-surrogate");
  }
}
