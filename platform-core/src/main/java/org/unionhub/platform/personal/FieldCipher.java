package org.unionhub.platform.personal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals one value with AES-256-GCM (the JDK's own provider) under the key ring's active key, as
 * text that names its key: {@code uh1:<key id>:<base64url(12-byte nonce ‖ ciphertext ‖ tag)>}. The
 * field's name is authenticated data, so a sealed ID number moved into another field fails to open.
 */
public final class FieldCipher {

  /** What every sealed value starts with. */
  public static final String PREFIX = "uh1:";

  private static final Pattern SEALED = Pattern.compile("uh1:[a-z0-9]{1,16}:[A-Za-z0-9_-]{40,}");
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private FieldCipher() {}

  /**
   * @param ring the keys
   * @param field the field's name (authenticated, not encrypted)
   * @param plain the value
   * @return the sealed value
   */
  public static String seal(KeyRing ring, String field, String plain) {
    String keyId = ring.activeDataKeyId();
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, ring.dataKey(keyId), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad(keyId, field));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * @param value a stored value
   * @return whether it has the shape of a sealed value
   */
  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX) && SEALED.matcher(value).matches();
  }

  /**
   * @param value a sealed value
   * @return the id of the key that sealed it
   */
  public static String keyId(String value) {
    return value.substring(PREFIX.length(), value.indexOf(':', PREFIX.length()));
  }

  /**
   * @param ring the keys
   * @param field the field's name, as when sealed
   * @param sealed the sealed value
   * @return the value
   * @throws SealedValueException when the key is unknown or the value was tampered with
   */
  public static String open(KeyRing ring, String field, String sealed) {
    if (!isSealed(sealed)) {
      throw new SealedValueException("not a sealed value");
    }
    String keyId = keyId(sealed);
    SecretKey key = ring.dataKey(keyId);
    if (key == null) {
      throw new SealedValueException("no key '" + keyId + "' in the key file");
    }
    byte[] in;
    try {
      in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length() + keyId.length() + 1));
    } catch (IllegalArgumentException e) {
      throw new SealedValueException("not a sealed value");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
      c.updateAAD(aad(keyId, field));
      return new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SealedValueException("the sealed value of '" + field + "' does not authenticate");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static byte[] aad(String keyId, String field) {
    return ("unionhub/" + keyId + "/" + field).getBytes(StandardCharsets.UTF_8);
  }
}
