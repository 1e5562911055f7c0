package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Durable timers on two WildFly nodes (node-a, node-b) sharing one PostgreSQL database: a timer
 * pending while the server is down fires once after it comes back, and with both nodes polling
 * every second each due timer fires exactly once. The same two nodes show that configuration and
 * rules published through one are in force on the other within two seconds, and that published
 * versions are numbered in commit order (ADR 27). Sessions across nodes need the clustered profile
 * and a load balancer: loadtest/scale.sh checks them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimerIT {

  private static final String NODE_A = "http://localhost:9280";
  private static final String NODE_B = "http://localhost:9380";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ArquillianResource ContainerController controller;
  @ArquillianResource Deployer deployer;

  @Deployment(name = "a", managed = false, testable = false)
  @TargetsContainer("node-a")
  static WebArchive onNodeA() {
    return Deployments.unionhub();
  }

  @Deployment(name = "b", managed = false, testable = false)
  @TargetsContainer("node-b")
  static WebArchive onNodeB() {
    return Deployments.unionhub();
  }

  /**
   * Set when a test ends well: the nodes it leaves running serve the next test (in the given order)
   * instead of being stopped and started again, which was most of this class's time. A test that
   * fails stops them, so the next one starts from fresh nodes. (Run alone, the first tests leave
   * their nodes to Arquillian, which stops every container it started at the end of the run.)
   */
  private boolean handOver;

  @AfterEach
  void stopNodes() {
    if (handOver) {
      return;
    }
    for (String[] node : List.of(new String[] {"node-a", "a"}, new String[] {"node-b", "b"})) {
      if (controller.isStarted(node[0])) {
        deployer.undeploy(node[1]);
        controller.stop(node[0]);
      }
    }
  }

  @Test
  @Order(1)
  void aTimerPendingWhileTheServerIsDownFiresOnceAfterTheRestart() throws Exception {
    start("node-a", "a");
    String id = submit("restart");
    String decided = submit("restart-decided");
    UUID timer = replaceTimers(List.of(id), Instant.now().plusSeconds(3600)).get(0);

    deployer.undeploy("a");
    controller.stop("node-a");
    assertThat(firedBy(timer)).as("not due while the node ran").isNull();
    // The escalation comes due while no node runs (moved, not waited for).
    makeDue(timer);
    // And a request as one decided before changelog 0028: approved, finished_at not marked.
    asDecidedBefore0028(decided);

    start("node-a", "a");
    awaitFired(List.of(timer), Duration.ofSeconds(60));

    assertThat(firedBy(timer)).isEqualTo("node-a");
    assertThat(escalations(id)).isEqualTo(1);
    assertThat(finishedAtItsLastUpdate(decided))
        .as(
            "marked by the start-up pass (node-a runs it in the background), then ready: the timer fired")
        .isTrue();
    handOver = true;
  }

  @Test
  @Order(2)
  void withTwoNodesPollingEachDueTimerFiresExactlyOnce() throws Exception {
    start("node-a", "a");
    start("node-b", "b");
    var ids = new ArrayList<String>();
    for (int i = 0; i < 40; i++) {
      ids.add(submit("cluster-" + i));
    }
    List<UUID> timers = replaceTimers(ids, Instant.now().minusSeconds(1));

    awaitFired(timers, Duration.ofSeconds(60));

    for (String id : ids) {
      assertThat(escalations(id)).as("escalations of request " + id).isEqualTo(1);
    }
    Map<String, Integer> byNode = firedPerNode(timers);
    assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
    System.out.println("timers fired per node: " + byNode);
    handOver = true;
  }

  @Test
  @Order(3)
  void withTwoNodesWhatOnePublishesIsInForceOnTheOtherWithinTwoSeconds() throws Exception {
    start("node-a", "a");
    start("node-b", "b");
    // Configuration: node-a has gd-sz-ft-001's effective configuration cached; node-b publishes.
    int before = minimumAge(NODE_A, "gd-sz-ft-001");
    int want = before == 18 ? 17 : 18;
    assertThat(
            call(
                "PUT",
                NODE_B + "/api/v1/tenants/gd-sz/modules/enrollment/draft",
                "sz-admin",
                "{\"settings\":{\"minimumAge\":{\"value\":" + want + "}}}"))
        .isEqualTo(200);
    assertThat(
            call(
                "POST",
                NODE_B + "/api/v1/tenants/gd-sz/modules/enrollment/publish",
                "sz-admin",
                "{\"note\":\"cluster\"}"))
        .isEqualTo(201);
    long published = System.nanoTime();
    while (minimumAge(NODE_A, "gd-sz-ft-001") != want) {
      assertThat(System.nanoTime() - published)
          .as("node-a shows the minimum age published through node-b")
          .isLessThan(Duration.ofSeconds(2).toNanos());
      Thread.sleep(50);
    }

    // Rules (KieBases): node-a compiles gd-sz-ft-001's rules as they are, node-b adds one.
    String dispatched = "dispatched";
    assertThat(submitAt(NODE_A, "cluster-before", dispatched)).isEqualTo(201);
    String drl =
        "rule \"it.refuse-dispatched\"\nwhen\n  Applicant( employmentType == \"dispatched\" )\n"
            + "then\n  actions.reject(\"employmentType\", \"IT_DISPATCHED\", \"不受理\");\nend\n";
    String rules =
        jakarta.json.Json.createObjectBuilder()
            .add("drl", drl)
            .add("scenarios", jakarta.json.Json.createArrayBuilder())
            .build()
            .toString();
    assertThat(
            call(
                "PUT",
                NODE_B + "/api/v1/tenants/gd-sz-ft/modules/enrollment/rules",
                "ft-admin",
                rules))
        .isEqualTo(200);
    assertThat(
            call(
                "POST",
                NODE_B + "/api/v1/tenants/gd-sz-ft/modules/enrollment/rules/publish",
                "ft-admin",
                "{}"))
        .isEqualTo(201);
    published = System.nanoTime();
    for (int i = 0; submitAt(NODE_A, "cluster-after-" + i, dispatched) != 422; i++) {
      assertThat(System.nanoTime() - published)
          .as("node-a refuses with the rule published through node-b")
          .isLessThan(Duration.ofSeconds(2).toNanos());
      Thread.sleep(50);
    }

    // Commit order: a version inserted while another publishing transaction is open waits for
    // it, and is numbered after it, so a node that has seen the later one never misses the
    // earlier (ids come from a sequence at insert and may commit out of order).
    try (Connection first = TestStack.timersDatabase().connect();
        Connection second = TestStack.timersDatabase().connect()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      long firstSeq = copyLatestVersion(first, "gd-sz");
      var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        var secondSeq = pool.submit(() -> copyLatestVersion(second, "gd-sz-ft"));
        Thread.sleep(500);
        assertThat(secondSeq.isDone()).as("the second insert waits for the first commit").isFalse();
        first.commit();
        long seq = secondSeq.get(10, java.util.concurrent.TimeUnit.SECONDS);
        second.commit();
        assertThat(seq).isGreaterThan(firstSeq);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static int minimumAge(String node, String tenant) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(node + "/api/v1/tenants/" + tenant + "/modules/enrollment"))
                .header("Authorization", "Bearer " + Api.token("sz-admin"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var effective =
        jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject();
    for (var setting :
        effective.getJsonArray("settings").getValuesAs(jakarta.json.JsonObject.class)) {
      if (setting.getString("key").equals("minimumAge")) {
        return Integer.parseInt(setting.getString("value"));
      }
    }
    throw new AssertionError("no minimumAge in " + effective);
  }

  private static int call(String method, String url, String user, String json) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + Api.token(user))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      System.out.println(method + " " + url + ": " + response.statusCode() + " " + response.body());
    }
    return response.statusCode();
  }

  private static int submitAt(String node, String tag, String employmentType) throws Exception {
    var body =
        jakarta.json.Json.createObjectBuilder(
                Api.enrollment(
                    "集群" + tag,
                    Api.idNumber(LocalDate.now().minusYears(30), tag.hashCode() & 0x3ff)))
            .build();
    var data =
        jakarta.json.Json.createObjectBuilder(body.getJsonObject("data"))
            .add("employmentType", employmentType);
    String json = jakarta.json.Json.createObjectBuilder(body).add("data", data).build().toString();
    var response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(node + "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests"))
                .header("Authorization", "Bearer " + Api.token("worker2"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  /** Inserts a copy of a tenant's latest enrollment version as the next one; its change_seq. */
  private static long copyLatestVersion(Connection c, String tenant) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into config_version (id, tenant_code, module, number, document, published_at,"
                + " published_by, note) select nextval('config_version_seq'), ?, module,"
                + " coalesce((select max(number) from config_version where tenant_code = ? and"
                + " module = 'enrollment'), 0) + 1, document, now(), 'timer-it', 'commit order'"
                + " from config_version where module = 'enrollment' and tenant_code = 'gd-sz'"
                + " order by number desc limit 1 returning change_seq")) {
      ps.setString(1, tenant);
      ps.setString(2, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  private void start(String container, String deployment) {
    if (controller.isStarted(container)) {
      return;
    }
    controller.start(container);
    deployer.deploy(deployment);
  }

  private static String submit(String tag) throws Exception {
    String body =
        Api.enrollment(
                "定时" + tag, Api.idNumber(LocalDate.now().minusYears(30), tag.hashCode() & 0x3ff))
            .toString();
    var request =
        HttpRequest.newBuilder(
                URI.create(NODE_A + "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests"))
            .header("Authorization", "Bearer " + Api.token("worker1"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return jakarta.json.Json.createReader(new java.io.StringReader(response.body()))
        .readObject()
        .getString("id");
  }

  /** Swaps the requests' real timers (days away) for one escalation each, due at {@code at}. */
  private static List<UUID> replaceTimers(List<String> requestIds, Instant at) throws Exception {
    var timers = new ArrayList<UUID>();
    try (Connection c = TestStack.timersDatabase().connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete =
              c.prepareStatement("delete from request_timer where request_id = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "insert into request_timer (id, request_id, tenant_id, kind, fire_at)"
                      + " values (?, ?, 'gd-sz-ft-001', 'ESCALATE', ?)")) {
        for (String id : requestIds) {
          delete.setObject(1, UUID.fromString(id));
          delete.executeUpdate();
          UUID timer = UUID.randomUUID();
          insert.setObject(1, timer);
          insert.setObject(2, UUID.fromString(id));
          insert.setTimestamp(3, Timestamp.from(at));
          insert.executeUpdate();
          timers.add(timer);
        }
      }
      c.commit();
    }
    return timers;
  }

  private static void asDecidedBefore0028(String requestId) throws Exception {
    try (Connection c = TestStack.timersDatabase().connect();
        PreparedStatement timers =
            c.prepareStatement("delete from request_timer where request_id = ?");
        PreparedStatement request =
            c.prepareStatement(
                "update service_request set state = 'approved', finished_at = null where id = ?")) {
      timers.setObject(1, UUID.fromString(requestId));
      timers.executeUpdate();
      request.setObject(1, UUID.fromString(requestId));
      assertThat(request.executeUpdate()).isEqualTo(1);
    }
  }

  private static boolean finishedAtItsLastUpdate(String requestId) throws Exception {
    try (Connection c = TestStack.timersDatabase().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select finished_at is not null and finished_at = updated_at from service_request"
                    + " where id = ?")) {
      ps.setObject(1, UUID.fromString(requestId));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getBoolean(1);
      }
    }
  }

  private static void makeDue(UUID timer) throws Exception {
    try (Connection c = TestStack.timersDatabase().connect();
        PreparedStatement ps =
            c.prepareStatement("update request_timer set fire_at = ? where id = ?")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
      ps.setObject(2, timer);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static void awaitFired(List<UUID> timers, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (firedPerNode(timers).values().stream().mapToInt(Integer::intValue).sum()
          == timers.size()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "timers not all fired within " + timeout + ": " + firedPerNode(timers));
  }

  private static Map<String, Integer> firedPerNode(List<UUID> timers) throws Exception {
    var result = new HashMap<String, Integer>();
    for (UUID timer : timers) {
      String node = firedBy(timer);
      if (node != null) {
        result.merge(node, 1, Integer::sum);
      }
    }
    return result;
  }

  private static String firedBy(UUID timer) throws Exception {
    try (Connection c = TestStack.timersDatabase().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select fired_by from request_timer where id = ? and fired_at is not null")) {
      ps.setObject(1, timer);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static int escalations(String requestId) throws Exception {
    try (Connection c = TestStack.timersDatabase().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from request_transition where request_id = ? and action = 'escalate'")) {
      ps.setObject(1, UUID.fromString(requestId));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
