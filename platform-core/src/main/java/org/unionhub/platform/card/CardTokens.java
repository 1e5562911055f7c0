package org.unionhub.platform.card;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.unionhub.platform.personal.KeyRing;

/**
 * Signs and verifies card tokens: compact JWS, ES256, header {@code typ: unionhub-card+jwt} and the
 * signing key's {@code kid}; claims {@code jti} (card id), {@code mno} (member number), {@code nam}
 * (masked name), {@code uni} (union), {@code iat}, {@code exp}. No state but a verifier per key.
 */
public final class CardTokens {

  /** The token type in the JWS header, so that no other JWT of the realm passes as a card. */
  public static final JOSEObjectType TYPE = new JOSEObjectType("unionhub-card+jwt");

  /** Longest accepted token; a QR code holds about 2,900 bytes. */
  static final int MAX_LENGTH = 2048;

  /** Most well-signed tokens remembered; a token lives minutes, so this is a few minutes' worth. */
  static final int MAX_REMEMBERED = 100_000;

  private final Map<String, P256Verifier> verifiers = new ConcurrentHashMap<>();

  /**
   * Tokens whose signature was checked, with their claims and key: a card shown again (a gate, a
   * merchant's retry) costs a map lookup instead of an ECDSA verification. Only well-signed tokens
   * enter, so strangers cannot fill it; expiry, the key's presence and revocation are still checked
   * on every verification.
   */
  private final Map<String, Signed> verified = new ConcurrentHashMap<>();

  private record Signed(CardClaims claims, String keyId, java.security.PublicKey key) {}

  /**
   * @param ring the keys; the active card key signs
   * @param claims what the card says
   * @param now the time of issue
   * @return the compact JWS
   */
  public String sign(KeyRing ring, CardClaims claims, Instant now) {
    KeyRing.CardKey key = ring.activeCardKey();
    var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.id()).build();
    var body =
        new JWTClaimsSet.Builder()
            .jwtID(claims.cardId())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(claims.expiresAt()))
            .claim("mno", claims.memberNumber())
            .claim("nam", claims.maskedName())
            .claim("uni", claims.union())
            .build();
    var jwt = new SignedJWT(header, body);
    try {
      jwt.sign(new ECDSASigner((ECPrivateKey) key.keys().getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a card", e);
    }
    return jwt.serialize();
  }

  /**
   * Verifies a token: its shape, type, signature under a published key, expiry, then whether the
   * card is still active.
   *
   * @param ring the keys
   * @param token the token
   * @param now the time of verification
   * @param active whether a card id is active (not revoked); asked only for a well-signed,
   *     unexpired token
   * @return the verdict
   */
  public Verdict verify(KeyRing ring, String token, Instant now, Predicate<String> active) {
    if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
      return Verdict.invalid(Verdict.Reason.MALFORMED);
    }
    Signed known = verified.get(token);
    KeyRing.CardKey knownKey = known == null ? null : ring.cardKeys().get(known.keyId());
    if (knownKey != null
        && (knownKey.keys().getPublic() == known.key()
            || knownKey.keys().getPublic().equals(known.key()))) {
      return decide(known.claims(), now, active);
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token.strip());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      return Verdict.invalid(Verdict.Reason.MALFORMED);
    }
    JWSHeader header = jwt.getHeader();
    KeyRing.CardKey key = header.getKeyID() == null ? null : ring.cardKeys().get(header.getKeyID());
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())
        || !TYPE.equals(header.getType())
        || key == null) {
      return Verdict.invalid(Verdict.Reason.BAD_SIGNATURE);
    }
    try {
      if (!jwt.verify(verifier(key))) {
        return Verdict.invalid(Verdict.Reason.BAD_SIGNATURE);
      }
    } catch (JOSEException | RuntimeException e) {
      return Verdict.invalid(Verdict.Reason.BAD_SIGNATURE);
    }
    Date exp = claims.getExpirationTime();
    String cardId = claims.getJWTID();
    Object name = claims.getClaim("nam");
    Object union = claims.getClaim("uni");
    Object number = claims.getClaim("mno");
    if (exp == null || cardId == null || name == null || union == null || number == null) {
      return Verdict.invalid(Verdict.Reason.MALFORMED);
    }
    var checked =
        new CardClaims(
            cardId, number.toString(), name.toString(), union.toString(), exp.toInstant());
    if (now.isBefore(checked.expiresAt())) {
      if (verified.size() >= MAX_REMEMBERED) {
        verified.values().removeIf(v -> !now.isBefore(v.claims().expiresAt()));
        if (verified.size() >= MAX_REMEMBERED) {
          verified.clear();
        }
      }
      verified.put(token, new Signed(checked, header.getKeyID(), key.keys().getPublic()));
    }
    return decide(checked, now, active);
  }

  private static Verdict decide(CardClaims claims, Instant now, Predicate<String> active) {
    if (!now.isBefore(claims.expiresAt())) {
      return Verdict.invalid(Verdict.Reason.EXPIRED);
    }
    if (!active.test(claims.cardId())) {
      return Verdict.invalid(Verdict.Reason.REVOKED);
    }
    return Verdict.valid(claims);
  }

  /**
   * @param ring the keys
   * @return the public card keys as a JWK set, for merchants who verify offline
   */
  public static String jwks(KeyRing ring) {
    List<JWK> keys = new ArrayList<>();
    ring.cardKeys()
        .values()
        .forEach(
            k ->
                keys.add(
                    new ECKey.Builder(Curve.P_256, (ECPublicKey) k.keys().getPublic())
                        .keyID(k.id())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256)
                        .build()));
    return new JWKSet(keys).toString(true);
  }

  private P256Verifier verifier(KeyRing.CardKey key) {
    return verifiers.computeIfAbsent(
        key.id() + "/" + key.keys().getPublic().hashCode(),
        id -> new P256Verifier((ECPublicKey) key.keys().getPublic()));
  }
}
