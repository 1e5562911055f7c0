package org.unionhub.platform.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** BouncyCastle's P-256 verification agrees with the JDK's, and refuses what the JDK refuses. */
class P256VerifierTest {

  private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

  private static KeyPair p256() throws Exception {
    var g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static Base64URL sign(KeyPair keys, byte[] input) throws Exception {
    return new ECDSASigner((ECPrivateKey) keys.getPrivate()).sign(ES256, input);
  }

  @Test
  void agreesWithTheJdkOnGoodAndTamperedSignatures() throws Exception {
    KeyPair keys = p256();
    var ours = new P256Verifier((ECPublicKey) keys.getPublic());
    var jdk = new ECDSAVerifier((ECPublicKey) keys.getPublic());
    for (int i = 0; i < 40; i++) {
      byte[] input = ("eyJhbGciOiJFUzI1NiJ9.card-" + i).getBytes(StandardCharsets.US_ASCII);
      Base64URL signature = sign(keys, input);
      assertThat(ours.verify(ES256, input, signature)).isTrue();
      assertThat(jdk.verify(ES256, input, signature)).isTrue();

      byte[] changedInput = Arrays.copyOf(input, input.length);
      changedInput[changedInput.length - 1] ^= 1;
      assertThat(ours.verify(ES256, changedInput, signature)).isFalse();

      byte[] bits = signature.decode();
      bits[i % bits.length] ^= 0x10;
      Base64URL changed = Base64URL.encode(bits);
      assertThat(ours.verify(ES256, input, changed))
          .isEqualTo(jdk.verify(ES256, input, changed))
          .isFalse();
    }
  }

  @Test
  void refusesAnotherKeysSignatureZerosAndWrongLengths() throws Exception {
    KeyPair keys = p256();
    var ours = new P256Verifier((ECPublicKey) keys.getPublic());
    byte[] input = "header.claims".getBytes(StandardCharsets.US_ASCII);

    assertThat(ours.verify(ES256, input, sign(p256(), input))).isFalse();
    // CVE-2022-21449: r = s = 0 verified every message on some JDKs.
    assertThat(ours.verify(ES256, input, Base64URL.encode(new byte[64]))).isFalse();
    byte[] good = sign(keys, input).decode();
    assertThat(ours.verify(ES256, input, Base64URL.encode(Arrays.copyOf(good, 63)))).isFalse();
    assertThat(ours.verify(ES256, input, Base64URL.encode(Arrays.copyOf(good, 65)))).isFalse();
    // s replaced by n (the group order) is outside [1, n-1].
    byte[] order =
        new java.math.BigInteger(
                "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16)
            .toByteArray();
    byte[] withOrder = Arrays.copyOf(good, 64);
    System.arraycopy(order, order.length - 32, withOrder, 32, 32);
    assertThat(ours.verify(ES256, input, Base64URL.encode(withOrder))).isFalse();
    assertThat(ours.verify(new JWSHeader(JWSAlgorithm.ES384), input, sign(keys, input))).isFalse();
  }

  @Test
  void refusesAKeyOfAnotherCurve() throws Exception {
    var g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp384r1"));
    assertThatThrownBy(() -> new P256Verifier((ECPublicKey) g.generateKeyPair().getPublic()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
