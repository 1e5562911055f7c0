package org.unionhub.platform.problem;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of a problem, kept apart from the language they are read in: a key of the {@code
 * problems} message bundles with its arguments, rendered in zh-CN or English only where a person
 * reads it (the API's error writer by the request's {@code Accept-Language}, pages by the view's
 * locale). A use case never writes "中文 (English)" text itself; see ADR 0024.
 *
 * <p>Two other kinds exist for text that does not come from the bundles: {@link #localized} for
 * text a module declares in both languages (its form's messages), and {@link #literal} for text a
 * person wrote (a tenant's rule message), which reads the same in every language.
 */
public final class ProblemText {

  /** The bundles' base name: {@code problems.properties} (zh-CN) and {@code problems_en}. */
  public static final String BUNDLE = "org.unionhub.platform.problem.problems";

  /** The language of the platform when the reader states none it knows. */
  public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String key;
  private final List<String> args;
  private final String zh;
  private final String en;

  private ProblemText(String key, List<String> args, String zh, String en) {
    this.key = key;
    this.args = args;
    this.zh = zh;
    this.en = en;
  }

  /**
   * Text from the bundles.
   *
   * @param key the bundle key, for example {@code admin.code-is-required}
   * @param args the pattern's arguments {@code {0}}, {@code {1}}, ... (as their {@code toString})
   * @return the text
   */
  public static ProblemText of(String key, Object... args) {
    return new ProblemText(
        Objects.requireNonNull(key), Arrays.stream(args).map(String::valueOf).toList(), null, null);
  }

  /**
   * Text declared in both languages by a module.
   *
   * @param zh the Chinese text
   * @param en the English text
   * @return the text
   */
  public static ProblemText localized(String zh, String en) {
    return new ProblemText(null, List.of(), Objects.requireNonNull(zh), Objects.requireNonNull(en));
  }

  /**
   * Text a person wrote, shown as written in every language.
   *
   * @param text the text
   * @return the text
   */
  public static ProblemText literal(String text) {
    return new ProblemText(null, List.of(), text, text);
  }

  /**
   * @return the bundle key, or null for module or literal text
   */
  public String key() {
    return key;
  }

  /**
   * @return the arguments, as text
   */
  public List<String> args() {
    return args;
  }

  /**
   * @param locale the reader's language; English when its language is {@code en}, zh-CN otherwise
   * @return the text in that language
   */
  public String in(Locale locale) {
    boolean english = locale != null && "en".equals(locale.getLanguage());
    if (key == null) {
      return english ? en : zh;
    }
    return render(key, english ? Locale.ENGLISH : DEFAULT, args.toArray());
  }

  /**
   * Both languages in one string, for text that is stored (a history comment, a version's note) and
   * read later by people of either language.
   *
   * @return "中文 (English)"
   */
  public String bilingual() {
    String chinese = in(DEFAULT);
    String english = in(Locale.ENGLISH);
    return chinese.equals(english) ? chinese : chinese + " (" + english + ")";
  }

  /**
   * @param key a bundle key
   * @param locale {@link Locale#ENGLISH} or {@link #DEFAULT}
   * @param args the arguments
   * @return the bundle's pattern with the arguments; the key itself when the bundle lacks it (the
   *     bundle-completeness test keeps that from happening)
   */
  static String render(String key, Locale locale, Object[] args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** English, for logs and exception messages. */
  @Override
  public String toString() {
    return in(Locale.ENGLISH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProblemText t
        && Objects.equals(key, t.key)
        && args.equals(t.args)
        && Objects.equals(zh, t.zh)
        && Objects.equals(en, t.en);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, args, zh, en);
  }
}
