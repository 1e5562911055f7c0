package org.unionhub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Switching the display goes back to the page, never to another site. */
class DisplayPreferenceTest {

  @ParameterizedTest
  @CsvSource({
    "/portal/mine.xhtml, /portal/mine.xhtml",
    "/portal/apply/enrollment?x=1, /portal/apply/enrollment?x=1",
    "https://evil.example/, /",
    "//evil.example/, /",
    "/\\evil.example, /",
    "javascript:alert(1), /",
    "'', /"
  })
  void goesBackOnlyToAPathOfThisApplication(String back, String expected) {
    assertThat(DisplayPreference.back(back, "")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"/app/portal/mine.xhtml, /app/portal/mine.xhtml", "/other/page, /app/"})
  void staysUnderTheContextPath(String back, String expected) {
    assertThat(DisplayPreference.back(back, "/app")).isEqualTo(expected);
  }
}
