package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./unionhub start} as a newcomer runs it: builds nothing that is up to date, starts
 * Keycloak and WildFly on H2, serves the API with real tokens, stops on {@code ./unionhub stop},
 * and keeps its data across a restart. Runs on ports shifted by 2000 and in its own folders, so a
 * developer's running UnionHub is not disturbed.
 */
class LauncherIT {

  private static final int OFFSET = 2000;
  private static final String APP = "http://localhost:" + (8080 + OFFSET);
  private static final String KEYCLOAK = "http://localhost:" + (8180 + OFFSET);
  private static final Path ROOT =
      Path.of(System.getProperty("unionhub.it.root", "..")).toAbsolutePath().normalize();
  private static final Path WORK =
      Path.of(System.getProperty("unionhub.it.logs", "target/it-logs")).resolve("launcher");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Process running;

  @Test
  void startsServesStopsAndKeepsDataAcrossARestart() throws Exception {
    Files.createDirectories(WORK);
    running = launcher("start", "start-1.log");
    awaitReady(running, WORK.resolve("start-1.log"));

    String id = submit();
    assertThat(status(APP + "/api/v1/requests/" + id, token("worker1"))).isEqualTo(200);

    assertThat(launcher("stop", "stop-1.log").waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(running.waitFor(90, TimeUnit.SECONDS)).as("start exits after stop").isTrue();
    assertThat(reachable(APP + "/")).isFalse();

    running = launcher("start", "start-2.log");
    awaitReady(running, WORK.resolve("start-2.log"));
    assertThat(status(APP + "/api/v1/requests/" + id, token("worker1")))
        .as("the request submitted before the restart is still there")
        .isEqualTo(200);
  }

  @AfterEach
  void stop() throws Exception {
    launcher("stop", "stop-final.log").waitFor(90, TimeUnit.SECONDS);
    if (running != null) {
      running.waitFor(30, TimeUnit.SECONDS);
      running.destroyForcibly();
    }
  }

  private static Process launcher(String command, String log) throws IOException {
    var builder =
        new ProcessBuilder("bash", ROOT.resolve("unionhub").toString(), command)
            .directory(ROOT.toFile());
    builder.environment().put("UNIONHUB_PORT_OFFSET", Integer.toString(OFFSET));
    builder.environment().put("UNIONHUB_RUN_DIR", WORK.resolve("run").toString());
    builder.environment().put("UNIONHUB_DATA_DIR", WORK.resolve("data").toString());
    builder.redirectErrorStream(true).redirectOutput(WORK.resolve(log).toFile());
    return builder.start();
  }

  private static void awaitReady(Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log);
      if (out.contains("UnionHub is running")) {
        assertThat(out).contains("worker1").contains(APP);
        return;
      }
      assertThat(process.isAlive()).as("./unionhub start exited early:\n" + out).isTrue();
      Thread.sleep(1000);
    }
    throw new AssertionError("./unionhub start not ready in 300 s:\n" + Files.readString(log));
  }

  private static String submit() throws Exception {
    String body =
        Api.enrollment("刘洋", Api.idNumber(LocalDate.now().minusYears(22), 901)).toString();
    var request =
        HttpRequest.newBuilder(
                URI.create(APP + "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests"))
            .header("Authorization", "Bearer " + token("worker1"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    var json =
        jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject();
    return json.getString("id");
  }

  private static String token(String user) throws Exception {
    String form =
        "grant_type=password&client_id=unionhub-cli&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + Api.PASSWORD;
    var request =
        HttpRequest.newBuilder(
                URI.create(KEYCLOAK + "/realms/unionhub/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return jakarta.json.Json.createReader(new java.io.StringReader(response.body()))
        .readObject()
        .getString("access_token");
  }

  private static int status(String url, String token) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static boolean reachable(String url) {
    try {
      HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
