package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Membership end to end with real Keycloak tokens on PostgreSQL: approval admits (member number,
 * role and group in Keycloak, card), one membership per person across the tree without a hint of
 * where, card verification and revocation, the register, and a database dump without personal
 * numbers in plain text.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MembershipIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private static final AtomicInteger SEQ = new AtomicInteger(40);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Every ID and mobile number this class submits, for the dump test. */
  private static final List<String> SUBMITTED = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  static String newId() {
    String id = Api.idNumber(TODAY.minusYears(27), 800 + SEQ.incrementAndGet());
    SUBMITTED.add(id);
    return id;
  }

  private static JsonObject application(String name, String id) {
    String mobile = String.format("137%08d", 10_000_000 + SEQ.incrementAndGet() * 7919);
    SUBMITTED.add(mobile);
    var data = Json.createObjectBuilder(Api.enrollment(name, id).getJsonObject("data"));
    data.add("mobile", mobile);
    return Json.createObjectBuilder().add("data", data).build();
  }

  private static String mobileOf(String username) {
    return String.format("136%08d", Math.floorMod(username.hashCode(), 100_000_000));
  }

  /** A new Keycloak user (password {@code unionhub}) made through the admin API. */
  static String newUser(String prefix) {
    String username = prefix + "-" + Long.toHexString(System.nanoTime());
    String body =
        Json.createObjectBuilder()
            .add("username", username)
            .add("enabled", true)
            .add("emailVerified", true)
            .add("firstName", "测")
            .add("lastName", "试")
            .add("email", username + "@unionhub.example")
            // As if the person had accepted the privacy notice and verified a mobile number (the
            // realm's required actions for people who register themselves, ADR 17).
            .add(
                "attributes",
                Json.createObjectBuilder()
                    .add("mobile", Json.createArrayBuilder().add(mobileOf(username)))
                    .add("mobileVerified", Json.createArrayBuilder().add(mobileOf(username)))
                    .add("privacyAccepted", Json.createArrayBuilder().add("2026-12")))
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", Api.PASSWORD)
                            .add("temporary", false)))
            .build()
            .toString();
    var response =
        send(
            HttpRequest.newBuilder(
                    URI.create(KeycloakServer.url() + "/admin/realms/unionhub/users"))
                .header("Authorization", "Bearer " + serviceToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    // Default required actions of the realm (privacy notice, mobile verification) are for people
    // who register themselves; this test user logs in with a password grant.
    String location = response.headers().firstValue("Location").orElseThrow();
    var cleared =
        send(
            HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + serviceToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"requiredActions\":[]}"))
                .build());
    assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(204);
    return username;
  }

  private static String serviceToken() {
    String form =
        "grant_type=client_credentials&client_id=unionhub-admin&client_secret="
            + System.getProperty("unionhub.it.keycloak.admin-secret", "unionhub-admin-demo-secret");
    return tokenFrom(form);
  }

  /** The claims of a token freshly issued now (the Api's tokens are cached). */
  private static JsonObject freshClaims(String user) {
    String token =
        tokenFrom(
            "grant_type=password&client_id=unionhub-cli&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password="
                + Api.PASSWORD);
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(payload)).readObject();
  }

  private static String tokenFrom(String form) {
    var response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        KeycloakServer.url() + "/realms/unionhub/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .getString("access_token");
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return HTTP.send(request, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean eventually(Predicate<Void> condition) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      if (condition.test(null)) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  private static String submit(String tenant, String user, JsonObject body) {
    var answer = Api.post("/api/v1/tenants/" + tenant + "/modules/enrollment/requests", user, body);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    return answer.json().getString("id");
  }

  private static Api.Answer approve(String requestId, String staff) {
    String etag = Api.get("/api/v1/requests/" + requestId, staff).etag();
    return Api.post(
        "/api/v1/requests/" + requestId + "/transitions",
        staff,
        Json.createObjectBuilder().add("action", "approve").build(),
        "If-Match",
        etag);
  }

  /** A new user who applied to 福田's grassroots union and was approved. */
  static String newMember(String name, String id) {
    String user = newUser("m");
    var done = approve(submit("gd-sz-ft-001", user, application(name, id)), "ft-staff");
    assertThat(done.status()).as(done.raw()).isEqualTo(200);
    assertThat(done.json().getString("state")).isEqualTo("approved");
    return user;
  }

  static Api.Answer verify(String token) {
    var response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        Api.APP
                            + "/api/v1/member-cards/verify?token="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .GET()
                .build());
    return new Api.Answer(
        response.statusCode(),
        Json.createReader(new StringReader(response.body())).readObject(),
        response.body(),
        null);
  }

  private static String card(String user) {
    var card = Api.get("/api/v1/members/me/card", user);
    assertThat(card.status()).as(card.raw()).isEqualTo(200);
    return card.json().getString("token");
  }

  @Test
  void approvalMakesTheWorkerAMemberWithANumberTheRoleTheGroupAndACard() throws Exception {
    String id = newId();
    String user = newMember("林晓峰", id);

    var me = Api.get("/api/v1/members/me", user);
    assertThat(me.status()).as(me.raw()).isEqualTo(200);
    assertThat(me.json().getString("memberNumber")).matches("\\d{12}[0-9X]");
    assertThat(me.json().getString("tenant")).isEqualTo("gd-sz-ft-001");
    assertThat(me.json().getString("name")).isEqualTo("林**");
    assertThat(me.raw()).doesNotContain(id).doesNotContain(id.substring(0, 14));
    assertThat(me.json().getJsonArray("history").getJsonObject(0).getString("kind"))
        .isEqualTo("admitted");

    assertThat(
            eventually(
                v -> {
                  JsonObject claims = freshClaims(user);
                  return claims.getJsonObject("realm_access").toString().contains("\"member\"")
                      && claims.containsKey("groups")
                      && claims.get("groups").toString().contains("gd-sz-ft-001");
                }))
        .as("the member role and the union's group reach Keycloak")
        .isTrue();

    String token = card(user);
    var verdict = verify(token);
    assertThat(verdict.status()).isEqualTo(200);
    assertThat(verdict.json().keySet())
        .containsExactlyInAnyOrder("valid", "reason", "name", "union");
    assertThat(verdict.json().getBoolean("valid")).isTrue();
    assertThat(verdict.json().getString("name")).isEqualTo("林**");
    assertThat(verdict.json().getString("union")).isNotBlank();
    assertThat(verdict.raw()).doesNotContain(me.json().getString("memberNumber"));

    // A merchant verifies offline with the published keys.
    var jwks =
        send(
            HttpRequest.newBuilder(URI.create(Api.APP + "/api/v1/member-cards/jwks.json"))
                .GET()
                .build());
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.body()).doesNotContain("\"d\"");
    SignedJWT jwt = SignedJWT.parse(token);
    ECKey key = (ECKey) JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
        .isBefore(java.time.Instant.now().plusSeconds(6 * 60));

    var png =
        send(
            HttpRequest.newBuilder(URI.create(Api.APP + "/api/v1/members/me/card.png"))
                .header("Authorization", "Bearer " + Api.token(user))
                .GET()
                .build());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
  }

  private static Api.Answer decide(String transfer, String staff, String action, String reason) {
    var body = Json.createObjectBuilder().add("action", action);
    if (reason != null) {
      body.add("reason", reason);
    }
    return Api.post("/api/v1/member-transfers/" + transfer + "/decisions", staff, body.build());
  }

  @Test
  void aMemberWhoChangesEmployerMovesToAUnionInAnotherCityWithNumberHistoryAndCard()
      throws Exception {
    String user = newMember("孙悦", newId());
    String number = Api.get("/api/v1/members/me", user).json().getString("memberNumber");
    String card = card(user);

    var asked =
        Api.post(
            "/api/v1/members/me/transfers",
            user,
            Json.createObjectBuilder().add("toTenant", "zj-hz-001").add("reason", "换了工作").build());
    assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
    String transfer = asked.json().getString("id");
    assertThat(Api.get("/api/v1/tenants/zj-hz/member-transfers", "hz-staff").raw())
        .contains(transfer);

    assertThat(decide(transfer, "hz-staff", "accept", null).status())
        .as("the new union waits for the old one")
        .isEqualTo(403);
    assertThat(decide(transfer, "ns-staff", "release", null).status())
        .as("a union that is neither")
        .isEqualTo(404);
    var released = decide(transfer, "ft-staff", "release", null);
    assertThat(released.status()).as(released.raw()).isEqualTo(200);
    var accepted = decide(transfer, "hz-staff", "accept", null);
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
    assertThat(accepted.json().getString("status")).isEqualTo("COMPLETED");

    var me = Api.get("/api/v1/members/me", user).json();
    assertThat(me.getString("tenant")).isEqualTo("zj-hz-001");
    assertThat(me.getString("memberNumber")).isEqualTo(number);
    assertThat(me.getJsonArray("history").toString()).contains("admitted").contains("transferred");
    assertThat(Api.get("/api/v1/tenants/zj-hz/members?q=" + number, "hz-staff").raw())
        .contains(number);
    assertThat(Api.get("/api/v1/tenants/gd-sz-ft/members?q=" + number, "ft-staff").raw())
        .doesNotContain(number);
    var verdict = verify(card);
    assertThat(verdict.json().getBoolean("valid")).as("the card follows").isTrue();
    assertThat(verify(card(user)).json().getString("union")).contains("杭州");
    assertThat(
            eventually(
                v -> {
                  String groups = String.valueOf(freshClaims(user).get("groups"));
                  return groups.contains("zj-hz-001") && !groups.contains("gd-sz-ft-001");
                }))
        .as("the Keycloak group follows")
        .isTrue();
  }

  @Test
  void eitherUnionMayRefuseATransferWithAReason() {
    String user = newMember("钱程", newId());
    String transfer =
        Api.post(
                "/api/v1/members/me/transfers",
                user,
                Json.createObjectBuilder().add("toTenant", "zj-hz-001").build())
            .json()
            .getString("id");
    assertThat(decide(transfer, "ft-staff", "release", null).status()).isEqualTo(200);
    var noReason = decide(transfer, "hz-staff", "refuse", null);
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.raw()).contains("reason");
    var refused = decide(transfer, "hz-staff", "refuse", "本单位未建会员档案");
    assertThat(refused.status()).as(refused.raw()).isEqualTo(200);
    assertThat(refused.json().getString("refusal")).isEqualTo("本单位未建会员档案");
    assertThat(Api.get("/api/v1/members/me", user).json().getString("tenant"))
        .isEqualTo("gd-sz-ft-001");
    assertThat(Api.get("/api/v1/members/me/transfers", user).raw()).contains("REFUSED");
    assertThat(decide(transfer, "hz-staff", "accept", null).status()).isEqualTo(409);
    var nowhere =
        Api.post(
            "/api/v1/members/me/transfers",
            user,
            Json.createObjectBuilder().add("toTenant", "no-such-union").build());
    assertThat(nowhere.status()).isEqualTo(422);
    assertThat(nowhere.raw()).contains("toTenant");
  }

  @Test
  void aSecondApplicationWithTheSameIdNumberIsRefusedAnywhereWithoutSayingWhere() {
    String id = newId();
    newMember("周宁", id);

    String other = newUser("w");
    for (String tenant : List.of("zj-hz-001", "gd-sz-ft-001")) {
      var answer =
          Api.post(
              "/api/v1/tenants/" + tenant + "/modules/enrollment/requests",
              other,
              application("周宁", id.substring(0, 17) + id.substring(17).toLowerCase()));
      assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
      JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getString("field")).isEqualTo("idNumber");
      assertThat(error.getString("code")).isEqualTo("ALREADY_MEMBER");
      assertThat(answer.raw())
          .doesNotContain("gd-sz")
          .doesNotContain("福田")
          .doesNotContain("深圳")
          .doesNotContain("广东");
    }
  }

  @Test
  void aReplacedCardAndAnEndedMembershipFailVerificationAtOnce() throws Exception {
    String id = newId();
    String user = newMember("许佳", id);
    String first = card(user);
    assertThat(verify(first).json().getBoolean("valid")).isTrue();

    assertThat(
            Api.post("/api/v1/members/me/card/replace", user, Json.createObjectBuilder().build())
                .status())
        .isEqualTo(200);
    var revoked = verify(first);
    assertThat(revoked.json().getBoolean("valid")).isFalse();
    assertThat(revoked.json().getString("reason")).isEqualTo("REVOKED");
    assertThat(revoked.json().isNull("name")).isTrue();
    String second = card(user);
    assertThat(verify(second).json().getBoolean("valid")).isTrue();

    var left =
        Api.post(
            "/api/v1/members/me/leave",
            user,
            Json.createObjectBuilder().add("reason", "离职").build());
    assertThat(left.status()).as(left.raw()).isEqualTo(200);
    assertThat(verify(second).json().getString("reason")).isEqualTo("REVOKED");
    assertThat(Api.get("/api/v1/members/me", user).status()).isEqualTo(404);
    assertThat(
            eventually(
                v ->
                    !freshClaims(user)
                        .getJsonObject("realm_access")
                        .toString()
                        .contains("\"member\"")))
        .as("the member role leaves Keycloak")
        .isTrue();
    // The registry forgot the person: they may join again.
    submit("gd-sz-ft-001", user, application("许佳", id));
  }

  @Test
  void verificationKeepsOneShapeForBadTokensAndIsRateLimitedPerAddress() throws Exception {
    for (String junk : List.of("", "abc", "a.b.c", "e30.e30.e30", "x".repeat(3000))) {
      var answer = verify(junk);
      assertThat(answer.status()).isIn(200, 429);
      assertThat(answer.json().keySet())
          .containsExactlyInAnyOrder("valid", "reason", "name", "union");
      assertThat(answer.json().getBoolean("valid")).isFalse();
      assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("at org.");
    }
    int limited = 0;
    for (int i = 0; i < 60; i++) {
      var answer = verify("abc");
      if (answer.status() == 429) {
        limited++;
        assertThat(answer.json().getString("reason")).isEqualTo("RATE_LIMITED");
      }
    }
    assertThat(limited).isPositive();
    Thread.sleep(1100); // the next test's verifications start with a fresh second
  }

  @Test
  void theRegisterListsTheSubtreesMembersMaskedExportsAndCountsThem() throws Exception {
    String id = newId();
    newMember("欧阳明", id);
    String last4 = id.substring(14);

    var found = Api.get("/api/v1/tenants/gd-sz-ft/members?q=" + last4, "ft-admin");
    assertThat(found.status()).as(found.raw()).isEqualTo(200);
    assertThat(found.raw()).contains("欧阳明").doesNotContain(id);
    JsonObject row = found.json().getJsonArray("items").getJsonObject(0);
    assertThat(row.getString("idNumber")).endsWith(last4).contains("****");
    assertThat(row.getString("mobile")).contains("****");
    assertThat(Api.get("/api/v1/tenants/gd-sz-ft/members?q=欧阳", "ft-staff").raw()).contains("欧阳明");
    assertThat(Api.get("/api/v1/tenants/gd-sz-ft/members", "ns-admin").status()).isEqualTo(404);

    var xlsx =
        send(
            HttpRequest.newBuilder(
                    URI.create(Api.APP + "/api/v1/tenants/gd-sz-ft/members.xlsx?q=" + last4))
                .header("Authorization", "Bearer " + Api.token("ft-admin"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var book =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      var rows = book.getFirstSheet().read();
      assertThat(rows.get(0).getCell(0).getText()).isEqualTo("会员号");
      var cells = new StringBuilder();
      rows.forEach(r -> r.forEach(c -> cells.append(c == null ? "" : c.getText()).append('|')));
      assertThat(cells.toString()).contains("欧阳明").contains("****" + last4).doesNotContain(id);
    }

    var counts = Api.get("/api/v1/tenants/gd-sz/member-counts", "sz-admin");
    assertThat(counts.status()).isEqualTo(200);
    assertThat(counts.json().getJsonObject("perUnion").getJsonNumber("gd-sz-ft-001").longValue())
        .isPositive();
  }

  @Test
  void withoutATenantScopeTheApplicationRoleSeesNoMembershipAndTheRegistryOnlyHashes()
      throws Exception {
    newMember("石磊", newId());
    try (var c = TestStack.database().connectAsApplication();
        var st = c.createStatement()) {
      try (var rs = st.executeQuery("select count(*) from membership")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      try (var rs = st.executeQuery("select count(*) from membership_event")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      try (var rs = st.executeQuery("select * from member_registry")) {
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
        int n = 0;
        while (rs.next()) {
          assertThat(rs.getString(1)).matches("[0-9a-f]{64}");
          n++;
        }
        assertThat(n).isPositive();
      }
    }
  }

  @Test
  void aDumpOfTheDatabaseHoldsNoIdOrMobileNumberInPlainText() {
    String user = newUser("d");
    for (int i = 0; i < 3; i++) {
      submit("gd-sz-ft-001", user, application("卫东" + i, newId()));
    }
    newMember("卫国", newId());

    String dump = TestStack.database().dump();

    assertThat(dump).contains("卫国").contains("uh1:");
    for (String secret : List.copyOf(SUBMITTED)) {
      assertThat(dump).as("the dump holds %s", secret).doesNotContain(secret);
      assertThat(dump).doesNotContain(secret.toLowerCase());
    }
  }

  /**
   * Not a test of speed (nothing is asserted about it): records card verifications per second on
   * this one node for BENCHMARKS.md in {@code target/it-logs/card-verify-load.txt}: 3,000 distinct
   * tokens verified once each (every one pays the ECDSA check), then 4 members' cards shown over
   * and over for 20 s — 16 client threads as 320 merchants (source addresses), each within the
   * per-address limit.
   */
  @Test
  void cardVerificationThroughputIsRecorded() throws Exception {
    String user = newMember("压测", newId());
    var distinct = new ArrayList<String>();
    for (int i = 0; i < 3000; i++) {
      distinct.add(card(user));
    }
    var repeated = new ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      repeated.add(card(newMember("压测" + i, newId())));
    }
    var first = CardVerifyLoad.once(distinct, 16, 20);
    var again = CardVerifyLoad.repeated(repeated, 16, 20, 5, 20);
    String load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    String line =
        String.format(
            "%s card verifications on one node, 16 threads x 20 source addresses (limit 20/s each):"
                + " first time %.0f/s (%d valid, %d limited, %d other in %.1f s);"
                + " shown again %.0f/s (%d valid, %d limited, %d other in %.1f s); loadavg %s",
            java.time.Instant.now(),
            first.perSecond(),
            first.valid(),
            first.limited(),
            first.other(),
            first.seconds(),
            again.perSecond(),
            again.valid(),
            again.limited(),
            again.other(),
            again.seconds(),
            load);
    System.out.println(line);
    var log =
        java.nio.file.Path.of(System.getProperty("unionhub.it.logs", "target/it-logs"))
            .resolve("card-verify-load.txt");
    java.nio.file.Files.createDirectories(log.getParent());
    java.nio.file.Files.writeString(
        log,
        line + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(first.valid() + first.limited()).as(line).isEqualTo(distinct.size());
    assertThat(again.valid()).as(line).isPositive();
    assertThat(again.other()).as(line).isZero();
  }
}
