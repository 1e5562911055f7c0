package org.unionhub.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RequestLanguageTest {

  @Test
  void theFirstLanguageUnionHubSpeaksWinsAndChineseIsTheDefault() {
    assertThat(RequestLanguage.choose(List.of())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(RequestLanguage.choose(List.of(Locale.forLanguageTag("en-US"))))
        .isEqualTo(Locale.ENGLISH);
    assertThat(
            RequestLanguage.choose(
                List.of(Locale.FRENCH, Locale.forLanguageTag("zh-TW"), Locale.ENGLISH)))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(RequestLanguage.choose(List.of(Locale.GERMAN, Locale.forLanguageTag("en-GB"))))
        .isEqualTo(Locale.ENGLISH);
    assertThat(RequestLanguage.choose(List.of(Locale.JAPANESE)))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }
}
