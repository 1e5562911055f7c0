package org.unionhub.platform.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class MemberNumbersTest {

  @Test
  void aNumberIsTheYearASequenceAndACheckCharacter() {
    String n = MemberNumbers.of(2026, 1);
    assertThat(n).hasSize(13).startsWith("202600000001");
    assertThat(MemberNumbers.isValid(n)).isTrue();
  }

  @Test
  void aMistypedDigitIsCaught() {
    String n = MemberNumbers.of(2026, 4711);
    for (int i = 0; i < 12; i++) {
      char wrong = n.charAt(i) == '9' ? '0' : (char) (n.charAt(i) + 1);
      assertThat(MemberNumbers.isValid(n.substring(0, i) + wrong + n.substring(i + 1)))
          .as("digit %d changed", i)
          .isFalse();
    }
  }

  @Test
  void distinctSequencesGiveDistinctNumbersAndOutOfRangeIsRefused() {
    var seen = new HashSet<String>();
    for (long s = 1; s <= 10_000; s++) {
      assertThat(seen.add(MemberNumbers.of(2026, s))).isTrue();
    }
    assertThatThrownBy(() -> MemberNumbers.of(2026, 100_000_000L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
