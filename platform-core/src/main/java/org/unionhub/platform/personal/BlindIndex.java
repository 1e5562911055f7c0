package org.unionhub.platform.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;

/**
 * A keyed hash (HMAC-SHA256) of an identifier, stored where a value must be found or kept unique
 * without being readable. Unlike a plain hash it cannot be reversed by hashing every possible ID
 * number (there are only about 10^11 valid ones) without the key, which lives outside the database.
 */
public final class BlindIndex {

  private BlindIndex() {}

  /**
   * @param ring the keys
   * @param kind what the value is, so equal text of two kinds never shares an index
   * @param value the value; resident ID numbers are compared with an upper-case check character
   * @return 64 hex digits
   */
  public static String of(KeyRing ring, String kind, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(ring.indexKey());
      byte[] h =
          mac.doFinal(
              (kind + ":" + value.strip().toUpperCase(Locale.ROOT))
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * @param ring the keys
   * @param idNumber a resident ID number
   * @return its blind index
   */
  public static String ofIdNumber(KeyRing ring, String idNumber) {
    return of(ring, "resident-id", idNumber);
  }
}
