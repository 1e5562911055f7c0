package org.unionhub.server.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The Keycloak the build unpacked and pre-built, started for the test run with the demo realm. */
final class KeycloakServer {

  static final int PORT = Integer.getInteger("unionhub.it.keycloak.port", 9180);

  private final Process process;

  private KeycloakServer(Process process) {
    this.process = process;
  }

  static String url() {
    return "http://localhost:" + PORT;
  }

  static KeycloakServer start(Path home, Path logs) {
    try {
      Files.createDirectories(logs);
      // A fresh realm database every run: a copy of the seed the build imported the demo realm
      // into.
      deleteTree(home.resolve("data/h2"));
      copyTree(home.resolve("seed/h2"), home.resolve("data/h2"));
    } catch (IOException e) {
      throw new IllegalStateException("could not prepare Keycloak at " + home + ": " + e, e);
    }
    return resume(home, logs, "keycloak.log");
  }

  /**
   * Starts Keycloak on the realm database it has: after {@link #stop()}, for tests of outages.
   *
   * @param home Keycloak's home
   * @param logs the log folder
   * @param log the log file's name
   * @return the running server
   */
  static KeycloakServer resume(Path home, Path logs, String log) {
    try {
      var command =
          List.of(
              home.resolve("bin/kc.sh").toString(),
              "start",
              "--optimized",
              "--http-enabled=true",
              "--http-port=" + PORT,
              "--hostname-strict=false");
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("JAVA_OPTS_APPEND", "-Xmx512m -XX:TieredStopAtLevel=1");
      builder.redirectOutput(logs.resolve(log).toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      var server = new KeycloakServer(builder.start());
      server.awaitReady(Duration.ofSeconds(180), logs.resolve(log));
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("could not start Keycloak from " + home + ": " + e, e);
    }
  }

  private void awaitReady(Duration timeout, Path log) {
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var probe =
        HttpRequest.newBuilder(
                URI.create(url() + "/realms/unionhub/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited during start-up; see " + log);
      }
      try {
        if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      sleep(1000);
    }
    stop();
    throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + log);
  }

  void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Files.copy(source, to.resolve(from.relativize(source).toString()));
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
