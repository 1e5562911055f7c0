package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thin slice through the real stack: a worker's enrollment application goes through the
 * module's form checks and Drools rule, lands in PostgreSQL under its tenant, and shows up only for
 * the staff who may see it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnrollmentApiIT {

  private static final String SUBMIT = "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private static final AtomicInteger SEQ = new AtomicInteger(100);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static String adultId() {
    return Api.idNumber(TODAY.minusYears(30), SEQ.incrementAndGet());
  }

  private static JsonObject submitValid(String user, String name) {
    var answer = Api.post(SUBMIT, user, Api.enrollment(name, adultId()));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    return answer.json();
  }

  @Test
  void applicantUnderSixteenIsRefusedNamingTheIdNumberAndNothingIsStored() throws Exception {
    String young = Api.idNumber(TODAY.minusYears(16).plusDays(1), 731);
    long before = countRequests();

    var answer = Api.post(SUBMIT, "worker1", Api.enrollment("小明", young));

    assertThat(answer.status()).isEqualTo(422);
    JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo("idNumber");
    assertThat(error.getString("code")).isEqualTo("UNDER_MINIMUM_AGE");
    assertThat(error.getString("message")).contains("16");
    assertThat(countRequests()).isEqualTo(before);
  }

  @Test
  void formMistakesAreAllReportedAtOnceWithFieldAndReason() {
    var body =
        Json.createObjectBuilder()
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("name", "张三")
                    .add("idNumber", "440304199001011230")
                    .add("mobile", "1234")
                    .add("nickname", "x"))
            .build();

    var answer = Api.post(SUBMIT, "worker1", body);

    assertThat(answer.status()).isEqualTo(422);
    List<String> problems = new ArrayList<>();
    answer
        .json()
        .getJsonArray("errors")
        .getValuesAs(JsonObject.class)
        .forEach(e -> problems.add(e.getString("field") + ":" + e.getString("code")));
    assertThat(problems)
        .contains(
            "idNumber:INVALID_ID_NUMBER",
            "mobile:INVALID_MOBILE",
            "nickname:UNKNOWN_FIELD",
            "gender:REQUIRED",
            "employerCreditCode:REQUIRED");
  }

  @Test
  void malformedBodiesGetClearErrorsNotServerErrors() {
    assertThat(Api.postRaw(SUBMIT, "worker1", "{not json").status()).isEqualTo(400);
    var noData = Api.postRaw(SUBMIT, "worker1", "{\"name\":\"张三\"}");
    assertThat(noData.status()).isEqualTo(400);
    assertThat(noData.raw()).contains("\"field\":\"data\"");
    assertThat(
            Api.post(
                    "/api/v1/tenants/gd-sz-ft-001/modules/no-such-module/requests",
                    "worker1",
                    Api.enrollment("张三", adultId()))
                .status())
        .isEqualTo(404);
  }

  @Test
  void acceptedApplicationIsStoredUnderItsTenantAndListedForStaffAbove() throws Exception {
    JsonObject created = submitValid("worker1", "陈静");
    String id = created.getString("id");
    assertThat(created.getString("state")).isEqualTo("submitted");
    assertThat(created.getString("tenant")).isEqualTo("gd-sz-ft-001");
    assertThat(created.getJsonObject("data").getString("idNumber")).contains("********");
    assertThat(LocalDate.parse(created.getString("dueDate"))).isAfter(TODAY);

    try (Connection c = TestStack.database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select tenant_id, module, state, data->>'name' from service_request where id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("gd-sz-ft-001");
        assertThat(rs.getString(2)).isEqualTo("enrollment");
        assertThat(rs.getString(3)).isEqualTo("submitted");
        assertThat(rs.getString(4)).isEqualTo("陈静");
      }
    }

    assertThat(worklistIds("gd-sz-ft-001", "ft-staff")).contains(id);
    assertThat(worklistIds("gd-sz", "sz-admin")).contains(id);
    assertThat(Api.get("/api/v1/requests/" + id, "ft-staff").status()).isEqualTo(200);
    assertThat(Api.get("/api/v1/requests/" + id, "worker1").status()).isEqualTo(200);
  }

  @Test
  void otherDistrictsAndProvincesSeeNothingAndLearnNothing() {
    String id = submitValid("worker1", "林芳").getString("id");

    var ns = Api.get("/api/v1/requests/" + id, "ns-staff");
    assertThat(ns.status()).isEqualTo(404);
    assertThat(ns.raw()).doesNotContain("林芳").doesNotContain("gd-sz-ft");
    assertThat(Api.get("/api/v1/tenants/gd-sz-ft/requests", "ns-staff").status()).isEqualTo(404);
    assertThat(Api.get("/api/v1/tenants/gd-sz-ft/requests", "hz-staff").status()).isEqualTo(404);
    assertThat(Api.get("/api/v1/requests/" + id, "worker2").status()).isEqualTo(404);
    assertThat(worklistIds("gd-sz-ns", "ns-staff")).doesNotContain(id);
  }

  @Test
  void tenantListIsScopedToTheCallersSubtree() {
    // Other tests of the run add tenants (TenantAdminIT): the demo tenants outside a caller's
    // subtree are what must never show up.
    assertThat(tenantCodes("sz-admin"))
        .contains("gd-sz", "gd-sz-ft", "gd-sz-ns", "gd-sz-ft-001", "gd-sz-ns-001")
        .doesNotContain("acftu", "gd", "zj", "zj-hz", "zj-hz-001")
        .allMatch(code -> code.startsWith("gd-sz"));
    assertThat(tenantCodes("hz-admin"))
        .contains("zj-hz", "zj-hz-001")
        .doesNotContain("acftu", "zj", "gd", "gd-sz", "gd-sz-ft", "gd-sz-ns")
        .allMatch(code -> code.startsWith("zj-hz"));
    assertThat(tenantCodes("platform-admin"))
        .contains(
            "acftu",
            "gd",
            "zj",
            "gd-sz",
            "zj-hz",
            "gd-sz-ft",
            "gd-sz-ns",
            "gd-sz-ft-001",
            "gd-sz-ns-001",
            "zj-hz-001");
  }

  @Test
  void callsWithoutAValidTokenAreRefused() {
    assertThat(Api.get("/api/v1/tenants", null).status()).isEqualTo(401);
  }

  @Test
  void sameIdempotencyKeyTwiceCreatesOneRequest() throws Exception {
    String key = "it-" + UUID.randomUUID();
    var body = Api.enrollment("周杰", adultId());
    long before = countRequests();

    var first = Api.post(SUBMIT, "worker3", body, "Idempotency-Key", key);
    var second = Api.post(SUBMIT, "worker3", body, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(countRequests()).isEqualTo(before + 1);
  }

  @Test
  void staffActWithIfMatchAndEveryStepIsHistory() {
    String id = submitValid("worker2", "吴昊").getString("id");
    var read = Api.get("/api/v1/requests/" + id, "ft-staff");
    String etag = read.etag();
    var approve =
        Json.createObjectBuilder().add("action", "approve").add("comment", "材料齐全").build();

    assertThat(Api.post("/api/v1/requests/" + id + "/transitions", "ft-staff", approve).status())
        .isEqualTo(428);
    assertThat(
            Api.post(
                    "/api/v1/requests/" + id + "/transitions",
                    "ft-staff",
                    approve,
                    "If-Match",
                    "\"99\"")
                .status())
        .isEqualTo(409);
    assertThat(
            Api.post(
                    "/api/v1/requests/" + id + "/transitions", "worker2", approve, "If-Match", etag)
                .status())
        .isEqualTo(403);

    var done =
        Api.post("/api/v1/requests/" + id + "/transitions", "ft-staff", approve, "If-Match", etag);

    assertThat(done.status()).as(done.raw()).isEqualTo(200);
    assertThat(done.json().getString("state")).isEqualTo("approved");
    JsonArray history = done.json().getJsonArray("history");
    assertThat(history).hasSize(2);
    assertThat(history.getJsonObject(1).getString("actor")).isEqualTo("ft-staff");
    assertThat(history.getJsonObject(1).getString("comment")).isEqualTo("材料齐全");
    var again =
        Api.post(
            "/api/v1/requests/" + id + "/transitions",
            "ft-staff",
            approve,
            "If-Match",
            done.etag());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("state")).isEqualTo("approved");
  }

  @Test
  void ofTwoConcurrentActionsWithOneEtagExactlyOneWins() throws Exception {
    for (int round = 0; round < 3; round++) {
      String id = submitValid("worker2", "郑爽").getString("id");
      String etag = Api.get("/api/v1/requests/" + id, "ft-staff").etag();
      Api.token("ft-staff");
      ExecutorService pool = Executors.newFixedThreadPool(2);
      var start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (String action : List.of("approve", "reject")) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return Api.post(
                          "/api/v1/requests/" + id + "/transitions",
                          "ft-staff",
                          Json.createObjectBuilder().add("action", action).build(),
                          "If-Match",
                          etag)
                      .status();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var f : results) {
        statuses.add(f.get());
      }
      pool.shutdown();
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
      var history = Api.get("/api/v1/requests/" + id, "ft-staff").json().getJsonArray("history");
      assertThat(history).hasSize(2);
    }
  }

  private static List<String> worklistIds(String tenant, String user) {
    var answer =
        Api.get("/api/v1/tenants/" + tenant + "/requests?module=enrollment&limit=100", user);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("id"))
        .toList();
  }

  private static List<String> tenantCodes(String user) {
    var answer = Api.get("/api/v1/tenants", user);
    assertThat(answer.status()).isEqualTo(200);
    return ((JsonArray) answer.body())
        .getValuesAs(JsonObject.class).stream()
            .map(o -> ((JsonString) o.get("code")).getString())
            .toList();
  }

  private static long countRequests() throws Exception {
    try (Connection c = TestStack.database().connect();
        ResultSet rs = c.createStatement().executeQuery("select count(*) from service_request")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aTenantAdminRevealsTheFullIdNumberAndTheRevealIsAuditedStaffCannot() {
    String id = adultId();
    var created = Api.post(SUBMIT, "worker1", Api.enrollment("揭晓", id));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String path = "/api/v1/requests/" + created.json().getString("id");

    assertThat(Api.get(path, "ft-admin").json().getJsonObject("data").getString("idNumber"))
        .isNotEqualTo(id);
    var revealed = Api.get(path + "?reveal=true", "ft-admin");
    assertThat(revealed.status()).as(revealed.raw()).isEqualTo(200);
    assertThat(revealed.json().getJsonObject("data").getString("idNumber")).isEqualTo(id);
    assertThat(Api.get(path + "?reveal=true", "ft-staff").status()).isEqualTo(403);
    var audit =
        Api.get("/api/v1/audit?subject=request:" + created.json().getString("id"), "ft-admin");
    assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
    assertThat(audit.raw()).contains("reveal-identifiers").contains("ft-admin");
  }

  @Test
  void theOpenWorklistLeavesOutFinishedRequests() {
    String pending = submitValid("worker3", "甘雨").getString("id");
    String finished = submitValid("worker3", "丁宁").getString("id");
    String etag = Api.get("/api/v1/requests/" + finished, "ft-staff").etag();
    var approve = Json.createObjectBuilder().add("action", "approve").build();
    var done =
        Api.post(
            "/api/v1/requests/" + finished + "/transitions", "ft-staff", approve, "If-Match", etag);
    assertThat(done.status()).as(done.raw()).isEqualTo(200);
    assertThat(done.json().getString("state")).isEqualTo("approved");

    String list = "/api/v1/tenants/gd-sz-ft/requests?module=enrollment&limit=200";
    var all = Api.get(list, "ft-staff");
    var open = Api.get(list + "&open=true", "ft-staff");
    assertThat(all.status()).as(all.raw()).isEqualTo(200);
    assertThat(open.status()).as(open.raw()).isEqualTo(200);
    assertThat(all.raw()).contains(pending).contains(finished);
    assertThat(open.raw()).contains(pending).doesNotContain(finished);
    assertThat(open.json().asJsonObject().getJsonArray("items"))
        .allSatisfy(
            r -> assertThat(r.asJsonObject().getString("state")).isNotIn("approved", "rejected"));
  }
}
