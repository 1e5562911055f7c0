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
    return Deployments.unionhub().addClass(OpenRequestsProbe.class);
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
            "employerName:REQUIRED");
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
    assertThat(done.json().getString("finishedAt")).as("finished when approved").isNotBlank();

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
    assertThat(finishedAt(pending)).as("an open request has no finished_at").isNull();
    assertThat(finishedAt(finished)).as("the approval's moment").isNotNull();
  }

  @Test
  void requestsFinishedBeforeTheColumnExistedAreMarkedAtStartUp() throws Exception {
    String id = submitValid("worker3", "戚颖").getString("id");
    String etag = Api.get("/api/v1/requests/" + id, "ft-staff").etag();
    var reject = Json.createObjectBuilder().add("action", "reject").add("comment", "资料不全").build();
    assertThat(
            Api.post(
                    "/api/v1/requests/" + id + "/transitions", "ft-staff", reject, "If-Match", etag)
                .status())
        .isEqualTo(200);
    // As a row written before changelog 0028: finished, but not marked.
    try (Connection c = TestStack.database().connect();
        PreparedStatement ps =
            c.prepareStatement("update service_request set finished_at = null where id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    String list = "/api/v1/tenants/gd-sz-ft/requests?module=enrollment&open=true&limit=200";
    long marked;
    try {
      assertThat(Api.get(list, "ft-staff").raw()).as("not marked yet").contains(id);
    } finally {
      // The start-up pass, run as a restart would; in finally, so that a failure above leaves no
      // unmarked row behind for the other tests' open lists.
      marked = markFinishedAsAtStartUp();
    }
    assertThat(marked).isGreaterThanOrEqualTo(1);
    try (Connection c = TestStack.database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select finished_at = updated_at from service_request where id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).as("finished at its last update, the rejection").isTrue();
      }
    }
    assertThat(Api.get(list, "ft-staff").raw()).doesNotContain(id);
  }

  private static long markFinishedAsAtStartUp() throws Exception {
    var pass = Api.postRaw("/it/open-requests", null, "");
    assertThat(pass.status()).as(pass.raw()).isEqualTo(200);
    return Long.parseLong(pass.raw());
  }

  private static java.time.OffsetDateTime finishedAt(String id) {
    try (Connection c = TestStack.database().connect();
        PreparedStatement ps =
            c.prepareStatement("select finished_at from service_request where id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getObject(1, java.time.OffsetDateTime.class);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // Routing to the right union.珠海 is made for these tests (by gd-admin, through the API), so that
  // the rules a tenant publishes there touch no other test's tenants.

  private static final String ZH_UNION_CODE = Api.creditCode("91440400MA5H00001");
  private static final String ZH_NO_UNION = Api.creditCode("91440400MA5H00002");

  private static synchronized void zhuhai() {
    if (tenantCodes("gd-admin").contains("gd-zh-xz-001")) {
      return;
    }
    createTenant("gd-zh", "珠海市总工会", "municipal", "gd", null);
    createTenant("gd-zh-xz", "香洲区总工会", "district", "gd-zh", null);
    createTenant("gd-zh-dm", "斗门区总工会", "district", "gd-zh", null);
    createTenant("gd-zh-xz-001", "珠海某电子有限公司工会", "grassroots", "gd-zh-xz", ZH_UNION_CODE);
  }

  private static Api.Answer tenant(
      String code, String name, String level, String parent, String creditCode) {
    var body =
        Json.createObjectBuilder()
            .add("code", code)
            .add("name", name)
            .add("level", level)
            .add("parent", parent);
    if (creditCode != null) {
      body.add("creditCode", creditCode);
    }
    return Api.post("/api/v1/tenants", "gd-admin", body.build());
  }

  private static void createTenant(
      String code, String name, String level, String parent, String creditCode) {
    var created = tenant(code, name, level, parent, creditCode);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
  }

  private static List<String> problems(Api.Answer answer) {
    return answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field") + ":" + e.getString("code"))
        .toList();
  }

  private static Api.Answer apply(String tenant, String user, String creditCode, String district) {
    var data =
        Json.createObjectBuilder(Api.enrollment("赵敏", adultId()).getJsonObject("data"))
            .remove("employerCreditCode")
            .remove("district")
            .add("employerName", "某外卖平台")
            .add("employmentType", "flexible");
    if (creditCode != null) {
      data.add("employerCreditCode", creditCode);
    }
    if (district != null) {
      data.add("district", district);
    }
    return Api.post(
        "/api/v1/tenants/" + tenant + "/modules/enrollment/requests",
        user,
        Json.createObjectBuilder().add("data", data).build());
  }

  @Test
  void aGrassrootsUnionRecordsItsEmployersCreditCodeOnceAndOnlyAValidOne() throws Exception {
    zhuhai();
    var view =
        ((JsonArray) Api.get("/api/v1/tenants", "gd-admin").body())
            .getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("code").equals("gd-zh-xz-001"))
                .findFirst()
                .orElseThrow();
    assertThat(view.getString("creditCode")).isEqualTo(ZH_UNION_CODE);

    long before = countTenants();
    assertThat(problems(tenant("gd-zh-xz-002", "另一个工会", "grassroots", "gd-zh-xz", ZH_UNION_CODE)))
        .containsExactly("creditCode:CREDIT_CODE_TAKEN");
    String wrongCheck = ZH_NO_UNION.substring(0, 17) + (ZH_NO_UNION.endsWith("0") ? "1" : "0");
    assertThat(problems(tenant("gd-zh-xz-002", "另一个工会", "grassroots", "gd-zh-xz", wrongCheck)))
        .containsExactly("creditCode:INVALID_CREDIT_CODE");
    assertThat(problems(tenant("gd-zh-jw", "金湾区总工会", "district", "gd-zh", ZH_NO_UNION)))
        .containsExactly("creditCode:NOT_GRASSROOTS");
    assertThat(countTenants()).as("nothing stored").isEqualTo(before);

    var malformed =
        Api.patch(
            "/api/v1/tenants/gd-zh-xz-001",
            "gd-admin",
            Json.createObjectBuilder().add("creditCode", "91440400").build());
    assertThat(malformed.status()).as(malformed.raw()).isEqualTo(422);
    assertThat(problems(malformed)).containsExactly("creditCode:INVALID_CREDIT_CODE");
    var changed =
        Api.patch(
            "/api/v1/tenants/gd-zh-xz-001",
            "gd-admin",
            Json.createObjectBuilder().add("creditCode", ZH_UNION_CODE.toLowerCase()).build());
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    assertThat(changed.json().getString("creditCode")).isEqualTo(ZH_UNION_CODE);
  }

  @Test
  void anApplicationNamingAUnionisedEmployerLandsAtThatUnionsWorklist() {
    zhuhai();
    var answer = apply("gd", "worker1", ZH_UNION_CODE, "gd-zh-dm");
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    String id = answer.json().getString("id");
    assertThat(answer.json().getString("tenant")).isEqualTo("gd-zh-xz-001");
    assertThat(worklistIds("gd-zh-xz-001", "gd-admin")).contains(id);
    assertThat(worklistIds("gd-zh-dm", "gd-admin")).doesNotContain(id);
  }

  @Test
  void withoutAUnionAtTheEmployerTheApplicationLandsAtTheChosenDistrict() {
    zhuhai();
    var rider = apply("gd", "worker2", null, "gd-zh-dm");
    assertThat(rider.status()).as(rider.raw()).isEqualTo(201);
    assertThat(rider.json().getString("tenant")).isEqualTo("gd-zh-dm");
    assertThat(worklistIds("gd-zh-dm", "gd-admin")).contains(rider.json().getString("id"));

    var courier = apply("gd", "worker3", ZH_NO_UNION, "gd-zh-xz");
    assertThat(courier.status()).as(courier.raw()).isEqualTo(201);
    assertThat(courier.json().getString("tenant")).isEqualTo("gd-zh-xz");
  }

  @Test
  void anUnknownDistrictOrAMalformedCreditCodeIsRefusedOnItsFieldAndNothingIsStored()
      throws Exception {
    zhuhai();
    long before = countRequests();
    var unknown = apply("gd", "worker1", null, "gd-zh-nowhere");
    assertThat(unknown.status()).as(unknown.raw()).isEqualTo(422);
    assertThat(problems(unknown)).containsExactly("district:UNKNOWN_DISTRICT");
    var notADistrict = apply("gd", "worker1", null, "gd-zh");
    assertThat(problems(notADistrict)).containsExactly("district:UNKNOWN_DISTRICT");
    var malformed = apply("gd", "worker1", "91440400MA5H0000", "gd-zh-xz");
    assertThat(malformed.status()).as(malformed.raw()).isEqualTo(422);
    assertThat(problems(malformed)).containsExactly("employerCreditCode:INVALID_CREDIT_CODE");
    assertThat(countRequests()).isEqualTo(before);
  }

  @Test
  void aTenantAdaptsTheDefaultRoutingRule() {
    zhuhai();
    // 珠海 sends every platform worker without a union to 斗门's new-employment-form service.
    var layer =
        Json.createObjectBuilder()
            .add(
                "rules",
                Json.createObjectBuilder()
                    .add(
                        "drl",
                        "rule \"enrollment.route-to-district-union\"\nwhen\n  Applicant("
                            + " employerUnion == null, employmentType == \"flexible\" )\nthen\n"
                            + "  actions.routeTo(\"gd-zh-dm\");\nend\n"))
            .build();
    var saved = Api.put("/api/v1/tenants/gd-zh/modules/enrollment/draft", "gd-admin", layer);
    assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    var published =
        Api.post(
            "/api/v1/tenants/gd-zh/modules/enrollment/publish",
            "gd-admin",
            Json.createObjectBuilder().add("note", "IT routing").build());
    assertThat(published.status()).as(published.raw()).isEqualTo(201);

    var rider = apply("gd-zh", "worker2", null, "gd-zh-xz");
    assertThat(rider.status()).as(rider.raw()).isEqualTo(201);
    assertThat(rider.json().getString("tenant")).isEqualTo("gd-zh-dm");
    var unionised = apply("gd-zh", "worker2", ZH_UNION_CODE, "gd-zh-xz");
    assertThat(unionised.json().getString("tenant"))
        .as("the employer rule is not adapted")
        .isEqualTo("gd-zh-xz-001");
    var elsewhere = apply("gd", "worker2", null, "gd-zh-xz");
    assertThat(elsewhere.json().getString("tenant"))
        .as("filed at the province, which keeps the default")
        .isEqualTo("gd-zh-xz");
  }

  private static long countTenants() throws Exception {
    try (Connection c = TestStack.database().connect();
        ResultSet rs = c.createStatement().executeQuery("select count(*) from tenant")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static JsonObject enrollmentCounts(String tenant, String user) {
    var counts = Api.get("/api/v1/tenants/" + tenant + "/request-counts?module=enrollment", user);
    assertThat(counts.status()).as(counts.raw()).isEqualTo(200);
    return counts.json().asJsonObject().getJsonObject("modules").getJsonObject("enrollment");
  }

  @Test
  void countsOfASubtreeByStateWithOverdueOnesForItsOfficersOnly() throws Exception {
    JsonObject before = enrollmentCounts("gd-sz", "sz-admin");
    String onTime = submitValid("worker3", "方圆").getString("id");
    String late = submitValid("worker3", "齐悦").getString("id");
    try (Connection c = TestStack.database().connect();
        PreparedStatement ps =
            c.prepareStatement("update service_request set due_date = ? where id = ?")) {
      ps.setObject(1, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
      ps.setObject(2, UUID.fromString(late));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    JsonObject after = enrollmentCounts("gd-sz", "sz-admin");
    assertThat(after.getJsonObject("byState").getJsonNumber("submitted").longValue())
        .isEqualTo(before.getJsonObject("byState").getJsonNumber("submitted").longValue() + 2);
    assertThat(after.getJsonNumber("open").longValue())
        .isEqualTo(before.getJsonNumber("open").longValue() + 2);
    assertThat(after.getJsonNumber("overdue").longValue())
        .isEqualTo(before.getJsonNumber("overdue").longValue() + 1);
    assertThat(after.getJsonObject("byState").keySet())
        .containsExactly("submitted", "district-review", "approved", "rejected");
    var whole = Api.get("/api/v1/tenants/gd-sz/request-counts", "sz-admin");
    assertThat(whole.json().asJsonObject().getInt("tenants")).isGreaterThanOrEqualTo(5);
    assertThat(onTime).isNotEqualTo(late);

    // Officers of the union or above only; the same 404 for what is not theirs and what is not.
    for (String[] refused :
        new String[][] {
          {"gd-sz", "ft-staff"},
          {"gd-sz-ft", "hz-staff"},
          {"gd-sz-ft", "worker3"},
          {"nowhere", "sz-admin"}
        }) {
      var answer = Api.get("/api/v1/tenants/" + refused[0] + "/request-counts", refused[1]);
      assertThat(answer.status()).as(refused[1] + " on " + refused[0]).isEqualTo(404);
    }
    var unknownModule = Api.get("/api/v1/tenants/gd-sz/request-counts?module=nothing", "sz-admin");
    assertThat(unknownModule.status()).as(unknownModule.raw()).isEqualTo(404);
    assertThat(unknownModule.raw()).contains("errors");
  }
}
