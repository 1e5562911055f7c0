package org.unionhub.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NotVisibleExceptionTest {

  @Test
  void saysWhatWasNotFoundInTheReadersLanguageWithoutSayingWhetherItExists() {
    var e = new NotVisibleException("request");
    assertThat(e.text().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("未找到该申请，或您无权查看");
    assertThat(e.text().in(Locale.ENGLISH)).isEqualTo("Request not found, or not yours to see");
    assertThat(e.getMessage()).isEqualTo("request not found");
  }

  @Test
  void aParentTenantIsAUnionAndAnUnknownKindIsJustNotFound() {
    assertThat(new NotVisibleException("parent tenant").text().in(Locale.ENGLISH))
        .isEqualTo("Union not found, or not yours to see");
    assertThat(new NotVisibleException("thing").text().in(Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("未找到，或您无权查看");
  }
}
