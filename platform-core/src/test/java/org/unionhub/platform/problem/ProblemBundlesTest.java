package org.unionhub.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every problem text the code uses exists in zh-CN and English, each pattern is a valid {@link
 * MessageFormat} that keeps its apostrophes, and the API and pages render them by language.
 */
class ProblemBundlesTest {

  private static final Pattern KEY_USE =
      Pattern.compile(
          "(?:ProblemText\\.of|FieldError\\.of\\([^;]*?,[^;]*?,)\\s*\\(?\\s*\"([a-z][\\w.-]+)\"");

  static Properties load(String name) throws IOException {
    var properties = new Properties();
    try (InputStream in = ProblemText.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Properties zh = load("problems.properties");
    Properties en = load("problems_en.properties");
    assertThat(zh).isNotEmpty();
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
  }

  @Test
  void everyKeyTheCodeUsesHasATextInBothLanguages() throws IOException {
    Properties zh = load("problems.properties");
    Properties en = load("problems_en.properties");
    var used = new TreeSet<String>();
    for (Path file : ProblemLiteralsTest.javaFiles()) {
      var m = KEY_USE.matcher(ProblemLiteralsTest.withoutComments(Files.readString(file)));
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    assertThat(used).hasSizeGreaterThan(150);
    var missing = new ArrayList<String>();
    for (String key : used) {
      if (!zh.containsKey(key) || !en.containsKey(key)) {
        missing.add(key);
      }
    }
    assertThat(missing).as("keys without a text in problems(_en).properties").isEmpty();
    var unused = new TreeSet<>(zh.stringPropertyNames());
    unused.removeAll(used);
    assertThat(unused).as("texts no code uses").isEmpty();
  }

  @Test
  void everyPatternFormatsAndKeepsItsApostrophes() throws IOException {
    for (String name : new String[] {"problems.properties", "problems_en.properties"}) {
      Properties bundle = load(name);
      for (String key : bundle.stringPropertyNames()) {
        String pattern = bundle.getProperty(key);
        String text = new MessageFormat(pattern).format(new Object[] {"a", "b", "c", "d", "e"});
        assertThat(text).as(name + " " + key).isNotBlank();
        long quotes = pattern.chars().filter(c -> c == '\'').count();
        assertThat(quotes % 2).as(name + " " + key + ": write '' for an apostrophe").isZero();
      }
    }
  }

  @Test
  void rendersInTheReadersLanguageWithArguments() {
    var text = ProblemText.of("admin.name-must-be-at-most-characters", 1000);
    assertThat(text.in(Locale.ENGLISH)).isEqualTo("name must be at most 1000 characters");
    assertThat(text.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("工会名称最多 1000 个字");
    assertThat(text.in(Locale.forLanguageTag("en-GB"))).startsWith("name must");
    assertThat(text.in(Locale.FRENCH)).startsWith("工会名称");
    assertThat(text.bilingual()).isEqualTo("工会名称最多 1000 个字 (name must be at most 1000 characters)");
    assertThat(ProblemText.of("api.the-rules-failed-the-tenant-s").in(Locale.ENGLISH))
        .isEqualTo("the rules failed; the tenant's admins were told");
  }

  @Test
  void moduleAndWrittenTextsKeepTheirWords() {
    assertThat(ProblemText.localized("应为数字", "must be a number").in(Locale.ENGLISH))
        .isEqualTo("must be a number");
    assertThat(new FieldError("f", "UNDER_18", "未满18周岁").message(Locale.ENGLISH))
        .isEqualTo("未满18周岁");
    assertThat(FieldError.of("f", "REQUIRED", "people.name-is-required").message())
        .isEqualTo("请填写姓名");
  }
}
