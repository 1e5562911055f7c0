package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./unionhub start} as a newcomer runs it: builds nothing that is up to date, starts the
 * embedded PostgreSQL, Keycloak and WildFly, serves the API with real tokens, stops all three on
 * {@code ./unionhub stop}, and keeps its data across a restart. The embedded database has the two
 * walls of production: the application connects as a role that owns nothing and cannot bypass
 * row-level security. Runs on ports shifted by 2000 and in its own folders, so a developer's
 * running UnionHub is not disturbed.
 */
class LauncherIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Launcher launcher = new Launcher("launcher", 2000);

  LauncherIT() throws IOException {}

  @Test
  void startsServesStopsAndKeepsDataAcrossARestart() throws Exception {
    launcher.start("start-1.log");
    assertThat(Files.readString(launcher.log("start-1.log"))).contains("embedded PostgreSQL");

    String id = submit();
    assertThat(status(launcher.app + "/api/v1/requests/" + id, launcher.token("worker1")))
        .isEqualTo(200);
    assertTheApplicationRoleIsBehindRowLevelSecurity(id);

    launcher.stop("stop-1.log");
    assertThat(launcher.running().isAlive()).as("start exits after stop").isFalse();
    assertThat(listening(8080 + launcher.offset)).isFalse();
    assertThat(listening(launcher.postgresPort)).as("PostgreSQL stopped too").isFalse();

    launcher.start("start-2.log");
    assertThat(status(launcher.app + "/api/v1/requests/" + id, launcher.token("worker1")))
        .as("the request submitted before the restart is still there")
        .isEqualTo(200);
  }

  @AfterEach
  void stop() throws Exception {
    launcher.stop("stop-final.log");
  }

  /**
   * As the superuser the request is there; as the application role, with the credentials the
   * launcher gave WildFly and no tenant scope set, it is not; and the role cannot turn that off.
   */
  private void assertTheApplicationRoleIsBehindRowLevelSecurity(String id) throws Exception {
    Properties credentials = launcher.credentials();
    String count = "SELECT count(*) FROM service_request WHERE id = '" + id + "'";
    try (Connection su = launcher.superuser();
        Connection app =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + launcher.postgresPort + "/unionhub",
                credentials.getProperty("pg_app"),
                credentials.getProperty("pg_app_password"))) {
      assertThat(single(su, count)).isEqualTo(1);
      assertThat(single(app, count)).as("no scope, no rows").isZero();
      assertThat(
              single(
                  su,
                  "SELECT count(*) FROM pg_roles WHERE rolname = '"
                      + credentials.getProperty("pg_app")
                      + "' AND NOT rolbypassrls AND NOT rolsuper"))
          .as("the application role is neither superuser nor allowed to bypass RLS")
          .isEqualTo(1);
      assertThat(
              single(
                  su,
                  "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                      + " WHERE c.relname = 'service_request' AND c.relrowsecurity"
                      + " AND c.relforcerowsecurity AND r.rolname = '"
                      + credentials.getProperty("pg_owner")
                      + "'"))
          .as("service_request: row-level security forced, owned by the schema owner")
          .isEqualTo(1);
      try (Statement s = app.createStatement()) {
        assertThatThrownBy(
                () -> s.execute("ALTER TABLE service_request DISABLE ROW LEVEL SECURITY"))
            .isInstanceOf(SQLException.class);
      }
    }
  }

  private static long single(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static boolean listening(int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String submit() throws Exception {
    String body =
        Api.enrollment("刘洋", Api.idNumber(LocalDate.now().minusYears(22), 901)).toString();
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    launcher.app + "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests"))
            .header("Authorization", "Bearer " + launcher.token("worker1"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return jakarta.json.Json.createReader(new java.io.StringReader(response.body()))
        .readObject()
        .getString("id");
  }

  private static int status(String url, String token) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
