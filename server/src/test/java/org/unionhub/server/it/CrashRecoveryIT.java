package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A crash at full load on the embedded default: workers submit enrollments from several threads
 * with real tokens, staff approve what was acknowledged, a city admin publishes configuration
 * versions one after the other and finally pushes its configuration down to {@value #UNIONS}
 * grassroots unions that override it; then, with the push under way, WildFly and PostgreSQL are
 * both killed with SIGKILL, and {@code ./unionhub start} brings everything back. Every answer that
 * was 2xx must be there after the restart — each submission with its history and its deadline
 * timers, each transition, each published version — and nothing may be half written: no request
 * without its submit step or with the timers of a state it is not in, no configuration version
 * without its audit record or the reverse. The push resumes after the restart, ends {@code done},
 * names every union it reached, and reached each exactly once. Runs through the launcher on ports
 * shifted by 3000, in its own folders.
 */
class CrashRecoveryIT {

  private static final int SUBMITTERS = 4;
  private static final int UNIONS = 30;
  private static final List<String> WORKERS = List.of("worker1", "worker2", "worker3");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final Launcher launcher = new Launcher("crash", 3000);
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  /** Acknowledged submissions: id → the worker who submitted it. */
  private final Map<String, String> submitted = new ConcurrentHashMap<>();

  /** Acknowledged transitions: request id → the state the answer reported. */
  private final Map<String, String> acted = new ConcurrentHashMap<>();

  /** Acknowledged configuration versions of gd-sz's enrollment module. */
  private final Set<Integer> published = ConcurrentHashMap.newKeySet();

  private final LinkedBlockingQueue<String[]> toApprove = new LinkedBlockingQueue<>();
  private final AtomicBoolean crashed = new AtomicBoolean();
  private final AtomicInteger sequence = new AtomicInteger();

  CrashRecoveryIT() throws IOException {}

  @Test
  void everyAcknowledgedWriteSurvivesAKill9OfWildFlyAndPostgreSql() throws Exception {
    launcher.start("start-1.log");
    for (String user :
        List.of("worker1", "worker2", "worker3", "ft-staff", "sz-admin", "platform-admin")) {
      tokens.put(user, launcher.token(user));
    }
    List<String> unions = unionsThatOverrideTheMinimumAge();

    ExecutorService load = Executors.newFixedThreadPool(SUBMITTERS + 2);
    for (int i = 0; i < SUBMITTERS; i++) {
      String worker = WORKERS.get(i % WORKERS.size());
      load.submit(() -> loop(() -> submit(worker)));
    }
    load.submit(() -> loop(this::approve));
    load.submit(() -> loop(this::publish));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while ((submitted.size() < 100 || acted.size() < 10 || published.size() < 3)
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(submitted).as("load before the crash").hasSizeGreaterThanOrEqualTo(20);
    assertThat(published).as("publishes before the crash").isNotEmpty();
    var push =
        send(
            "POST",
            "/api/v1/tenants/gd-sz/modules/enrollment/push",
            "sz-admin",
            "{\"lock\":false}");
    assertThat(push.statusCode()).as(push.body()).isEqualTo(202);
    String job = json(push.body()).getString("id");
    Thread.sleep(300);

    // The crash: the application server and the database at once, mid-load and mid-push.
    launcher.kill9("wildfly", "postgresql");
    crashed.set(true);
    load.shutdown();
    assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.running().waitFor(120, TimeUnit.SECONDS))
        .as("./unionhub start notices and stops Keycloak")
        .isTrue();

    System.out.printf(
        "acknowledged before the kill: %d submissions, %d transitions, %d versions; push %s%n",
        submitted.size(), acted.size(), published.size(), job);

    launcher.start("start-2.log");
    try (Connection db = launcher.superuser()) {
      assertEveryAcknowledgedWriteIsThere(db);
      assertNothingIsHalfWritten(db);
    }
    assertThePushResumedAndReachedEveryUnionOnce(job, unions);
    var sample = new ArrayList<>(submitted.entrySet()).subList(0, 20);
    for (var e : sample) {
      assertThat(get("/api/v1/requests/" + e.getKey(), launcher.token(e.getValue())))
          .as("request %s through the API after the restart", e.getKey())
          .isEqualTo(200);
    }
  }

  @AfterEach
  void stop() throws Exception {
    launcher.stop("stop-final.log");
  }

  /** Grassroots unions under gd-sz-ft, each overriding the minimum age that gd-sz sets. */
  private List<String> unionsThatOverrideTheMinimumAge() throws Exception {
    var codes = new ArrayList<String>();
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    for (int i = 0; i < UNIONS; i++) {
      String code = "crash-" + run + "-" + i;
      var created =
          send(
              "POST",
              "/api/v1/tenants",
              "platform-admin",
              Json.createObjectBuilder()
                  .add("code", code)
                  .add("name", "压测工会" + i)
                  .add("level", "grassroots")
                  .add("parent", "gd-sz-ft")
                  .build()
                  .toString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String base = "/api/v1/tenants/" + code + "/modules/enrollment/";
      var draft =
          send(
              "PUT",
              base + "draft",
              "platform-admin",
              "{\"settings\":{\"minimumAge\":{\"value\":18}}}");
      assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
      var version = send("POST", base + "publish", "platform-admin", "{}");
      assertThat(version.statusCode()).as(version.body()).isEqualTo(201);
      codes.add(code);
    }
    return codes;
  }

  private void assertThePushResumedAndReachedEveryUnionOnce(String job, List<String> unions)
      throws Exception {
    JsonObject status = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      var answer = send("GET", "/api/v1/tenants/gd-sz/push-jobs/" + job, "sz-admin", "");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      status = json(answer.body());
      if (!status.getString("state").equals("running")) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(status.getString("state")).as(status.toString()).isEqualTo("done");
    assertThat(status.getInt("done")).isEqualTo(status.getInt("total"));
    assertThat(status.getJsonArray("reached").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsAll(unions);
    try (Connection db = launcher.superuser()) {
      for (String union : unions) {
        assertThat(
                count(
                    db,
                    "SELECT count(*) FROM config_version WHERE tenant_code = '"
                        + union
                        + "' AND note LIKE '%pushed down by gd-sz%'"))
            .as("versions the push published for %s", union)
            .isEqualTo(1);
        assertThat(
                strings(
                    db,
                    "SELECT document FROM config_version WHERE tenant_code = '"
                        + union
                        + "' ORDER BY number DESC LIMIT 1"))
            .as("%s no longer overrides the minimum age", union)
            .noneMatch(d -> d.contains("minimumAge"));
      }
    }
  }

  private void assertEveryAcknowledgedWriteIsThere(Connection db) throws SQLException {
    Set<String> requests = strings(db, "SELECT id::text FROM service_request");
    assertThat(requests).as("acknowledged submissions").containsAll(submitted.keySet());

    Set<String> approvals =
        strings(db, "SELECT request_id::text FROM request_transition WHERE action = 'approve'");
    assertThat(approvals).as("acknowledged transitions").containsAll(acted.keySet());
    for (var e : acted.entrySet()) {
      assertThat(strings(db, "SELECT state FROM service_request WHERE id = '" + e.getKey() + "'"))
          .containsExactly(e.getValue());
    }

    Set<String> versions =
        strings(
            db,
            "SELECT number::text FROM config_version"
                + " WHERE tenant_code = 'gd-sz' AND module = 'enrollment'");
    for (int v : published) {
      assertThat(versions).as("acknowledged version %s", v).contains(Integer.toString(v));
    }
  }

  private static void assertNothingIsHalfWritten(Connection db) throws SQLException {
    assertThat(
            count(
                db,
                "SELECT count(*) FROM service_request r WHERE NOT EXISTS (SELECT 1 FROM"
                    + " request_transition t WHERE t.request_id = r.id AND t.action = 'submit')"))
        .as("requests without their submit step")
        .isZero();
    assertThat(
            count(
                db,
                "SELECT count(*) FROM service_request r WHERE r.state NOT IN (SELECT t.to_state"
                    + " FROM request_transition t WHERE t.request_id = r.id)"))
        .as("requests in a state no transition led to")
        .isZero();
    assertThat(
            count(
                db,
                "SELECT count(*) FROM service_request r WHERE r.due_date IS NOT NULL AND (SELECT"
                    + " count(*) FROM request_timer t WHERE t.request_id = r.id AND t.kind ="
                    + " 'ESCALATE' AND t.fired_at IS NULL) <> 1"))
        .as("requests with a deadline but not exactly one pending escalation timer")
        .isZero();
    assertThat(
            count(
                db,
                "SELECT count(*) FROM request_timer t JOIN service_request r ON r.id ="
                    + " t.request_id WHERE t.fired_at IS NULL AND r.due_date IS NULL"))
        .as("pending timers of requests without a deadline")
        .isZero();
    assertThat(
            count(
                db,
                "SELECT count(*) FROM config_version v WHERE NOT EXISTS (SELECT 1 FROM"
                    + " audit_record a WHERE a.tenant_code = v.tenant_code AND a.subject ="
                    + " 'config:' || v.module AND a.after_json = v.document)"))
        .as("configuration versions (any union, any module) without their audit record")
        .isZero();
    assertThat(
            count(
                db,
                "SELECT count(*) FROM audit_record a WHERE a.tenant_code = 'gd-sz' AND"
                    + " a.subject = 'config:enrollment' AND a.action = 'publish'"))
        .as("one publish audit record per version")
        .isEqualTo(
            count(
                db,
                "SELECT count(*) FROM config_version WHERE tenant_code = 'gd-sz'"
                    + " AND module = 'enrollment'"));
  }

  // ------------------------------------------------------------------ the load

  private void loop(Step step) {
    while (!crashed.get()) {
      try {
        step.run();
      } catch (IOException e) {
        // The server is gone: what had no answer was never promised.
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void submit(String worker) throws IOException, InterruptedException {
    int n = sequence.incrementAndGet();
    String id = Api.idNumber(LocalDate.of(1990, 1, 1).plusDays(n / 1000), n);
    var answer =
        send(
            "POST",
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            worker,
            Api.enrollment("压测" + n, id).toString(),
            "Idempotency-Key",
            UUID.randomUUID().toString());
    if (answer.statusCode() == 201) {
      JsonObject json = json(answer.body());
      submitted.put(json.getString("id"), worker);
      if (n % 4 == 0) {
        toApprove.add(new String[] {json.getString("id"), json.get("version").toString()});
      }
    }
  }

  private void approve() throws IOException, InterruptedException {
    String[] next = toApprove.poll(200, TimeUnit.MILLISECONDS);
    if (next == null) {
      return;
    }
    var answer =
        send(
            "POST",
            "/api/v1/requests/" + next[0] + "/transitions",
            "ft-staff",
            "{\"action\":\"approve\",\"comment\":\"crash test\"}",
            "If-Match",
            "\"" + next[1] + "\"");
    if (answer.statusCode() / 100 == 2) {
      acted.put(next[0], json(answer.body()).getString("state"));
    }
  }

  private void publish() throws IOException, InterruptedException {
    int age = 16 + sequence.get() % 3;
    var draft =
        send(
            "PUT",
            "/api/v1/tenants/gd-sz/modules/enrollment/draft",
            "sz-admin",
            "{\"settings\":{\"minimumAge\":{\"value\":" + age + "}}}");
    if (draft.statusCode() / 100 != 2) {
      return;
    }
    var answer =
        send(
            "POST",
            "/api/v1/tenants/gd-sz/modules/enrollment/publish",
            "sz-admin",
            "{\"note\":\"crash test\"}");
    if (answer.statusCode() == 201) {
      published.add(json(answer.body()).getInt("version"));
    }
  }

  private HttpResponse<String> send(
      String method, String path, String user, String body, String... headers)
      throws IOException, InterruptedException {
    var builder =
        HttpRequest.newBuilder(URI.create(launcher.app + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + tokens.get(user))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int get(String path, String token) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(launcher.app + path))
            .header("Authorization", "Bearer " + token)
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static Set<String> strings(Connection db, String sql) throws SQLException {
    var result = new HashSet<String>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        result.add(r.getString(1));
      }
    }
    return result;
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws IOException, InterruptedException;
  }
}
