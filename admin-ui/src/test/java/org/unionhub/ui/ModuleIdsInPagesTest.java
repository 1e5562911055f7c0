package org.unionhub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * No page, bean or template of the portal, staff pages or admin console names a module: every one
 * is rendered from the module's descriptor (issue 10). Module ids come from ServiceLoader (the
 * built-in modules are on this test's class path) and from a fixed list of those planned.
 */
class ModuleIdsInPagesTest {

  private static final Set<String> PLANNED =
      Set.of("enrollment", "survey", "suggestions", "consultation");

  static Set<String> moduleIds() {
    var ids = new TreeSet<>(PLANNED);
    ServiceLoader.load(ServiceModuleFactory.class).forEach(f -> ids.add(f.getId()));
    return ids;
  }

  @Test
  void theBuiltInModulesAreFound() {
    var found = new TreeSet<String>();
    ServiceLoader.load(ServiceModuleFactory.class).forEach(f -> found.add(f.getId()));
    assertThat(found).contains("enrollment", "survey");
  }

  @Test
  void noPageBeanOrTemplateNamesAModule() throws IOException {
    var offences = new ArrayList<String>();
    for (String id : moduleIds()) {
      // The id as a word of its own: in a URL, a string literal, an EL expression or a comment.
      Pattern word = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(id) + "(?![A-Za-z0-9_])");
      for (Path file : sources()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (word.matcher(lines.get(i)).find()) {
            offences.add(file + ":" + (i + 1) + " names '" + id + "': " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(offences).as("pages, beans and templates naming a module").isEmpty();
  }

  private static List<Path> sources() throws IOException {
    var files = new ArrayList<Path>();
    for (String root : List.of("src/main/java", "src/main/resources/META-INF/resources")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".xhtml"))
            .forEach(files::add);
      }
    }
    assertThat(files).as("admin-ui's sources").isNotEmpty();
    return files;
  }
}
