package org.unionhub.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unionhub.platform.fixture.Applicant;
import org.unionhub.platform.fixture.ApplicantModuleFactory;

/**
 * The corpus of hostile rule layers in {@code src/test/resources/hostile-drl}: every file must be
 * refused, with a problem on each line its author marked {@code // refused}. The layers in {@code
 * heavy-drl} are legal, so the sandbox accepts them; their evaluation must fail fast instead.
 */
class HostileDrlTest {

  private static final RuleSandbox SANDBOX =
      RuleSandbox.forModule(new ApplicantModuleFactory().descriptor());

  static Stream<Path> hostileLayers() {
    return layers("hostile-drl");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileLayers")
  void everyHostileLayerIsRefusedOnTheLinesItsAuthorMarked(Path file) {
    String layer = read(file);
    List<Integer> marked = markedLines(layer);
    assertThat(marked).as("the file marks the lines to refuse").isNotEmpty();

    List<RuleProblem> problems = SANDBOX.validate(layer);

    assertThat(problems).extracting(RuleProblem::line).containsAll(marked);
    assertThat(problems).allSatisfy(p -> assertThat(p.column()).isPositive());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileLayers")
  void noHostileLayerCanBeComposedIntoRunnableRules(Path file) {
    assertThatThrownBy(() -> SANDBOX.compose("org.unionhub.tenants.t1", read(file)))
        .isInstanceOf(RuleCompilationException.class);
  }

  @Test
  void theCorpusCoversEveryKindOfAttackTheSandboxPromisesToRefuse() {
    assertThat(hostileLayers().map(p -> p.getFileName().toString()))
        .contains(
            "system-exit.drl",
            "runtime-exec.drl",
            "process-builder.drl",
            "file-read.drl",
            "file-write.drl",
            "socket.drl",
            "url.drl",
            "class-forname.drl",
            "get-class-loader.drl",
            "method-invoke.drl",
            "class-loading.drl",
            "thread.drl",
            "infinite-for.drl",
            "while-true.drl",
            "insert-loop.drl",
            "function.drl",
            "declare.drl",
            "global-redefinition.drl",
            "query.drl",
            "eval.drl",
            "from-method-call.drl",
            "accumulate-expression.drl",
            "qualified-name-in-constraint.drl",
            "static-call-in-constraint.drl",
            "new-file.drl",
            "dialect-mvel.drl",
            "drools-runtime.drl",
            "kcontext.drl",
            "modify.drl",
            "update.drl",
            "retract.drl");
  }

  static Stream<Arguments> heavyLayers() {
    return Stream.of(
        Arguments.of("cartesian-join.drl", 60, "fact combinations"),
        Arguments.of("many-firings.drl", 150, "fired 10000 times"),
        Arguments.of("long-message.drl", 1, "at most 1000 are kept"));
  }

  @ParameterizedTest(name = "{0} over {1} applicants")
  @MethodSource("heavyLayers")
  void heavyButLegalLayersAreAcceptedAndTheirEvaluationFailsFast(
      String file, int applicants, String reason) {
    String layer = read(resources("heavy-drl").resolve(file));
    assertThat(SANDBOX.validate(layer)).isEmpty();
    String source = SANDBOX.compose("org.unionhub.tenants.heavy", layer);
    var engine = new RuleEngine();
    engine.kieBase(List.of(source));
    List<Object> facts =
        IntStream.range(0, applicants).<Object>mapToObj(HostileDrlTest::applicant).toList();

    long started = System.nanoTime();
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> engine.evaluate(List.of(source), facts))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining(reason));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(RuleEngine.DEFAULT_TIME_LIMIT);
  }

  private static Applicant applicant(int i) {
    return new Applicant(
        String.format("44030419900101%04d", i),
        LocalDate.of(1990, 1, 1),
        35,
        "female",
        "employee",
        "91440300192185379H",
        "gd-sz-ft");
  }

  private static List<Integer> markedLines(String layer) {
    var lines = new ArrayList<Integer>();
    List<String> all = layer.lines().toList();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).endsWith("// refused")) {
        lines.add(i + 1);
      }
    }
    return lines;
  }

  private static Stream<Path> layers(String folder) {
    try (Stream<Path> files = Files.list(resources(folder))) {
      return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resources(String folder) {
    try {
      return Path.of(HostileDrlTest.class.getResource("/" + folder).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
