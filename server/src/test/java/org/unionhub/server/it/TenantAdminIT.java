package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant administration through the API with real tokens: a city admin runs a grassroots union's
 * life (create, rename, move, deactivate), others are refused without learning anything, every
 * change is audited, the group tree in Keycloak follows, and the audit trail cannot be changed in
 * the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantAdminIT {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  /** A code no other test of this run uses. */
  private static String newCode(String parent) {
    return parent + "-t" + RUN + SEQ.incrementAndGet();
  }

  private static JsonObject tenant(String code, String name, String level, String parent) {
    return Json.createObjectBuilder()
        .add("code", code)
        .add("name", name)
        .add("level", level)
        .add("parent", parent)
        .build();
  }

  private static Api.Answer create(String user, String code, String name, String parent) {
    return Api.post("/api/v1/tenants", user, tenant(code, name, "grassroots", parent));
  }

  @Test
  void aCityAdminCreatesRenamesMovesAndDeactivatesAGrassrootsUnion() throws Exception {
    String code = newCode("gd-sz-ns");

    var created = create("sz-admin", code, "深圳市南山区海风电子有限公司工会", "gd-sz-ns");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.json().getString("code")).isEqualTo(code);
    assertThat(created.json().getString("level")).isEqualTo("grassroots");
    assertThat(created.json().getString("parent")).isEqualTo("gd-sz-ns");
    assertThat(created.json().getBoolean("active")).isTrue();
    assertThat(tenantCodes("sz-admin")).contains(code);
    assertThat(tenantCodes("ns-staff")).contains(code);

    var renamed =
        Api.patch(
            "/api/v1/tenants/" + code,
            "sz-admin",
            Json.createObjectBuilder().add("name", "深圳市海风电子有限公司工会").build());
    assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
    assertThat(renamed.json().getString("name")).isEqualTo("深圳市海风电子有限公司工会");

    var moved =
        Api.patch(
            "/api/v1/tenants/" + code,
            "sz-admin",
            Json.createObjectBuilder().add("parent", "gd-sz-ft").build());
    assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
    assertThat(moved.json().getString("parent")).isEqualTo("gd-sz-ft");
    assertThat(tenantCodes("ns-staff")).doesNotContain(code);
    assertThat(tenantCodes("ft-staff")).contains(code);

    var submitted =
        Api.post(
            "/api/v1/tenants/" + code + "/modules/enrollment/requests",
            "worker1",
            Api.enrollment("冯晓", Api.idNumber(LocalDate.now().minusYears(28), 801)));
    assertThat(submitted.status()).as("an active union takes requests").isEqualTo(201);

    var deactivated =
        Api.patch(
            "/api/v1/tenants/" + code,
            "sz-admin",
            Json.createObjectBuilder().add("active", false).build());
    assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);
    assertThat(deactivated.json().getBoolean("active")).isFalse();

    var refused =
        Api.post(
            "/api/v1/tenants/" + code + "/modules/enrollment/requests",
            "worker1",
            Api.enrollment("冯晓", Api.idNumber(LocalDate.now().minusYears(28), 802)));
    assertThat(refused.status()).as("a deactivated union takes no new requests").isEqualTo(404);

    JsonObject group = awaitGroup(code, "false");
    assertThat(group.getString("path")).isEqualTo("/acftu/gd/gd-sz/gd-sz-ft/" + code);
    assertThat(attribute(group, "tenantName")).isEqualTo("深圳市海风电子有限公司工会");
    assertThat(attribute(group, "tenantCode")).isEqualTo(code);

    var audit = Api.get("/api/v1/audit?tenant=" + code, "sz-admin");
    assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
    List<JsonObject> records = audit.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(records)
        .extracting(r -> r.getString("action"))
        .containsExactly("deactivate", "move", "rename", "create");
    assertThat(records).allSatisfy(r -> assertThat(r.getString("actor")).isEqualTo("sz-admin"));
    JsonObject move = records.get(1);
    assertThat(move.getJsonObject("before").getString("parent")).isEqualTo("gd-sz-ns");
    assertThat(move.getJsonObject("after").getString("parent")).isEqualTo("gd-sz-ft");
    JsonObject creation = records.get(3);
    assertThat(creation.containsKey("before")).isFalse();
    assertThat(creation.getJsonObject("after").getString("name")).isEqualTo("深圳市南山区海风电子有限公司工会");
    assertThat(records.get(0).getJsonObject("before").getBoolean("active")).isTrue();
    assertThat(records.get(0).getJsonObject("after").getBoolean("active")).isFalse();

    var first = Api.get("/api/v1/audit?tenant=" + code + "&limit=3", "sz-admin");
    assertThat(first.json().getJsonArray("items")).hasSize(3);
    String cursor = first.json().getString("next");
    var second = Api.get("/api/v1/audit?tenant=" + code + "&limit=3&cursor=" + cursor, "sz-admin");
    assertThat(second.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("action"))
        .containsExactly("create");
    assertThat(second.json().containsKey("next")).isFalse();

    var hz = Api.get("/api/v1/audit?tenant=" + code, "hz-admin");
    assertThat(hz.status()).isEqualTo(404);
    assertThat(hz.raw()).doesNotContain("海风").doesNotContain("gd-sz-ft");
    assertThat(Api.get("/api/v1/audit?limit=100", "hz-admin").raw()).doesNotContain(code);
    assertThat(Api.get("/api/v1/audit?actor=sz-admin&subject=tenant", "platform-admin").raw())
        .contains(code);
    assertThat(Api.get("/api/v1/audit", "ft-staff").status()).isEqualTo(403);
  }

  @Test
  void aDistrictAdminCannotCreateUnderASiblingAndLearnsNothing() throws Exception {
    String code = newCode("gd-sz-ns");
    long before = count("select count(*) from tenant");

    var answer = create("ft-admin", code, "福田越权创建", "gd-sz-ns");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.raw()).doesNotContain("南山").doesNotContain("gd-sz-ns-001");
    assertThat(create("ft-admin", code, "福田越权创建", "no-such-tenant").raw())
        .as("a sibling answers exactly as a tenant that does not exist")
        .isEqualTo(answer.raw());
    var rename =
        Api.patch(
            "/api/v1/tenants/gd-sz-ns-001",
            "ft-admin",
            Json.createObjectBuilder().add("name", "改名").build());
    assertThat(rename.status()).isEqualTo(404);
    assertThat(rename.raw()).doesNotContain("蓝海");
    var moveAway =
        Api.patch(
            "/api/v1/tenants/gd-sz-ft-001",
            "ft-admin",
            Json.createObjectBuilder().add("parent", "gd-sz-ns").build());
    assertThat(moveAway.status()).as("moving into a sibling's subtree").isEqualTo(404);
    assertThat(count("select count(*) from tenant")).isEqualTo(before);
    assertThat(
            count(
                "select count(*) from tenant where parent_code = 'gd-sz-ft' and code = 'gd-sz-ft-001'"))
        .isEqualTo(1);
  }

  @Test
  void onlyAdminsAboveATenantChangeItAndOnlyAdminsCreate() {
    var own =
        Api.patch(
            "/api/v1/tenants/gd-sz",
            "sz-admin",
            Json.createObjectBuilder().add("name", "深圳市总工会（改）").build());
    assertThat(own.status()).as("a union is administered by the level above it").isEqualTo(403);
    assertThat(create("ft-staff", newCode("gd-sz-ft"), "职员创建", "gd-sz-ft").status()).isEqualTo(403);
    assertThat(create("worker1", newCode("gd-sz-ft"), "职工创建", "gd-sz-ft").status()).isEqualTo(403);
    String code = newCode("zj-hz");
    assertThat(create("platform-admin", code, "杭州某公司工会", "zj-hz").status()).isEqualTo(201);
  }

  @Test
  void refusalsNameEveryFieldAndChangeNothing() throws Exception {
    long tenants = count("select count(*) from tenant");
    long audits = count("select count(*) from audit_record");

    var bad =
        Api.post(
            "/api/v1/tenants",
            "sz-admin",
            Json.createObjectBuilder()
                .add("code", "Bad Code")
                .add("name", " ")
                .add("level", "district")
                .add("parent", "gd-sz-ns")
                .build());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(problems(bad))
        .containsExactlyInAnyOrder("code:INVALID_CODE", "name:REQUIRED", "level:LEVEL_NOT_ALLOWED");

    assertThat(problems(create("sz-admin", "gd-sz-ns-001", "重复", "gd-sz-ns")))
        .containsExactly("code:CODE_TAKEN");
    var deactivateParent =
        Api.patch(
            "/api/v1/tenants/gd-sz-ns",
            "sz-admin",
            Json.createObjectBuilder().add("active", false).build());
    assertThat(problems(deactivateParent)).containsExactly("active:HAS_ACTIVE_CHILDREN");
    var districtUnderDistrict =
        Api.patch(
            "/api/v1/tenants/gd-sz-ns",
            "sz-admin",
            Json.createObjectBuilder().add("parent", "gd-sz-ft").build());
    assertThat(problems(districtUnderDistrict)).containsExactly("parent:LEVEL_NOT_ALLOWED");
    var newCode =
        Api.patch(
            "/api/v1/tenants/gd-sz-ns-001",
            "sz-admin",
            Json.createObjectBuilder().add("code", "x-1").add("active", "no").build());
    assertThat(problems(newCode)).containsExactlyInAnyOrder("code:IMMUTABLE", "active:NOT_BOOLEAN");

    assertThat(count("select count(*) from tenant")).isEqualTo(tenants);
    assertThat(count("select count(*) from audit_record")).isEqualTo(audits);
    assertThat(count("select count(*) from tenant where code = 'gd-sz-ns' and active"))
        .isEqualTo(1);
  }

  @Test
  void theAuditTrailIsAppendOnlyForTheApplicationRoleAndTheOwner() throws Exception {
    String code = newCode("gd-sz-ft");
    assertThat(create("ft-admin", code, "福田某公司工会", "gd-sz-ft").status()).isEqualTo(201);
    long records = count("select count(*) from audit_record");
    assertThat(records).isPositive();

    try (Connection app = TestStack.database().connectAsApplication();
        Statement s = app.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("update audit_record set actor = 'intruder'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.executeUpdate("delete from audit_record"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.executeUpdate("truncate audit_record"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
    try (Connection owner = TestStack.database().connect();
        Statement s = owner.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "update audit_record set actor = 'intruder' where tenant_code = '"
                          + code
                          + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("delete from audit_record"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    try (Connection app = TestStack.database().connectAsApplication()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        try (ResultSet rs = s.executeQuery("select count(*) from audit_record")) {
          rs.next();
          assertThat(rs.getLong(1)).as("no scope, no rows").isZero();
        }
        s.execute("select set_config('unionhub.tenants', 'gd-sz-ns', true)");
        try (ResultSet rs =
            s.executeQuery(
                "select count(*) from audit_record where tenant_code = '" + code + "'")) {
          rs.next();
          assertThat(rs.getLong(1)).as("a sibling's records stay hidden").isZero();
        }
      }
      app.rollback();
    }
    assertThat(count("select count(*) from audit_record where actor = 'intruder'")).isZero();
    assertThat(count("select count(*) from audit_record")).isEqualTo(records);
  }

  private static List<String> problems(Api.Answer answer) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
    var result = new ArrayList<String>();
    answer
        .json()
        .getJsonArray("errors")
        .getValuesAs(JsonObject.class)
        .forEach(
            e -> {
              assertThat(e.getString("message")).isNotBlank();
              result.add(e.getString("field") + ":" + e.getString("code"));
            });
    return result;
  }

  private static List<String> tenantCodes(String user) {
    var answer = Api.get("/api/v1/tenants", user);
    assertThat(answer.status()).isEqualTo(200);
    return ((JsonArray) answer.body())
        .getValuesAs(JsonObject.class).stream().map(o -> o.getString("code")).toList();
  }

  /** The group is synced after the commit, by a poller: wait for it to show the expected state. */
  private static JsonObject awaitGroup(String code, String active) throws InterruptedException {
    String query =
        URLEncoder.encode("tenantCode:" + code, StandardCharsets.UTF_8)
            + "&briefRepresentation=false&populateHierarchy=false";
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      var answer = Api.keycloakAdmin("/groups?q=" + query);
      assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
      last = answer.raw();
      for (JsonObject g : ((JsonArray) answer.body()).getValuesAs(JsonObject.class)) {
        if (code.equals(attribute(g, "tenantCode")) && active.equals(attribute(g, "active"))) {
          return g;
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(
        "Keycloak group of " + code + " never became active=" + active + ": " + last);
  }

  private static String attribute(JsonObject group, String name) {
    JsonObject attributes = group.getJsonObject("attributes");
    if (attributes == null || !attributes.containsKey(name)) {
      return null;
    }
    return attributes.getJsonArray(name).getString(0);
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = TestStack.database().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
