package org.unionhub.platform.personal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's secret keys, as one immutable value read from and written to a properties file
 * kept outside the database: AES-256 keys that seal personal data (each with an id that every
 * ciphertext names, one of them active for new data), the HMAC key of the blind index, and the
 * P-256 key pairs that sign member cards (one active). Rotating adds a key and makes it active; old
 * keys stay so that what they sealed or signed can still be read.
 *
 * <pre>
 * data.active=d2
 * data.key.d1=base64(32 bytes)
 * data.key.d2=base64(32 bytes)
 * index.key=base64(32 bytes)
 * card.active=c1
 * card.key.c1=base64(PKCS#8 private key),base64(X.509 public key)
 * </pre>
 */
public final class KeyRing {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A card-signing key pair.
   *
   * @param id the key id, published in the JWKS as {@code kid}
   * @param keys the pair
   */
  public record CardKey(String id, KeyPair keys) {}

  private final Map<String, SecretKey> dataKeys;
  private final String activeData;
  private final SecretKey indexKey;
  private final Map<String, CardKey> cardKeys;
  private final String activeCard;

  private KeyRing(
      Map<String, SecretKey> dataKeys,
      String activeData,
      SecretKey indexKey,
      Map<String, CardKey> cardKeys,
      String activeCard) {
    this.dataKeys = Collections.unmodifiableMap(new LinkedHashMap<>(dataKeys));
    this.activeData = activeData;
    this.indexKey = indexKey;
    this.cardKeys = Collections.unmodifiableMap(new LinkedHashMap<>(cardKeys));
    this.activeCard = activeCard;
    if (!this.dataKeys.containsKey(activeData) || !this.cardKeys.containsKey(activeCard)) {
      throw new IllegalArgumentException("the active data or card key is not in the key ring");
    }
  }

  /**
   * @return a new key ring with one fresh key of each kind
   */
  public static KeyRing generate() {
    return new KeyRing(Map.of("d1", aesKey()), "d1", hmacKey(), Map.of("c1", cardKey("c1")), "c1");
  }

  /**
   * @return a copy with a new active data key; the old ones still open what they sealed
   */
  public KeyRing rotateDataKey() {
    String id = nextId("d", dataKeys.keySet());
    var keys = new LinkedHashMap<>(dataKeys);
    keys.put(id, aesKey());
    return new KeyRing(keys, id, indexKey, cardKeys, activeCard);
  }

  /**
   * @return a copy with a new active card-signing key; the old ones stay published until retired
   */
  public KeyRing rotateCardKey() {
    String id = nextId("c", cardKeys.keySet());
    var keys = new LinkedHashMap<>(cardKeys);
    keys.put(id, cardKey(id));
    return new KeyRing(dataKeys, activeData, indexKey, keys, id);
  }

  /**
   * @param text the file's content
   * @return the key ring it holds
   * @throws IllegalArgumentException when it is incomplete or malformed
   */
  public static KeyRing parse(String text) {
    var p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var data = new TreeMap<String, SecretKey>();
    var cards = new TreeMap<String, CardKey>();
    Base64.Decoder b64 = Base64.getDecoder();
    for (String name : p.stringPropertyNames()) {
      String value = p.getProperty(name).strip();
      if (name.startsWith("data.key.")) {
        String id = name.substring("data.key.".length());
        data.put(id, new SecretKeySpec(b64.decode(value), "AES"));
      } else if (name.startsWith("card.key.")) {
        String id = name.substring("card.key.".length());
        String[] parts = value.split(",");
        if (parts.length != 2) {
          throw new IllegalArgumentException(name + " must be 'private,public' in base64");
        }
        try {
          KeyFactory ec = KeyFactory.getInstance("EC");
          PrivateKey priv = ec.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(parts[0])));
          PublicKey pub = ec.generatePublic(new X509EncodedKeySpec(b64.decode(parts[1])));
          cards.put(id, new CardKey(id, new KeyPair(pub, priv)));
        } catch (GeneralSecurityException e) {
          throw new IllegalArgumentException(name + " is not a P-256 key pair", e);
        }
      }
    }
    String index = p.getProperty("index.key");
    if (index == null) {
      throw new IllegalArgumentException("index.key is missing");
    }
    return new KeyRing(
        data,
        p.getProperty("data.active", ""),
        new SecretKeySpec(b64.decode(index.strip()), "HmacSHA256"),
        cards,
        p.getProperty("card.active", ""));
  }

  /**
   * @return the file's content
   */
  public String format() {
    Base64.Encoder b64 = Base64.getEncoder();
    var out = new StringWriter();
    out.write("# UnionHub secret keys: keep this file secret, back it up, never commit it.\n");
    out.write("# Losing it loses every sealed ID and mobile number. See docs/adr/0022.\n");
    out.write("data.active=" + activeData + "\n");
    dataKeys.forEach(
        (id, k) -> out.write("data.key." + id + "=" + b64.encodeToString(k.getEncoded()) + "\n"));
    out.write("index.key=" + b64.encodeToString(indexKey.getEncoded()) + "\n");
    out.write("card.active=" + activeCard + "\n");
    cardKeys.forEach(
        (id, k) ->
            out.write(
                "card.key."
                    + id
                    + "="
                    + b64.encodeToString(k.keys().getPrivate().getEncoded())
                    + ","
                    + b64.encodeToString(k.keys().getPublic().getEncoded())
                    + "\n"));
    return out.toString();
  }

  /**
   * @return the id of the key new data is sealed with
   */
  public String activeDataKeyId() {
    return activeData;
  }

  /**
   * @param id a data key id
   * @return the key, or null when the ring has no such key
   */
  public SecretKey dataKey(String id) {
    return dataKeys.get(id);
  }

  /**
   * @return the ids of every data key, oldest first
   */
  public java.util.Set<String> dataKeyIds() {
    return dataKeys.keySet();
  }

  /**
   * @return the blind index's HMAC key
   */
  public SecretKey indexKey() {
    return indexKey;
  }

  /**
   * @return the key new cards are signed with
   */
  public CardKey activeCardKey() {
    return cardKeys.get(activeCard);
  }

  /**
   * @return every card key, oldest first: all are published so that cards signed before a rotation
   *     still verify
   */
  public Map<String, CardKey> cardKeys() {
    return cardKeys;
  }

  private static String nextId(String prefix, java.util.Set<String> taken) {
    int n = taken.size() + 1;
    while (taken.contains(prefix + n)) {
      n++;
    }
    return prefix + n;
  }

  private static SecretKey aesKey() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return new SecretKeySpec(k, "AES");
  }

  private static SecretKey hmacKey() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return new SecretKeySpec(k, "HmacSHA256");
  }

  private static CardKey cardKey(String id) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return new CardKey(id, g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no P-256 keys", e);
    }
  }
}
