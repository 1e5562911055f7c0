package org.unionhub.sdk.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

  static String withCheck(String first17) {
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  @Test
  void acceptsNumberWithCorrectCheckDigitAndReadsBirthDate() {
    String number = withCheck("44030419900101123");
    assertThat(ResidentIdNumber.isValid(number)).isTrue();
    assertThat(ResidentIdNumber.birthDate(number)).contains(LocalDate.of(1990, 1, 1));
  }

  @Test
  void knownPublishedExampleHasCheckCharacterX() {
    // The sample number printed in GB 11643-1999 itself.
    assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
    assertThat(ResidentIdNumber.isValid("11010519491231002x")).isTrue();
  }

  @Test
  void refusesWrongCheckDigitImpossibleDateAndWrongShape() {
    String good = withCheck("44030419900101123");
    char wrong = good.charAt(17) == '0' ? '1' : '0';
    assertThat(ResidentIdNumber.isValid(good.substring(0, 17) + wrong)).isFalse();
    assertThat(ResidentIdNumber.isValid(withCheck("44030419900230123"))).isFalse();
    assertThat(ResidentIdNumber.isValid("4403041990010112")).isFalse();
    assertThat(ResidentIdNumber.isValid(null)).isFalse();
  }

  @Test
  void ageCountsWholeYearsUpToTheBirthday() {
    String number = withCheck("44030420100615123");
    assertThat(ResidentIdNumber.ageOn(number, LocalDate.of(2026, 6, 14))).contains(15);
    assertThat(ResidentIdNumber.ageOn(number, LocalDate.of(2026, 6, 15))).contains(16);
  }

  @Test
  void maskKeepsAreaCodeAndLastFour() {
    assertThat(ResidentIdNumber.mask("44030419900101123X")).isEqualTo("440304********123X");
  }
}
