package org.unionhub.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when platform code writes a problem's text inline as "中文 (English)" instead of a
 * key of the problems bundles (ADR 0024). {@code tools/problem-literals.py FILE.java} converts such
 * lines; modules keep declaring their texts with {@code LocalizedText}.
 */
class ProblemLiteralsTest {

  /** The runtime's sources: every module whose problems reach the API or the pages. */
  static final List<String> SOURCES =
      List.of(
          "platform-core/src/main/java", "tenant-config/src/main/java", "admin-ui/src/main/java");

  /** {@code "a" + x + "b"} becomes {@code "a{}b"}, so a concatenated text reads as one literal. */
  private static final Pattern JOINED =
      Pattern.compile("\"\\s*\\+\\s*(?:[^\";]{1,120}?\\s*\\+\\s*)?\"");

  private static final Pattern INLINE =
      Pattern.compile("\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\\s\\([A-Za-z{'][^\"\\n]*\\)\\s*\"");

  static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("platform-core")) ? here : here.getParent();
  }

  static List<Path> javaFiles() throws IOException {
    var files = new ArrayList<Path>();
    for (String dir : SOURCES) {
      Path base = root().resolve(dir);
      if (Files.isDirectory(base)) {
        try (Stream<Path> walk = Files.walk(base)) {
          walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
      }
    }
    return files;
  }

  /**
   * @param source Java source
   * @return the inline "中文 (English)" texts in it
   */
  static List<String> inlineTexts(String source) {
    String code = withoutComments(source);
    String joined = JOINED.matcher(code).replaceAll("{}");
    var found = new ArrayList<String>();
    var m = INLINE.matcher(joined);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /**
   * @param source Java source
   * @return the source without its comments; string and character literals kept as they are
   */
  static String withoutComments(String source) {
    var out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(j + 1, n);
        out.append(source, i, j);
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  @Test
  void noInlineChineseEnglishProblemTexts() throws IOException {
    List<Path> files = javaFiles();
    assertThat(files).hasSizeGreaterThan(100);
    var offenders = new ArrayList<String>();
    for (Path file : files) {
      for (String text : inlineTexts(Files.readString(file))) {
        offenders.add(root().relativize(file) + ": " + text);
      }
    }
    assertThat(offenders).as("convert with tools/problem-literals.py (ADR 0024)").isEmpty();
  }

  @Test
  void theCheckFindsOneLiteralAndAConcatenation() {
    assertThat(inlineTexts("x(new FieldError(\"f\", \"C\", \"请填写 (fill it in)\"));")).hasSize(1);
    assertThat(
            inlineTexts(
                "String m =\n    \"最多 \" + max\n        + \" 个字 (at most \" + max + \" characters)\";"))
        .hasSize(1);
    assertThat(inlineTexts("ProblemText.of(\"people.name-is-required\")")).isEmpty();
    assertThat(inlineTexts("// \"请填写 (fill it in)\"\nint x;")).isEmpty();
    assertThat(inlineTexts("List.of(\"姓名\", \"name\")")).isEmpty();
  }
}
