package org.unionhub.platform.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.personal.KeyRing;

class CardTokensTest {

  private static final Instant NOW = Instant.parse("2026-09-28T02:00:00Z");
  private final KeyRing ring = KeyRing.generate();
  private final CardTokens tokens = new CardTokens();

  private String card(KeyRing keys, Instant expires) {
    return tokens.sign(
        keys, new CardClaims("card-1", "2026000000017", "张*", "星河科技工会", expires), NOW);
  }

  @Test
  void aFreshCardIsValidAndSaysOnlyTheMaskedNameAndTheUnion() {
    Verdict v = tokens.verify(ring, card(ring, NOW.plusSeconds(300)), NOW, id -> true);
    assertThat(v).isEqualTo(new Verdict(true, null, "张*", "星河科技工会"));
  }

  @Test
  void anExpiredCardIsRefusedAsExpired() {
    String token = card(ring, NOW.plusSeconds(300));
    assertThat(tokens.verify(ring, token, NOW.plus(Duration.ofMinutes(5)), id -> true))
        .isEqualTo(Verdict.invalid(Verdict.Reason.EXPIRED));
  }

  @Test
  void aRevokedCardIsRefusedAsRevoked() {
    String token = card(ring, NOW.plusSeconds(300));
    assertThat(tokens.verify(ring, token, NOW, Set.of("card-2")::contains).reason())
        .isEqualTo("REVOKED");
  }

  @Test
  void aCardSignedByAnotherKeyOrChangedHasABadSignature() {
    KeyRing other = KeyRing.generate();
    assertThat(tokens.verify(ring, card(other, NOW.plusSeconds(300)), NOW, id -> true).reason())
        .isEqualTo("BAD_SIGNATURE");
    String token = card(ring, NOW.plusSeconds(300));
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("张*", "李*")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(tokens.verify(ring, forged, NOW, id -> true).reason()).isEqualTo("BAD_SIGNATURE");
  }

  @Test
  void aTokenVerifiedBeforeIsStillCheckedForExpiryRevocationAndItsKey() {
    String token = card(ring, NOW.plusSeconds(300));
    assertThat(tokens.verify(ring, token, NOW, id -> true).valid()).isTrue();
    assertThat(tokens.verify(ring, token, NOW, id -> false).reason()).isEqualTo("REVOKED");
    assertThat(tokens.verify(ring, token, NOW.plusSeconds(300), id -> true).reason())
        .isEqualTo("EXPIRED");
    assertThat(tokens.verify(KeyRing.generate(), token, NOW, id -> true).reason())
        .isEqualTo("BAD_SIGNATURE");
  }

  @Test
  void garbageIsMalformedNeverAnException() {
    for (String junk : new String[] {null, "", "abc", "a.b.c", "x".repeat(5000), "e30.e30.e30"}) {
      Verdict v = tokens.verify(ring, junk, NOW, id -> true);
      assertThat(v.valid()).isFalse();
      assertThat(v.name()).isNull();
    }
  }

  @Test
  void cardsSignedBeforeARotationStillVerifyAndMerchantsVerifyOfflineWithTheJwks()
      throws Exception {
    String before = card(ring, NOW.plusSeconds(300));
    KeyRing rotated = ring.rotateCardKey();
    String after = card(rotated, NOW.plusSeconds(300));
    assertThat(tokens.verify(rotated, before, NOW, id -> true).valid()).isTrue();
    assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo("c2");

    String jwks = CardTokens.jwks(rotated);
    assertThat(jwks).doesNotContain("\"d\"");
    JWKSet published = JWKSet.parse(jwks);
    assertThat(published.getKeys()).hasSize(2);
    for (String token : new String[] {before, after}) {
      SignedJWT jwt = SignedJWT.parse(token);
      ECKey key = (ECKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
      assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
    }
  }

  /**
   * Every token, not one: a signature is random, so each card's code differs in length and pattern.
   * The reader is told it reads a generated, unrotated image (PURE_BARCODE): without the hint,
   * ZXing's camera-image detector failed on an occasional generated code (a full run in session 6,
   * and locally within 100 to 300 cards, with a quiet zone of 2 or 4 modules alike), while the
   * pure-image path reads every one; the codes themselves are whole.
   */
  @Test
  void theQrCodeCarriesTheToken() throws Exception {
    for (int i = 0; i < 100; i++) {
      String token = card(ring, NOW.plusSeconds(300));
      var image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(token, 360)));
      int[] pixels =
          image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      var bitmap =
          new BinaryBitmap(
              new HybridBinarizer(
                  new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
      assertThat(
              new QRCodeReader()
                  .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                  .getText())
          .isEqualTo(token);
    }
  }
}
