package org.unionhub.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

  private static final String ID = "11010519491231002X";
  private final KeyRing ring = KeyRing.generate();

  @Test
  void aSealedValueNamesItsKeyAndHidesTheValue() {
    String sealed = FieldCipher.seal(ring, "idNumber", ID);
    assertThat(sealed).startsWith("uh1:d1:").doesNotContain(ID).doesNotContain("002X");
    assertThat(FieldCipher.isSealed(sealed)).isTrue();
    assertThat(FieldCipher.open(ring, "idNumber", sealed)).isEqualTo(ID);
  }

  @Test
  void theSameValueSealsDifferentlyEachTime() {
    assertThat(FieldCipher.seal(ring, "idNumber", ID))
        .isNotEqualTo(FieldCipher.seal(ring, "idNumber", ID));
  }

  @Test
  void aValueMovedToAnotherFieldOrChangedDoesNotOpen() {
    String sealed = FieldCipher.seal(ring, "idNumber", ID);
    assertThatThrownBy(() -> FieldCipher.open(ring, "mobile", sealed))
        .isInstanceOf(SealedValueException.class)
        .hasMessageNotContaining(ID);
    char[] c = sealed.toCharArray();
    c[c.length - 5] = c[c.length - 5] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> FieldCipher.open(ring, "idNumber", new String(c)))
        .isInstanceOf(SealedValueException.class);
  }

  @Test
  void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
    String old = FieldCipher.seal(ring, "mobile", "13800138000");
    KeyRing rotated = KeyRing.parse(ring.rotateDataKey().format());
    assertThat(rotated.activeDataKeyId()).isEqualTo("d2");
    assertThat(FieldCipher.open(rotated, "mobile", old)).isEqualTo("13800138000");
    String fresh = FieldCipher.seal(rotated, "mobile", "13800138000");
    assertThat(FieldCipher.keyId(fresh)).isEqualTo("d2");
    assertThatThrownBy(() -> FieldCipher.open(ring, "mobile", fresh))
        .isInstanceOf(SealedValueException.class)
        .hasMessageContaining("no key 'd2'");
    PersonalData data = PersonalData.with(rotated);
    assertThat(data.needsResealing(old)).isTrue();
    assertThat(data.needsResealing(fresh)).isFalse();
  }

  @Test
  void aKeyFileRoundTripsEveryKey() {
    KeyRing copy = KeyRing.parse(ring.rotateCardKey().format());
    assertThat(copy.activeCardKey().id()).isEqualTo("c2");
    assertThat(copy.cardKeys()).containsKeys("c1", "c2");
    assertThat(copy.indexKey().getEncoded()).isEqualTo(ring.indexKey().getEncoded());
    assertThat(copy.dataKey("d1").getEncoded()).isEqualTo(ring.dataKey("d1").getEncoded());
  }

  @Test
  void theBlindIndexIsKeyedAndIgnoresTheCaseOfTheCheckCharacter() {
    String a = BlindIndex.ofIdNumber(ring, ID);
    assertThat(a).hasSize(64).isEqualTo(BlindIndex.ofIdNumber(ring, ID.toLowerCase()));
    assertThat(BlindIndex.ofIdNumber(KeyRing.generate(), ID)).isNotEqualTo(a);
    assertThat(BlindIndex.of(ring, "mobile", ID)).isNotEqualTo(a);
  }

  @Test
  void onlyTheNamedFieldsAreSealedAndOpeningRestoresTheForm() {
    var form = new LinkedHashMap<String, String>();
    form.put("name", "张三");
    form.put("idNumber", ID);
    form.put("mobile", "13800138000");
    PersonalData data = PersonalData.with(ring);
    Map<String, String> stored = data.seal(form, Set.of("idNumber", "mobile"));
    assertThat(stored.get("name")).isEqualTo("张三");
    assertThat(stored.toString()).doesNotContain(ID).doesNotContain("13800138000");
    assertThat(data.open(stored)).isEqualTo(form);
  }

  @Test
  void masksKeepOnlyWhatIdentifiesNobody() {
    assertThat(Masks.idNumber(ID)).isEqualTo("110105********002X");
    assertThat(Masks.mobile("13800138000")).isEqualTo("138****8000");
    assertThat(Masks.name("张三")).isEqualTo("张*");
    assertThat(Masks.name("欧阳娜娜")).isEqualTo("欧***");
  }
}
