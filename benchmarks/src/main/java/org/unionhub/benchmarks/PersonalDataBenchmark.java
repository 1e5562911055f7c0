package org.unionhub.benchmarks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.unionhub.platform.card.CardClaims;
import org.unionhub.platform.card.CardTokens;
import org.unionhub.platform.card.Verdict;
import org.unionhub.platform.personal.KeyRing;
import org.unionhub.platform.personal.PersonalData;

/**
 * The CPU cost of personal-data protection, in process:
 *
 * <ul>
 *   <li>{@code sealSubmission}: what a submission pays — sealing the enrollment form's ID and
 *       mobile numbers (AES-256-GCM) and the blind index of the ID number (HMAC-SHA256);
 *   <li>{@code openSubmission}: reading it back (every worklist row and request view);
 *   <li>{@code verifyCardFirstTime}: an ES256 card token's parse, signature check and expiry (the
 *       HTTP endpoint adds the revocation read and the request itself); {@code verifyCard}: the
 *       same token again, its signature remembered.
 *   <li>{@code signatureJdk}, {@code signatureBouncyCastleJca}, {@code signatureBouncyCastle}: the
 *       ES256 signature check alone — JDK 17's provider, BouncyCastle through the JCA (a key object
 *       per verifier), and BouncyCastle's lightweight API with the key's table kept (what {@code
 *       CardTokens} uses, ADR 0025).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class PersonalDataBenchmark {

  private static final Set<String> SEALED = Set.of("idNumber", "mobile");

  private PersonalData data;
  private Map<String, String> form;
  private Map<String, String> stored;
  private KeyRing ring;
  private CardTokens tokens;
  private String token;
  private com.nimbusds.jwt.SignedJWT parsed;
  private com.nimbusds.jose.crypto.ECDSAVerifier jdk;
  private com.nimbusds.jose.crypto.ECDSAVerifier bouncyCastleJca;
  private org.unionhub.platform.card.P256Verifier bouncyCastle;

  @Setup
  public void setUp() {
    ring = KeyRing.generate();
    data = PersonalData.with(ring);
    form = new LinkedHashMap<>();
    form.put("name", "张三");
    form.put("gender", "male");
    form.put("idNumber", "11010519491231002X");
    form.put("mobile", "13800138000");
    form.put("employerName", "深圳市福田区星河科技有限公司");
    form.put("employerCreditCode", "91440300192185379H");
    form.put("employmentType", "employee");
    form.put("district", "gd-sz-ft");
    stored = data.seal(form, SEALED);
    tokens = new CardTokens();
    token =
        tokens.sign(
            ring,
            new CardClaims(
                "card", "2026000000017", "张*", "星河科技工会", Instant.now().plusSeconds(3600)),
            Instant.now());
    try {
      parsed = com.nimbusds.jwt.SignedJWT.parse(token);
      var key = (java.security.interfaces.ECPublicKey) ring.activeCardKey().keys().getPublic();
      jdk = new com.nimbusds.jose.crypto.ECDSAVerifier(key);
      bouncyCastleJca = new com.nimbusds.jose.crypto.ECDSAVerifier(key);
      bouncyCastleJca
          .getJCAContext()
          .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
      bouncyCastle = new org.unionhub.platform.card.P256Verifier(key);
    } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public Object sealSubmission() {
    return new Object[] {data.seal(form, SEALED), data.idNumberIndex(form.get("idNumber"))};
  }

  @Benchmark
  public Map<String, String> openSubmission() {
    return data.open(stored);
  }

  /** A card seen for the first time: the full ECDSA P-256 verification. */
  @Benchmark
  public Verdict verifyCardFirstTime() {
    return new CardTokens().verify(ring, token, Instant.now(), id -> true);
  }

  /** The same card shown again: its checked signature is remembered. */
  @Benchmark
  public Verdict verifyCard() {
    return tokens.verify(ring, token, Instant.now(), id -> true);
  }

  /** The signature check alone, JDK 17's provider (what cards used before ADR 0025). */
  @Benchmark
  public boolean signatureJdk() throws com.nimbusds.jose.JOSEException {
    return jdk.verify(parsed.getHeader(), parsed.getSigningInput(), parsed.getSignature());
  }

  /** The signature check alone, BouncyCastle as the JCA provider. */
  @Benchmark
  public boolean signatureBouncyCastleJca() throws com.nimbusds.jose.JOSEException {
    return bouncyCastleJca.verify(
        parsed.getHeader(), parsed.getSigningInput(), parsed.getSignature());
  }

  /** The signature check alone, BouncyCastle's lightweight API, the key's table kept. */
  @Benchmark
  public boolean signatureBouncyCastle() throws com.nimbusds.jose.JOSEException {
    return bouncyCastle.verify(parsed.getHeader(), parsed.getSigningInput(), parsed.getSignature());
  }
}
