package org.unionhub.platform.card;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Verifies ES256 signatures (ECDSA on P-256 with SHA-256, signature {@code R || S}, RFC 7518 3.4)
 * with BouncyCastle's P-256 arithmetic instead of the JDK's: JDK 17's provider computes in pure
 * Java with general-purpose big integers and costs about 1 ms of CPU per verification,
 * BouncyCastle's special-form field arithmetic with a fixed-base comb for the generator and a
 * window table kept with this key's point about a tenth of that (ADR 0025). The check is the same
 * one: a signature of another length, an {@code R} or {@code S} outside {@code [1, n-1]} (the
 * "psychic signature" of CVE-2022-21449), or any other mismatch fails.
 *
 * <p>One instance per public key, safe for concurrent use: the key's point and its precomputed
 * multiples are shared, each verification uses a signer of its own.
 */
public final class P256Verifier implements JWSVerifier {

  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
  private static final int HALF = 32;

  private final ECPublicKeyParameters key;
  private final JCAContext jca = new JCAContext();

  /**
   * @param publicKey a P-256 public key
   * @throws IllegalArgumentException when the key is not a point of P-256
   */
  public P256Verifier(ECPublicKey publicKey) {
    if (publicKey.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new IllegalArgumentException("not a P-256 key");
    }
    ECPoint point =
        P256.getCurve().validatePoint(publicKey.getW().getAffineX(), publicKey.getW().getAffineY());
    this.key = new ECPublicKeyParameters(point, DOMAIN);
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
      throws JOSEException {
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      return false;
    }
    byte[] rs = signature.decode();
    if (rs.length != 2 * HALF) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, HALF));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, HALF, 2 * HALF));
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(signingInput);
    } catch (NoSuchAlgorithmException e) {
      throw new JOSEException("no SHA-256", e);
    }
    var signer = new ECDSASigner();
    signer.init(false, key);
    // verifySignature refuses r or s outside [1, n-1] before any arithmetic.
    return signer.verifySignature(digest, r, s);
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.ES256);
  }

  @Override
  public JCAContext getJCAContext() {
    return jca;
  }
}
