package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./unionhub} run as a user runs it, on ports shifted by an offset and with its own run and
 * data folders under {@code target/it-logs/<name>}, so that it meets neither a developer's UnionHub
 * nor another test's.
 */
final class Launcher {

  static final Path ROOT =
      Path.of(System.getProperty("unionhub.it.root", "..")).toAbsolutePath().normalize();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final int offset;
  final Path work;
  final String app;
  final String keycloak;
  final int postgresPort;
  private Process running;

  Launcher(String name, int offset) throws IOException {
    this.offset = offset;
    this.work =
        Path.of(System.getProperty("unionhub.it.logs", "target/it-logs"))
            .resolve(name)
            .toAbsolutePath();
    this.app = "http://localhost:" + (8080 + offset);
    this.keycloak = "http://localhost:" + (8180 + offset);
    this.postgresPort = 8432 + offset;
    Files.createDirectories(work);
  }

  /** Runs {@code ./unionhub start} and waits until it says UnionHub is running. */
  Process start(String log) throws Exception {
    running = run("start", log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      String out = Files.readString(work.resolve(log));
      if (out.contains("UnionHub is running")) {
        assertThat(out).contains("worker1").contains(app);
        return running;
      }
      assertThat(running.isAlive()).as("./unionhub start exited early:\n" + out).isTrue();
      Thread.sleep(1000);
    }
    throw new AssertionError("./unionhub start not ready in 300 s:\n" + Files.readString(log(log)));
  }

  Path log(String name) {
    return work.resolve(name);
  }

  /** The process of the last {@code start}. */
  Process running() {
    return running;
  }

  /** Runs {@code ./unionhub stop} and waits for it and for the last {@code start} to end. */
  void stop(String log) throws Exception {
    run("stop", log).waitFor(120, TimeUnit.SECONDS);
    if (running != null) {
      running.waitFor(60, TimeUnit.SECONDS);
      running.destroyForcibly();
    }
  }

  Process run(String command, String log) throws IOException {
    var builder =
        new ProcessBuilder("bash", ROOT.resolve("unionhub").toString(), command)
            .directory(ROOT.toFile());
    builder.environment().put("UNIONHUB_PORT_OFFSET", Integer.toString(offset));
    builder.environment().put("UNIONHUB_RUN_DIR", work.resolve("run").toString());
    builder.environment().put("UNIONHUB_DATA_DIR", work.resolve("data").toString());
    builder.redirectErrorStream(true).redirectOutput(work.resolve(log).toFile());
    return builder.start();
  }

  /**
   * The process id a server's pid file names: {@code wildfly}, {@code keycloak}, {@code
   * postgresql}.
   */
  long pid(String server) throws IOException {
    return Long.parseLong(Files.readString(work.resolve("run/" + server + ".pid")).trim());
  }

  /** Kills servers and every process below them with SIGKILL at once, as a crash would. */
  void kill9(String... servers) throws Exception {
    // Every process is found before any is killed: once one server dies, the launcher stops the
    // others, and a server looked up after that would already be gone.
    var family = new java.util.ArrayList<ProcessHandle>();
    for (String server : servers) {
      var process = ProcessHandle.of(pid(server)).orElseThrow();
      family.add(process);
      process.descendants().forEach(family::add);
    }
    family.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : family) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  /** The embedded database's credentials file, as the launcher wrote it. */
  Properties credentials() throws IOException {
    var credentials = new Properties();
    try (Reader in = Files.newBufferedReader(work.resolve("data/postgresql.credentials"))) {
      credentials.load(in);
    }
    return credentials;
  }

  /** A connection to the embedded database as its superuser, which row-level security spares. */
  Connection superuser() throws IOException, SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + postgresPort + "/unionhub",
        "postgres",
        credentials().getProperty("pg_superuser_password"));
  }

  String token(String user) throws Exception {
    String form =
        "grant_type=password&client_id=unionhub-cli&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + Api.PASSWORD;
    var request =
        HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/unionhub/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return jakarta.json.Json.createReader(new StringReader(response.body()))
        .readObject()
        .getString("access_token");
  }
}
