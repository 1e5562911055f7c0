package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The survey module through the real stack: SDK 1.0 items, actions once per member, tallies, k
 * anonymity and push, on PostgreSQL with both walls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SurveyApiIT {

  private static final String FT = "/api/v1/tenants/gd-sz-ft/modules/survey/items";
  private static final String SZ = "/api/v1/tenants/gd-sz/modules/survey/items";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  static JsonObject survey(String title, boolean anonymous, Instant opens, Instant closes) {
    var choices =
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("value", "yes").add("label", "满意"))
            .add(Json.createObjectBuilder().add("value", "no").add("label", "不满意"));
    var wishes =
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("value", "noodles").add("label", "面食"))
            .add(Json.createObjectBuilder().add("value", "fruit").add("label", "水果"))
            .add(Json.createObjectBuilder().add("value", "soup").add("label", "汤"));
    var questions =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("name", "canteen")
                    .add("type", "CHOICE")
                    .add(
                        "label",
                        Json.createObjectBuilder().add("zh", "食堂满意吗").add("en", "Canteen ok?"))
                    .add("choices", choices))
            .add(
                Json.createObjectBuilder()
                    .add("name", "wishes")
                    .add("type", "MULTI_CHOICE")
                    .add("label", "希望增加")
                    .add("required", false)
                    .add("maxChoices", 2)
                    .add("choices", wishes))
            .add(
                Json.createObjectBuilder()
                    .add("name", "score")
                    .add("type", "RATING")
                    .add("label", "评分"))
            .add(
                Json.createObjectBuilder()
                    .add("name", "remarks")
                    .add("type", "LONG_TEXT")
                    .add("label", "其他意见")
                    .add("required", false)
                    .add("maxLength", 50));
    var body =
        Json.createObjectBuilder()
            .add("title", title)
            .add("description", "请如实填写")
            .add("questions", questions)
            .add("anonymous", anonymous)
            .add("resultsVisibility", "LIVE")
            .add("closesAt", closes.toString());
    if (opens != null) {
      body.add("opensAt", opens.toString());
    }
    return body.build();
  }

  static JsonObject answer(String canteen, String wishes, String score, String remarks) {
    var values = Json.createObjectBuilder().add("canteen", canteen).add("score", score);
    if (wishes != null) {
      values.add("wishes", wishes);
    }
    if (remarks != null) {
      values.add("remarks", remarks);
    }
    return Json.createObjectBuilder().add("values", values).build();
  }

  /** Creates and publishes a survey; returns its id. */
  static String published(String base, String admin, String title, boolean anonymous) {
    Instant now = Instant.now();
    var created =
        Api.post(base, admin, survey(title, anonymous, null, now.plus(1, ChronoUnit.DAYS)));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().getString("id");
    var published = Api.post(base + "/" + id + "/publish", admin, JsonValue.EMPTY_JSON_OBJECT);
    assertThat(published.status()).as(published.raw()).isEqualTo(200);
    assertThat(published.json().getString("phase")).isEqualTo("OPEN");
    return id;
  }

  @Test
  void anAdminPublishesAMemberAnswersOnceAndTheAnswerIsCounted() throws Exception {
    String id = published(FT, "ft-admin", "食堂满意度调查", false);

    var listed = Api.get("/api/v1/items?module=survey", "ft-member1");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(ids((JsonArray) listed.body())).contains(id);

    var first =
        Api.post(
            FT + "/" + id + "/actions/answer",
            "ft-member1",
            answer("no", "noodles,soup", "4", "多些蔬菜"));
    assertThat(first.status()).as(first.raw()).isEqualTo(201);
    var again =
        Api.post(FT + "/" + id + "/actions/answer", "ft-member1", answer("yes", null, "5", null));
    assertThat(again.status()).as(again.raw()).isEqualTo(409);
    assertThat(again.json().getJsonArray("errors").getJsonObject(0).getString("code"))
        .isEqualTo("ALREADY_TAKEN");

    var results = Api.get(FT + "/" + id + "/tallies/results", "ft-admin");
    assertThat(results.status()).as(results.raw()).isEqualTo(200);
    Map<String, JsonObject> cells = cells(results.json().getJsonArray("cells"));
    assertThat(results.json().getInt("responses")).isEqualTo(1);
    assertThat(cells.get("canteen=no").getInt("count")).isEqualTo(1);
    assertThat(cells.get("canteen=no").getJsonNumber("percent").doubleValue()).isEqualTo(100.0);
    assertThat(cells.get("wishes=soup").getInt("count")).isEqualTo(1);
    assertThat(cells.get("score").getJsonNumber("average").doubleValue()).isEqualTo(4.0);
    assertThat(cells).doesNotContainKey("canteen=yes");
    assertThat(results.json().getJsonObject("texts").getJsonArray("remarks").getString(0))
        .isEqualTo("多些蔬菜");

    var mine = Api.get(FT + "/" + id, "ft-member1");
    assertThat(mine.json().getBoolean("taken")).isTrue();
    try (Connection c = TestStack.database().connect()) {
      assertThat(
              count(
                  c,
                  "select count(*) from module_action where target_id = ? and actor = 'ft-member1'",
                  id))
          .isEqualTo(1);
    }
  }

  @Test
  void oneHundredParallelAttemptsByOneMemberStoreExactlyOneAnswer() throws Exception {
    String id = published(FT, "ft-admin", "并发测试", false);
    Api.token("ft-member2");
    var pool = Executors.newFixedThreadPool(20);
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<Integer>>();
    for (int i = 0; i < 100; i++) {
      Callable<Integer> attempt =
          () -> {
            start.await();
            return Api.post(
                    FT + "/" + id + "/actions/answer", "ft-member2", answer("yes", null, "3", null))
                .status();
          };
      futures.add(pool.submit(attempt));
    }
    start.countDown();
    var statuses = new HashMap<Integer, Integer>();
    for (Future<Integer> f : futures) {
      statuses.merge(f.get(), 1, Integer::sum);
    }
    pool.shutdown();
    assertThat(statuses).containsEntry(201, 1).containsEntry(409, 99);
    try (Connection c = TestStack.database().connect()) {
      assertThat(count(c, "select count(*) from module_action where target_id = ?", id))
          .isEqualTo(1);
      assertThat(count(c, "select count(*) from module_participation where target_id = ?", id))
          .isEqualTo(1);
      assertThat(
              count(
                  c,
                  "select cell_count from tally_cell where target_id = ? and cell_key = 'count'",
                  id))
          .isEqualTo(1);
    }
  }

  @Test
  void anAnonymousAnswerIsStoredWithNothingThatTiesItToTheMember() throws Exception {
    String id = published(FT, "ft-admin", "匿名调查", true);
    var answered =
        Api.post(
            FT + "/" + id + "/actions/answer", "ft-member3", answer("no", "fruit", "2", "保密意见"));
    assertThat(answered.status()).as(answered.raw()).isEqualTo(201);
    assertThat(answered.json().containsKey("id")).isFalse();

    try (Connection c = TestStack.database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select a.id, a.actor, a.acted_at, a.acted_on, a.payload::text, p.id, p.member"
                    + " from module_action a, module_participation p"
                    + " where a.target_id = ? and p.target_id = a.target_id")) {
      ps.setObject(1, UUID.fromString(id));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(2)).as("actor").isNull();
        assertThat(rs.getTimestamp(3)).as("time").isNull();
        assertThat(rs.getDate(4)).as("day").isNotNull();
        assertThat(rs.getString(5)).contains("保密意见").doesNotContain("ft-member3");
        assertThat(rs.getString(6)).isNotEqualTo(rs.getString(1));
        assertThat(rs.getString(7)).isEqualTo("ft-member3");
        assertThat(rs.next()).isFalse();
      }
      // No column of the answer holds the member or anything of the participation row but the
      // survey itself.
      try (ResultSet cols =
          c.createStatement()
              .executeQuery(
                  "select column_name from information_schema.columns"
                      + " where table_name = 'module_action' order by column_name")) {
        var names = new ArrayList<String>();
        while (cols.next()) {
          names.add(cols.getString(1));
        }
        assertThat(names)
            .containsExactlyInAnyOrder(
                "id",
                "tenant_id",
                "module",
                "target_id",
                "action_type",
                "actor",
                "acted_on",
                "acted_at",
                "payload");
      }
    }
  }

  @Test
  void anonymousResultsHideCellsUnderFiveRespondents() {
    String id = published(FT, "ft-admin", "匿名满意度", true);
    for (int i = 1; i <= 3; i++) {
      var a =
          Api.post(
              FT + "/" + id + "/actions/answer",
              "ft-member" + i,
              answer("yes", null, "5", "意见" + i));
      assertThat(a.status()).as(a.raw()).isEqualTo(201);
    }
    var few = Api.get(FT + "/" + id + "/tallies/results", "ft-admin").json();
    assertThat(few.getBoolean("hidden")).isTrue();
    assertThat(few.isNull("responses")).isTrue();
    assertThat(few.getJsonArray("cells")).isEmpty();
    assertThat(few.getJsonObject("texts")).isEmpty();

    for (int i = 4; i <= 6; i++) {
      var a =
          Api.post(
              FT + "/" + id + "/actions/answer",
              "ft-member" + i,
              answer(i == 6 ? "no" : "yes", null, "4", null));
      assertThat(a.status()).as(a.raw()).isEqualTo(201);
    }
    var enough = Api.get(FT + "/" + id + "/tallies/results", "ft-admin").json();
    assertThat(enough.getBoolean("hidden")).isFalse();
    assertThat(enough.getInt("responses")).isEqualTo(6);
    Map<String, JsonObject> cells = cells(enough.getJsonArray("cells"));
    assertThat(cells.get("canteen=yes").getInt("count")).isEqualTo(5);
    assertThat(cells).doesNotContainKey("canteen=no");
    assertThat(cells.get("score").getJsonNumber("average").doubleValue()).isEqualTo(4.5);

    var member = Api.get(FT + "/" + id + "/tallies/results", "ft-member1");
    assertThat(member.status()).as("live results for members").isEqualTo(200);
    assertThat(cells(member.json().getJsonArray("cells"))).doesNotContainKey("canteen=no");
  }

  @Test
  void anotherUnionsMembersNeitherSeeNorAnswerTheSurvey() throws Exception {
    String id = published(FT, "ft-admin", "福田区调查", false);
    long before = actions(id);
    for (String outsider : List.of("ns-member1", "hz-member1")) {
      var a = Api.post(FT + "/" + id + "/actions/answer", outsider, answer("yes", null, "5", null));
      assertThat(a.status()).as(outsider + " " + a.raw()).isEqualTo(404);
      assertThat(Api.get(FT + "/" + id, outsider).status()).isEqualTo(404);
      assertThat(ids((JsonArray) Api.get("/api/v1/items", outsider).body())).doesNotContain(id);
      assertThat(Api.get(FT + "/" + id + "/tallies/results", outsider).status()).isEqualTo(404);
    }
    assertThat(Api.get(FT + "/" + id + "/tallies/results", "ns-admin").status()).isEqualTo(404);
    assertThat(
            Api.post(FT, "ns-admin", survey("x", false, null, Instant.now().plusSeconds(60)))
                .status())
        .isEqualTo(404);
    assertThat(actions(id)).isEqualTo(before);
  }

  @Test
  void badAnswersAreFieldErrorsAndNothingIsStored() throws Exception {
    String id = published(FT, "ft-admin", "输入检查", false);
    var bad =
        Json.createObjectBuilder()
            .add(
                "values",
                Json.createObjectBuilder()
                    .add("canteen", "maybe")
                    .add(
                        "wishes", Json.createArrayBuilder().add("noodles").add("fruit").add("soup"))
                    .add("score", "9")
                    .add("remarks", "长".repeat(51))
                    .add("colour", "red"))
            .build();
    var refused = Api.post(FT + "/" + id + "/actions/answer", "ft-member4", bad);
    assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
    var codes = new HashMap<String, String>();
    refused
        .json()
        .getJsonArray("errors")
        .getValuesAs(JsonObject.class)
        .forEach(e -> codes.put(e.getString("field"), e.getString("code")));
    assertThat(codes)
        .containsEntry("canteen", "NOT_A_CHOICE")
        .containsEntry("wishes", "TOO_MANY_CHOICES")
        .containsEntry("score", "NOT_A_RATING")
        .containsEntry("remarks", "TOO_LONG")
        .containsEntry("colour", "UNKNOWN_FIELD");
    assertThat(actions(id)).isZero();

    var later =
        Api.post(
            FT,
            "ft-admin",
            survey(
                "未开始",
                false,
                Instant.now().plus(1, ChronoUnit.DAYS),
                Instant.now().plus(2, ChronoUnit.DAYS)));
    String laterId = later.json().getString("id");
    Api.post(FT + "/" + laterId + "/publish", "ft-admin", JsonValue.EMPTY_JSON_OBJECT);
    var early =
        Api.post(
            FT + "/" + laterId + "/actions/answer", "ft-member4", answer("yes", null, "5", null));
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.raw()).contains("NOT_YET_OPEN");

    var closed = Api.post(FT + "/" + id + "/close", "ft-admin", JsonValue.EMPTY_JSON_OBJECT);
    assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
    var tooLate =
        Api.post(FT + "/" + id + "/actions/answer", "ft-member4", answer("yes", null, "5", null));
    assertThat(tooLate.status()).isEqualTo(422);
    assertThat(tooLate.raw()).contains("CLOSED");
    assertThat(actions(id)).isZero();
    assertThat(actions(laterId)).isZero();
  }

  @Test
  void aBadSurveyIsRefusedWithEveryProblemAndQuestionsLockOnceAnswered() {
    var bad =
        Json.createObjectBuilder()
            .add("title", "")
            .add(
                "questions",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "q1")
                            .add("type", "DATE")
                            .add("label", "日期"))
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "q2")
                            .add("type", "CHOICE")
                            .add("label", "无选项")))
            .add("audience", "EVERYONE")
            .build();
    var refused = Api.post(FT, "ft-admin", bad);
    assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
    assertThat(refused.raw())
        .contains("\"title\"", "questions[0].type", "questions[1]", "\"audience\"");

    String id = published(FT, "ft-admin", "锁定问题", false);
    assertThat(
            Api.post(
                    FT + "/" + id + "/actions/answer", "ft-member5", answer("yes", null, "5", null))
                .status())
        .isEqualTo(201);
    var changed =
        Api.put(
            FT + "/" + id,
            "ft-admin",
            survey("锁定问题（改）", false, null, Instant.now().plus(3, ChronoUnit.DAYS))
                .entrySet()
                .stream()
                .filter(e -> !e.getKey().equals("questions"))
                .collect(
                    Json::createObjectBuilder,
                    (b, e) -> b.add(e.getKey(), e.getValue()),
                    (a, b) -> {})
                .add("questions", Json.createArrayBuilder())
                .build());
    assertThat(changed.status()).as(changed.raw()).isEqualTo(422);
    assertThat(changed.raw()).contains("QUESTIONS_LOCKED");
    var retitled =
        Api.put(
            FT + "/" + id,
            "ft-admin",
            survey("锁定问题（新标题）", false, null, Instant.now().plus(3, ChronoUnit.DAYS)));
    assertThat(retitled.status()).as(retitled.raw()).isEqualTo(200);
    assertThat(retitled.json().getString("title")).isEqualTo("锁定问题（新标题）");
    var anonymised =
        Api.put(
            FT + "/" + id,
            "ft-admin",
            survey("锁定问题（新标题）", true, null, Instant.now().plus(3, ChronoUnit.DAYS)));
    assertThat(anonymised.status()).as(anonymised.raw()).isEqualTo(422);
    assertThat(anonymised.raw()).contains("ANONYMITY_LOCKED");
  }

  @Test
  void aCityPushesASurveyToItsDistrictsAndComparesThemWithSmallDistrictsHidden() throws Exception {
    String id = published(SZ, "sz-admin", "全市职工满意度", true);
    var pushed = Api.post(SZ + "/" + id + "/push", "sz-admin", JsonValue.EMPTY_JSON_OBJECT);
    assertThat(pushed.status()).as(pushed.raw()).isEqualTo(200);
    Map<String, String> copies = new HashMap<>();
    ((JsonArray) pushed.body())
        .getValuesAs(JsonObject.class)
        .forEach(o -> copies.put(o.getString("tenant"), o.getString("id")));
    assertThat(copies).containsOnlyKeys("gd-sz-ft", "gd-sz-ns");

    var seen = ids((JsonArray) Api.get("/api/v1/items?module=survey", "ft-member1").body());
    assertThat(seen).contains(copies.get("gd-sz-ft")).doesNotContain(id, copies.get("gd-sz-ns"));
    assertThat(
            Api.post(
                    SZ + "/" + id + "/actions/answer", "ft-member1", answer("yes", null, "5", null))
                .status())
        .as("the original is not for a district with a copy")
        .isEqualTo(404);

    for (int i = 1; i <= 5; i++) {
      var a =
          Api.post(
              FT + "/" + copies.get("gd-sz-ft") + "/actions/answer",
              "ft-member" + i,
              answer("yes", null, "4", null));
      assertThat(a.status()).as(a.raw()).isEqualTo(201);
    }
    String ns = "/api/v1/tenants/gd-sz-ns/modules/survey/items/" + copies.get("gd-sz-ns");
    for (int i = 1; i <= 2; i++) {
      assertThat(
              Api.post(ns + "/actions/answer", "ns-member" + i, answer("no", null, "2", null))
                  .status())
          .isEqualTo(201);
    }

    var results = Api.get(SZ + "/" + id + "/tallies/results", "sz-admin");
    assertThat(results.status()).as(results.raw()).isEqualTo(200);
    assertThat(results.json().getInt("responses")).isEqualTo(7);
    Map<String, JsonObject> unions = new HashMap<>();
    results
        .json()
        .getJsonArray("unions")
        .getValuesAs(JsonObject.class)
        .forEach(u -> unions.put(u.getString("tenant"), u));
    assertThat(unions.get("gd-sz-ft").getInt("responses")).isEqualTo(5);
    assertThat(
            cells(unions.get("gd-sz-ft").getJsonArray("cells")).get("canteen=yes").getInt("count"))
        .isEqualTo(5);
    assertThat(unions.get("gd-sz-ns").getBoolean("hidden")).isTrue();
    assertThat(unions.get("gd-sz-ns").getJsonArray("cells")).isEmpty();
    assertThat(cells(results.json().getJsonArray("cells"))).doesNotContainKey("canteen=no");

    var district = Api.get(FT + "/" + copies.get("gd-sz-ft") + "/tallies/results", "ft-admin");
    assertThat(district.json().getInt("responses")).isEqualTo(5);
    assertThat(Api.get(SZ + "/" + id + "/tallies/results", "ft-admin").status()).isEqualTo(404);

    var xlsx = download(SZ + "/" + id + "/export?format=xlsx", "sz-admin");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    var csv = download(SZ + "/" + id + "/export?format=csv&what=answers", "sz-admin");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).contains("单位").doesNotContain("ft-member").doesNotContain("会员,");
    assertThat(text.lines().count()).isEqualTo(8);
  }

  static HttpResponse<byte[]> download(String path, String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(Api.APP + path))
                .header("Authorization", "Bearer " + Api.token(user))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  static List<String> ids(JsonArray items) {
    return items.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
  }

  static Map<String, JsonObject> cells(JsonArray cells) {
    var map = new HashMap<String, JsonObject>();
    cells.getValuesAs(JsonObject.class).forEach(c -> map.put(c.getString("key"), c));
    return map;
  }

  private static long actions(String id) throws Exception {
    try (Connection c = TestStack.database().connect()) {
      return count(c, "select count(*) from module_action where target_id = ?", id);
    }
  }

  private static long count(Connection c, String sql, String id) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, UUID.fromString(id));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
