package org.unionhub.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.rules.RuleProblem;

class ProblemMarkerTest {

  @Test
  void sandboxProblemsMapsAndMarkersBecomeMarkers() {
    assertThat(
            ProblemMarker.of(
                Arrays.asList(
                    new RuleProblem(3, 7, "eval is not allowed"),
                    Map.of("line", 4, "column", "2", "message", "from the API"),
                    Map.of("line", "x", "message", "no place"),
                    new ProblemMarker(1, 1, "as is"),
                    null,
                    "something else")))
        .containsExactly(
            new ProblemMarker(3, 7, "eval is not allowed"),
            new ProblemMarker(4, 2, "from the API"),
            new ProblemMarker(0, 0, "no place"),
            new ProblemMarker(1, 1, "as is"),
            new ProblemMarker(0, 0, "something else"));
    assertThat(ProblemMarker.of(null)).isEmpty();
  }

  @Test
  void markersAreJsonForTheEditorsScriptWithTheirTextEscaped() {
    assertThat(
            ProblemMarker.toJson(
                List.of(
                    new ProblemMarker(2, 5, "a \"quote\" </script><b>"),
                    new ProblemMarker(0, 0, null))))
        .isEqualTo(
            "[{\"line\":2,\"column\":5,\"message\":\"a \\\"quote\\\" </script><b>\"},"
                + "{\"line\":0,\"column\":0,\"message\":\"\"}]");
  }

  @Test
  void everyEditorOnAPageHasItsOwnWidget() {
    assertThat(RuleEditorComponent.widgetVar("rules:layer-1:editor"))
        .isEqualTo("uhRuleEditor_rules_layer_1_editor");
  }
}
