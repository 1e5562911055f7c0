package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * People administration with the real Keycloak: a city admin appoints a district admin, who sets a
 * password through the one-time link and then sees only the district; isolation between siblings,
 * roles above one's own, self lock-out, bulk creation all-or-nothing, a deactivated union's people
 * losing access, and a change made while Keycloak is down landing once it is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleApiIT {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub()
        .addClass(OutboxRaceProbe.class)
        .addClass(OutboxFirstChangeProbe.class);
  }

  private static String newUsername(String prefix) {
    return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
  }

  private static JsonObject person(String username, String name, String... roles) {
    var list = Json.createArrayBuilder();
    for (String r : roles) {
      list.add(r);
    }
    return Json.createObjectBuilder()
        .add("username", username)
        .add("name", name)
        .add("mobile", "13800138000")
        .add("roles", list)
        .build();
  }

  @Test
  @Order(1)
  void aCityAdminAppointsADistrictAdminWhoSetsAPasswordAndSeesOnlyTheDistrict() throws Exception {
    String username = newUsername("ns-boss");
    var created =
        Api.post(
            "/api/v1/tenants/gd-sz-ns/users",
            "sz-admin",
            person(username, "南山区工会主席", "tenant-admin"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.json().getString("tenant")).isEqualTo("gd-sz-ns");
    assertThat(created.json().getString("sync")).isEqualTo("pending");

    JsonObject synced = awaitSynced(id, "sz-admin");
    String link = synced.getString("setupLink");
    assertThat(link).contains("/realms/unionhub/login-actions/action-token?key=");

    setPassword(link, Api.PASSWORD);

    var own = Api.get("/api/v1/tenants/gd-sz-ns/users", username);
    assertThat(own.status()).as(own.raw()).isEqualTo(200);
    assertThat(usernames((JsonArray) own.body())).contains(username);
    assertThat(Api.get("/api/v1/tenants/gd-sz-ft/users", username).status()).isEqualTo(404);
    assertThat(Api.get("/api/v1/tenants/gd-sz/users", username).status()).isEqualTo(404);
    var tenants = Api.get("/api/v1/tenants", username);
    assertThat(((JsonArray) tenants.body()).getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("code"))
        .contains("gd-sz-ns", "gd-sz-ns-001")
        .doesNotContain("gd-sz", "gd-sz-ft", "gd-sz-ft-001");

    var disableSelf =
        Api.patch(
            "/api/v1/users/" + id,
            username,
            Json.createObjectBuilder().add("enabled", false).build());
    assertThat(disableSelf.status()).as(disableSelf.raw()).isEqualTo(422);
    assertThat(disableSelf.raw()).contains("SELF_LOCKOUT");

    var link2 =
        Api.patch(
            "/api/v1/users/" + id,
            "sz-admin",
            Json.createObjectBuilder().add("newSetupLink", true).build());
    assertThat(link2.status()).as(link2.raw()).isEqualTo(200);
    assertThat(link2.json().containsKey("setupLink") && !link2.json().isNull("setupLink"))
        .as("the old link is no longer shown")
        .isFalse();

    var audit = Api.get("/api/v1/audit?tenant=gd-sz-ns&subject=user&limit=50", "sz-admin");
    assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
    assertThat(audit.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .filteredOn(r -> r.getJsonObject("after").getString("username").equals(username))
        .extracting(r -> r.getString("action"))
        .containsExactly("setup-link", "create");
  }

  @Test
  @Order(2)
  void aDistrictAdminCannotTouchASiblingsStaffNorLearnTheyExist() throws Exception {
    String username = newUsername("ft-clerk");
    var created =
        Api.post("/api/v1/tenants/gd-sz-ft/users", "sz-admin", person(username, "福田办事员", "staff"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().getString("id");

    var seen = Api.get("/api/v1/users/" + id, "ns-admin");
    var missing = Api.get("/api/v1/users/00000000-0000-0000-0000-000000000000", "ns-admin");
    assertThat(seen.status()).isEqualTo(404);
    assertThat(seen.raw()).isEqualTo(missing.raw());
    var changed =
        Api.patch(
            "/api/v1/users/" + id,
            "ns-admin",
            Json.createObjectBuilder().add("enabled", false).build());
    var changedMissing =
        Api.patch(
            "/api/v1/users/00000000-0000-0000-0000-000000000000",
            "ns-admin",
            Json.createObjectBuilder().add("enabled", false).build());
    assertThat(changed.status()).isEqualTo(404);
    assertThat(changed.raw()).isEqualTo(changedMissing.raw());
    assertThat(Api.get("/api/v1/tenants/gd-sz-ft/users", "ns-admin").raw())
        .isEqualTo(Api.get("/api/v1/tenants/no-such-union/users", "ns-admin").raw());
    var stealIntoOwn =
        Api.patch(
            "/api/v1/users/" + id,
            "ns-admin",
            Json.createObjectBuilder().add("tenant", "gd-sz-ns").build());
    assertThat(stealIntoOwn.status()).isEqualTo(404);
    var createInSibling =
        Api.post(
            "/api/v1/tenants/gd-sz-ft/users", "ns-admin", person(newUsername("x"), "某人", "staff"));
    assertThat(createInSibling.status()).isEqualTo(404);

    assertThat(Api.get("/api/v1/users/" + id, "sz-admin").json().getBoolean("enabled")).isTrue();
    assertThat(Api.get("/api/v1/tenants/gd-sz-ns/users", "ns-staff").status()).isEqualTo(403);
  }

  @Test
  @Order(3)
  void aRoleAboveOnesOwnIsRefusedAndNothingIsStored() {
    String username = newUsername("ns-root");
    var refused =
        Api.post(
            "/api/v1/tenants/gd-sz-ns/users",
            "ns-admin",
            person(username, "想当平台管理员", "platform-admin"));
    assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
    assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field") + ":" + e.getString("code"))
        .containsExactly("roles:ROLE_ABOVE_OWN");
    assertThat(usernames((JsonArray) Api.get("/api/v1/tenants/gd-sz-ns/users", "ns-admin").body()))
        .doesNotContain(username);

    var bad =
        Api.post(
            "/api/v1/tenants/gd-sz-ns/users",
            "ns-admin",
            Json.createObjectBuilder()
                .add("username", "A")
                .add("mobile", "12345")
                .add("roles", Json.createArrayBuilder())
                .add("boss", true)
                .build());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field") + ":" + e.getString("code"))
        .containsExactlyInAnyOrder("boss:UNKNOWN_FIELD");
  }

  @Test
  @Order(4)
  void aBulkCreationReportsEveryProblemOfEveryRowAndCreatesNothingUntilAllAreFixed() {
    String a = newUsername("bulk-a");
    String b = newUsername("bulk-b");
    var rows =
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder(person(a, "甲", "staff")).add("tenant", "gd-sz-ft"))
            .add(
                Json.createObjectBuilder(person(a, "", "platform-admin"))
                    .add("tenant", "zj-hz")
                    .add("mobile", "123"))
            .add(
                Json.createObjectBuilder(person(b, "乙", "tenant-admin")).add("tenant", "gd-sz-ns"));
    var refused =
        Api.post(
            "/api/v1/tenants/gd-sz/users/bulk",
            "sz-admin",
            Json.createObjectBuilder().add("rows", rows).build());
    assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
    assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field") + ":" + e.getString("code"))
        .containsExactlyInAnyOrder(
            "rows[2].tenant:UNKNOWN_TENANT",
            "rows[2].name:REQUIRED",
            "rows[2].mobile:INVALID_MOBILE",
            "rows[2].roles:ROLE_ABOVE_OWN",
            "rows[2].username:DUPLICATE_USERNAME");
    assertThat(usernames((JsonArray) Api.get("/api/v1/tenants/gd-sz/users", "sz-admin").body()))
        .doesNotContain(a, b);

    String c = newUsername("bulk-c");
    var fixed =
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder(person(a, "甲", "staff")).add("tenant", "gd-sz-ft"))
            .add(Json.createObjectBuilder(person(c, "丙", "staff")).add("tenant", "gd-sz-ft-001"))
            .add(
                Json.createObjectBuilder(person(b, "乙", "tenant-admin")).add("tenant", "gd-sz-ns"));
    var created =
        Api.post(
            "/api/v1/tenants/gd-sz/users/bulk",
            "sz-admin",
            Json.createObjectBuilder().add("rows", fixed).build());
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(usernames((JsonArray) Api.get("/api/v1/tenants/gd-sz/users", "sz-admin").body()))
        .contains(a, b, c);
  }

  @Test
  @Order(5)
  void aCityOnboardsItsDistrictsFromASpreadsheetAllOrNothing() throws Exception {
    String a = newUsername("sheet-a");
    String b = newUsername("sheet-b");
    byte[] bad =
        workbook(
            new String[][] {
              {"工会代码", "用户名", "姓名", "手机号码", "角色"},
              {"gd-sz-ft", a, "福田甲", "13800138000", "工作人员"},
              {"gd-sz-ns", b, "", "1380013", "平台管理员"},
              {"zj-hz", newUsername("sheet-c"), "杭州丙", "", "工作人员"}
            });
    var refused = upload("/api/v1/tenants/gd-sz/users/import", "sz-admin", bad);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    var errors =
        Json.createReader(new java.io.StringReader(refused.body()))
            .readObject()
            .getJsonArray("errors")
            .getValuesAs(JsonObject.class);
    assertThat(errors)
        .extracting(e -> e.getString("field") + ":" + e.getString("code"))
        .containsExactlyInAnyOrder(
            "rows[3].name:REQUIRED",
            "rows[3].mobile:INVALID_MOBILE",
            "rows[3].roles:UNKNOWN_ROLE",
            "rows[4].tenant:UNKNOWN_TENANT");
    assertThat(usernames((JsonArray) Api.get("/api/v1/tenants/gd-sz/users", "sz-admin").body()))
        .doesNotContain(a, b);

    byte[] fixed =
        workbook(
            new String[][] {
              {"工会代码", "用户名", "姓名", "手机号码", "角色"},
              {"gd-sz-ft", a, "福田甲", "13800138000", "工作人员"},
              {"gd-sz-ns", b, "南山乙", "13800138001", "工会管理员"}
            });
    var created = upload("/api/v1/tenants/gd-sz/users/import", "sz-admin", fixed);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(usernames((JsonArray) Api.get("/api/v1/tenants/gd-sz/users", "sz-admin").body()))
        .contains(a, b);
    var notABook =
        upload(
            "/api/v1/tenants/gd-sz/users/import",
            "sz-admin",
            "a,b".getBytes(StandardCharsets.UTF_8));
    assertThat(notABook.statusCode()).isEqualTo(422);
    assertThat(notABook.body()).contains("NOT_A_WORKBOOK");
  }

  @Test
  @Order(6)
  void whenAUnionIsDeactivatedItsPeopleLoseAccess() throws Exception {
    String code = "gd-sz-ns-p" + RUN + SEQ.incrementAndGet();
    var union =
        Api.post(
            "/api/v1/tenants",
            "sz-admin",
            Json.createObjectBuilder()
                .add("code", code)
                .add("name", "深圳市南山区临时工会")
                .add("level", "grassroots")
                .add("parent", "gd-sz-ns")
                .build());
    assertThat(union.status()).as(union.raw()).isEqualTo(201);
    String username = newUsername("tmp-staff");
    var created =
        Api.post(
            "/api/v1/tenants/" + code + "/users", "ns-admin", person(username, "临时工作人员", "staff"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    awaitSynced(created.json().getString("id"), "ns-admin");
    assertThat(keycloakUser(username).getBoolean("enabled")).isTrue();

    var deactivated =
        Api.patch(
            "/api/v1/tenants/" + code,
            "sz-admin",
            Json.createObjectBuilder().add("active", false).build());
    assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);
    awaitKeycloak(username, u -> !u.getBoolean("enabled"));
    var stillListed = Api.get("/api/v1/users/" + created.json().getString("id"), "ns-admin");
    assertThat(stillListed.json().getBoolean("enabled"))
        .as("the account itself stays enabled; its union's state ends its access")
        .isTrue();

    Api.patch(
        "/api/v1/tenants/" + code,
        "sz-admin",
        Json.createObjectBuilder().add("active", true).build());
    awaitKeycloak(username, u -> u.getBoolean("enabled"));
  }

  @Test
  @Order(7)
  void aChangeMadeWhileKeycloakIsDownWaitsAndLandsWhenItIsBack() throws Exception {
    Api.token("sz-admin");
    String username = newUsername("outage");
    var id = new AtomicReference<String>();
    TestStack.keycloakOutage(
        () -> {
          var created =
              Api.post(
                  "/api/v1/tenants/gd-sz-ft/users", "sz-admin", person(username, "停机时创建", "staff"));
          assertThat(created.status()).as(created.raw()).isEqualTo(201);
          id.set(created.json().getString("id"));
          sleep(5000);
          var pending = Api.get("/api/v1/users/" + id.get(), "sz-admin");
          assertThat(pending.json().getString("sync")).isEqualTo("pending");
          assertThat(pending.json().getString("syncError", "")).isNotEmpty();
        });
    JsonObject synced = awaitSynced(id.get(), "sz-admin", Duration.ofMinutes(4));
    assertThat(synced.getString("setupLink")).contains("action-token");
    assertThat(keycloakUser(username).getBoolean("enabled")).isTrue();
  }

  @Test
  @Order(8)
  void aMemberErasesTheirAccountAndWhatIsKeptIsPseudonymised() throws Exception {
    String username = newUsername("erase");
    createKeycloakUser(username);
    var submitted =
        Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            username,
            Api.enrollment("钱多多", Api.idNumber(java.time.LocalDate.now().minusYears(35), 733)));
    assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
    String request = submitted.json().getString("id");

    assertThat(
            Api.post("/api/v1/me/erasure", username, Json.createObjectBuilder().build()).status())
        .isEqualTo(422);
    assertThat(
            Api.post(
                    "/api/v1/me/erasure",
                    "ft-staff",
                    Json.createObjectBuilder().add("confirm", "ft-staff").build())
                .status())
        .as("staff accounts are closed by their union's admin")
        .isEqualTo(403);
    assertThat(
            Api.post(
                    "/api/v1/me/erasure",
                    username,
                    Json.createObjectBuilder().add("confirm", true).build())
                .status())
        .as("the confirmation is one's own username")
        .isEqualTo(422);
    var erased =
        Api.post(
            "/api/v1/me/erasure",
            username,
            Json.createObjectBuilder().add("confirm", username).build());
    assertThat(erased.status()).as(erased.raw()).isEqualTo(200);
    String pseudonym = erased.json().getString("pseudonym");
    assertThat(pseudonym).startsWith("erased-").doesNotContain(username);
    assertThat(erased.json().getInt("requests")).isEqualTo(1);

    var kept = Api.get("/api/v1/requests/" + request, "ft-staff");
    assertThat(kept.status()).as(kept.raw()).isEqualTo(200);
    assertThat(kept.raw()).doesNotContain(username).doesNotContain("钱多多");
    assertThat(kept.json().getString("submittedBy")).isEqualTo(pseudonym);
    assertThat(kept.json().getString("state")).isEqualTo(submitted.json().getString("state"));

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonArray users = null;
    while (System.nanoTime() < deadline) {
      users =
          (JsonArray)
              Api.keycloakAdmin(
                      "/users?exact=true&username="
                          + URLEncoder.encode(username, StandardCharsets.UTF_8))
                  .body();
      if (users.isEmpty()) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(users).as("the login account is deleted from Keycloak").isEmpty();

    var audit = Api.get("/api/v1/audit?subject=account&limit=50", "platform-admin");
    assertThat(audit.raw()).contains(pseudonym).doesNotContain(username);

    // The stored erasure: the username was kept only until Keycloak had deleted the account.
    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String[] row = erasureRow(pseudonym);
    while (row[1] == null && System.nanoTime() < deadline) {
      Thread.sleep(500);
      row = erasureRow(pseudonym);
    }
    assertThat(row[1]).as("done_at of the erasure").isNotNull();
    assertThat(row[0]).as("the username, once Keycloak's deletion landed").isNull();
  }

  @Test
  @Order(9)
  void anOfficerMadeDirectlyInKeycloakAppearsInThePeopleListAndIsManagedFromThere()
      throws Exception {
    String username = newUsername("kc-made");
    String keycloakId =
        KeycloakAdmin.createUser(username, "控制台建的", "13800138123", null, Api.PASSWORD);
    KeycloakAdmin.joinGroup(keycloakId, "acftu/gd/gd-sz/gd-sz-ft");
    KeycloakAdmin.grantRealmRole(keycloakId, "staff");

    JsonObject listed = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (listed == null && System.nanoTime() < deadline) {
      var list = Api.get("/api/v1/tenants/gd-sz-ft/users", "ft-admin");
      assertThat(list.status()).as(list.raw()).isEqualTo(200);
      listed =
          ((JsonArray) list.body())
              .getValuesAs(JsonObject.class).stream()
                  .filter(p -> p.getString("username").equals(username))
                  .findFirst()
                  .orElse(null);
      if (listed == null) {
        Thread.sleep(1000);
      }
    }
    assertThat(listed).as("the account made in Keycloak, in its union's People list").isNotNull();
    assertThat(listed.getString("tenant")).isEqualTo("gd-sz-ft");
    assertThat(listed.getJsonArray("roles").getString(0)).isEqualTo("staff");
    assertThat(listed.getString("name")).isEqualTo("控制台建的");
    String id = listed.getString("id");
    assertThat(usernames((JsonArray) Api.get("/api/v1/tenants/gd-sz-ns/users", "ns-admin").body()))
        .as("not in a sibling's list")
        .doesNotContain(username);
    assertThat(Api.get("/api/v1/users/" + id, "ns-admin").status()).isEqualTo(404);

    // Now UnionHub's: the outbox marks the Keycloak account, and a change made in UnionHub lands.
    awaitKeycloak(
        username,
        u ->
            u.containsKey("attributes")
                && u.getJsonObject("attributes").containsKey("unionhubPersonId")
                && u.getJsonObject("attributes")
                    .getJsonArray("unionhubPersonId")
                    .getString(0)
                    .equals(id));
    assertThat(keycloakUser(username).getString("id")).isEqualTo(keycloakId);
    var disabled =
        Api.patch(
            "/api/v1/users/" + id,
            "ft-admin",
            Json.createObjectBuilder().add("enabled", false).build());
    assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
    awaitKeycloak(username, u -> !u.getBoolean("enabled"));

    var audit = Api.get("/api/v1/audit?tenant=gd-sz-ft&subject=user&limit=50", "ft-admin");
    assertThat(audit.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .filteredOn(r -> r.getJsonObject("after").getString("username").equals(username))
        .extracting(r -> r.getString("actor") + ":" + r.getString("action"))
        .contains("keycloak:adopt");
  }

  @Test
  @Order(10)
  void aChangeCommittedWhileAnAttemptFinishesIsStillSynced() throws Exception {
    String username = newUsername("race");
    var created =
        Api.post("/api/v1/tenants/gd-sz-ns/users", "ns-admin", person(username, "竞态", "staff"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().getString("id");
    awaitSynced(id, "ns-admin");

    var race = Api.postRaw("/it/outbox-race?person=" + id, null, "");
    assertThat(race.status()).as(race.raw()).isEqualTo(200);
    String[] seqs = race.raw().split(" ");
    assertThat(Long.parseLong(seqs[1]))
        .as("the attempt that claimed change %s must not write it back over the new one", seqs[0])
        .isEqualTo(Long.parseLong(seqs[0]) + 1);
    awaitSynced(id, "ns-admin");
  }

  @Test
  @Order(11)
  void twoFirstMembershipChangesOfOneAccountAtOnceBothCommit() throws Exception {
    String username = newUsername("first");
    var created =
        Api.post("/api/v1/tenants/gd-sz-ns/users", "ns-admin", person(username, "首变", "staff"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);

    var race = Api.postRaw("/it/outbox-first-change?username=" + username, null, "");
    assertThat(race.status())
        .as("the later first change must wait for the earlier one's row, not fail on it")
        .isEqualTo(200);
    assertThat(race.raw()).as("both changes are counted").isEqualTo("2");
  }

  private static String[] erasureRow(String pseudonym) throws java.sql.SQLException {
    try (var c = TestStack.database().connect();
        var s =
            c.prepareStatement(
                "select username, done_at from account_erasure where pseudonym = ?")) {
      s.setString(1, pseudonym);
      try (var rs = s.executeQuery()) {
        assertThat(rs.next()).as("the erasure row").isTrue();
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  // --- helpers

  /** A worker made directly in Keycloak, verified and past the privacy notice. */
  private static void createKeycloakUser(String username) throws Exception {
    String form =
        "grant_type=client_credentials&client_id=unionhub-admin&client_secret="
            + System.getProperty("unionhub.it.keycloak.admin-secret", "unionhub-admin-demo-secret");
    var http = HttpClient.newHttpClient();
    String token =
        Json.createReader(
                new java.io.StringReader(
                    http.send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        KeycloakServer.url()
                                            + "/realms/unionhub/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body()))
            .readObject()
            .getString("access_token");
    var user =
        Json.createObjectBuilder()
            .add("username", username)
            .add("enabled", true)
            .add("firstName", "钱多多")
            .add(
                "attributes",
                Json.createObjectBuilder()
                    .add("mobile", Json.createArrayBuilder().add("13912345678"))
                    .add("mobileVerified", Json.createArrayBuilder().add("13912345678"))
                    .add("privacyAccepted", Json.createArrayBuilder().add("2026-12")))
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", Api.PASSWORD)
                            .add("temporary", false)))
            .build();
    var created =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(KeycloakServer.url() + "/admin/realms/unionhub/users"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString(), StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static byte[] workbook(String[][] cells) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    var book = new org.dhatim.fastexcel.Workbook(out, "UnionHub", "1.0");
    var sheet = book.newWorksheet("人员");
    for (int r = 0; r < cells.length; r++) {
      for (int c = 0; c < cells[r].length; c++) {
        if (!cells[r][c].isEmpty()) {
          sheet.value(r, c, cells[r][c]);
        }
      }
    }
    book.finish();
    return out.toByteArray();
  }

  private static HttpResponse<String> upload(String path, String user, byte[] file)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(Api.APP + path))
                .header("Authorization", "Bearer " + Api.token(user))
                .header("Accept", "application/json")
                .header(
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static List<String> usernames(JsonArray people) {
    return people.getValuesAs(JsonObject.class).stream().map(p -> p.getString("username")).toList();
  }

  private static JsonObject awaitSynced(String id, String admin) throws InterruptedException {
    return awaitSynced(id, admin, Duration.ofSeconds(60));
  }

  private static JsonObject awaitSynced(String id, String admin, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      var answer = Api.get("/api/v1/users/" + id, admin);
      last = answer.raw();
      if (answer.status() == 200
          && "synced".equals(answer.json().getString("sync"))
          && answer.json().get("setupLink") instanceof jakarta.json.JsonString) {
        return answer.json();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("account " + id + " not synced within " + timeout + ": " + last);
  }

  private static JsonObject keycloakUser(String username) {
    var answer =
        Api.keycloakAdmin(
            "/users?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    var users = (JsonArray) answer.body();
    assertThat(users).as(answer.raw()).hasSize(1);
    return users.getJsonObject(0);
  }

  private static void awaitKeycloak(String username, java.util.function.Predicate<JsonObject> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      last = keycloakUser(username);
      if (what.test(last)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Keycloak user " + username + " never matched: " + last);
  }

  private static final Pattern FORM =
      Pattern.compile("<form[^>]*id=\"kc-passwd-update-form\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern PROCEED =
      Pattern.compile("href=\"([^\"]*login-actions/action-token[^\"]*)\"");

  /**
   * Follows a set-up link as a browser without scripts would: proceed, then set the password.
   * Cookies are kept by hand: Keycloak marks them Secure, which the JDK's cookie manager never
   * sends over plain HTTP (browsers do, to localhost).
   */
  private static void setPassword(String link, String password) throws Exception {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    var cookies = new java.util.LinkedHashMap<String, String>();
    String page = send(http, cookies, link, null);
    for (int i = 0; i < 3 && !FORM.matcher(page).find(); i++) {
      Matcher proceed = PROCEED.matcher(page);
      assertThat(proceed.find()).as(page).isTrue();
      page = send(http, cookies, unescape(proceed.group(1)), null);
    }
    Matcher form = FORM.matcher(page);
    assertThat(form.find()).as(page).isTrue();
    String body =
        "password-new="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&password-confirm="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    String done = send(http, cookies, unescape(form.group(1)), body);
    assertThat(done).doesNotContain("kc-passwd-update-form");
  }

  /** GET, or POST a form, following redirects and keeping cookies; the final page must be 200. */
  private static String send(
      HttpClient http, java.util.Map<String, String> cookies, String url, String form)
      throws IOException, InterruptedException {
    URI uri = URI.create(url);
    for (int hop = 0; hop < 10; hop++) {
      var builder = HttpRequest.newBuilder(uri);
      if (!cookies.isEmpty()) {
        builder.header(
            "Cookie",
            String.join(
                "; ",
                cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      if (form != null) {
        builder
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
      }
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
        }
      }
      var location = response.headers().firstValue("Location");
      if (response.statusCode() / 100 == 3 && location.isPresent()) {
        uri = uri.resolve(location.get());
        form = null;
        continue;
      }
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    }
    throw new AssertionError("too many redirects from " + url);
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
