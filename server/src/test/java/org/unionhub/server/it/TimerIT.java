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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Durable timers on two WildFly nodes (node-a, node-b) sharing one PostgreSQL database: a timer
 * pending while the server is down fires once after it comes back, and with both nodes polling
 * every second each due timer fires exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TimerIT {

  private static final String NODE_A = "http://localhost:9280";
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

  @AfterEach
  void stopNodes() {
    for (String[] node : List.of(new String[] {"node-a", "a"}, new String[] {"node-b", "b"})) {
      if (controller.isStarted(node[0])) {
        deployer.undeploy(node[1]);
        controller.stop(node[0]);
      }
    }
  }

  @Test
  void aTimerPendingWhileTheServerIsDownFiresOnceAfterTheRestart() throws Exception {
    start("node-a", "a");
    String id = submit("restart");
    Instant fireAt = Instant.now().plusSeconds(20);
    UUID timer = replaceTimers(List.of(id), fireAt).get(0);

    deployer.undeploy("a");
    controller.stop("node-a");
    assertThat(firedBy(timer)).as("nothing fired while the server was going down").isNull();
    waitUntil(fireAt.plusSeconds(1));

    start("node-a", "a");
    awaitFired(List.of(timer), Duration.ofSeconds(60));

    assertThat(firedBy(timer)).isEqualTo("node-a");
    assertThat(escalations(id)).isEqualTo(1);
  }

  @Test
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
  }

  private void start(String container, String deployment) {
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

  private static void waitUntil(Instant instant) throws InterruptedException {
    long millis = Duration.between(Instant.now(), instant).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
