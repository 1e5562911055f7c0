package org.unionhub.platform.personal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.unionhub.sdk.form.FieldType;

/**
 * Seals and opens the personal data in stored form values with the node's {@link KeyFile}: every
 * field of a type in {@link #SEALED_TYPES} is stored sealed, everything else as it was given.
 */
@ApplicationScoped
public class PersonalData {

  /** The field types stored sealed. */
  public static final Set<FieldType> SEALED_TYPES = Set.of(FieldType.ID_NUMBER, FieldType.MOBILE);

  @Inject KeyFile keys;

  /** For tests and tools that hold their own keys. */
  public static PersonalData with(KeyRing ring) {
    var data = new PersonalData();
    data.keys =
        new KeyFile() {
          @Override
          public KeyRing ring() {
            return ring;
          }
        };
    return data;
  }

  /**
   * @param values form values
   * @param sealedFields the names of the fields to seal
   * @return the values to store, in the same order
   */
  public Map<String, String> seal(Map<String, String> values, Set<String> sealedFields) {
    KeyRing ring = keys.ring();
    var out = new LinkedHashMap<String, String>();
    values.forEach(
        (k, v) ->
            out.put(
                k,
                sealedFields.contains(k) && v != null && !v.isEmpty()
                    ? FieldCipher.seal(ring, k, v)
                    : v));
    return out;
  }

  /**
   * @param stored values as stored
   * @return the values with every sealed one opened
   */
  public Map<String, String> open(Map<String, String> stored) {
    KeyRing ring = keys.ring();
    var out = new LinkedHashMap<String, String>();
    stored.forEach(
        (k, v) -> out.put(k, FieldCipher.isSealed(v) ? FieldCipher.open(ring, k, v) : v));
    return out;
  }

  /**
   * @param field the field's name
   * @param plain a value
   * @return it sealed under the active key
   */
  public String seal(String field, String plain) {
    return plain == null ? null : FieldCipher.seal(keys.ring(), field, plain);
  }

  /**
   * @param field the field's name
   * @param sealed a sealed value, or null
   * @return it opened, or null
   */
  public String open(String field, String sealed) {
    return sealed == null ? null : FieldCipher.open(keys.ring(), field, sealed);
  }

  /**
   * @param stored a stored value
   * @return whether it is sealed under a key other than the active one (a rotation left it behind)
   */
  public boolean needsResealing(String stored) {
    return FieldCipher.isSealed(stored)
        && !FieldCipher.keyId(stored).equals(keys.ring().activeDataKeyId());
  }

  /**
   * @param idNumber a resident ID number
   * @return its blind index
   */
  public String idNumberIndex(String idNumber) {
    return BlindIndex.ofIdNumber(keys.ring(), idNumber);
  }

  /**
   * @return the current keys
   */
  public KeyRing ring() {
    return keys.ring();
  }
}
