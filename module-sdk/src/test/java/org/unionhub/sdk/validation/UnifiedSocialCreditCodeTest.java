package org.unionhub.sdk.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

  @Test
  void acceptsCodeWithItsCheckCharacterAndRefusesAnyOther() {
    String body = "91440300MA5F00001";
    String code = body + UnifiedSocialCreditCode.checkCharacter(body);
    assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    long others =
        "0123456789ABCDEFGHJKLMNPQRTUWXY"
            .chars()
            .filter(c -> c != code.charAt(17))
            .filter(c -> UnifiedSocialCreditCode.isValid(body + (char) c))
            .count();
    assertThat(others).isZero();
  }

  @Test
  void knownRealWorldCodeValidates() {
    // Published code of a listed company (Ping An Bank); used only as a check-digit fixture.
    assertThat(UnifiedSocialCreditCode.isValid("91440300192185379H")).isTrue();
  }

  @Test
  void refusesLettersOutsideTheAlphabet() {
    assertThat(UnifiedSocialCreditCode.isValid("91440300MA5F0000IO")).isFalse();
    assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
  }
}
