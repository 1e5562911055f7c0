package org.unionhub.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonFactoryTest {

  @Test
  void buildsAndReadsWithTheOneProvider() {
    var built = Json.createObjectBuilder().add("a", Json.createArrayBuilder().add(1)).build();
    try (var reader = Json.createReader(new StringReader(built.toString()))) {
      assertThat(reader.readObject()).isEqualTo(built);
    }
    assertThat(Json.PROVIDER).isSameAs(Json.PROVIDER);
  }

  /**
   * {@code jakarta.json.Json}'s factory methods look the provider up through the service loader on
   * every call, which dominated two profiles (ADR 18; survey results); platform code uses {@link
   * Json}.
   */
  @Test
  void noMainSourceUsesJakartaJsonFactoryMethods() throws IOException {
    // The modules deployed in the server (harnesses outside it may use jakarta.json.Json).
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> offenders = new java.util.ArrayList<>();
    int scanned = 0;
    for (String module : List.of("platform-core", "tenant-config", "admin-ui", "modules")) {
      try (Stream<Path> files = Files.walk(root.resolve(module))) {
        for (Path p :
            files
                .filter(f -> f.toString().endsWith(".java"))
                .filter(f -> f.toString().contains("/src/main/java/"))
                .filter(f -> !f.toString().contains("/org/unionhub/platform/json/"))
                .toList()) {
          scanned++;
          if (usesJakartaJson(p)) {
            offenders.add(root.relativize(p).toString());
          }
        }
      }
    }
    assertThat(scanned).as("sources scanned").isGreaterThan(100);
    assertThat(offenders).as("use org.unionhub.platform.json.Json instead").isEmpty();
  }

  private static boolean usesJakartaJson(Path file) {
    try {
      String text = Files.readString(file);
      return text.contains("import jakarta.json.Json;") || text.contains("jakarta.json.Json.");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
