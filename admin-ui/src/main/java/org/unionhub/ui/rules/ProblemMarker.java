package org.unionhub.ui.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.rules.RuleProblem;

/**
 * A problem to mark in the DRL editor: where (line and column from 1, 0 when unknown) and what.
 *
 * @param line the line, from 1; 0 when unknown
 * @param column the column, from 1; 0 when unknown
 * @param message what is wrong
 */
public record ProblemMarker(int line, int column, String message) implements Serializable {

  /**
   * Reads the problems a page passes to {@code uh:ruleEditor}: {@link RuleProblem}s (what {@code
   * RuleSandbox.validate} returns), markers, or maps with the keys {@code line}, {@code column} and
   * {@code message} (what a JSON answer of the REST API becomes). Anything else is shown with its
   * text at no position, rather than lost.
   *
   * @param problems the problems, or null
   * @return the markers, in the given order
   */
  public static List<ProblemMarker> of(Collection<?> problems) {
    var markers = new ArrayList<ProblemMarker>();
    if (problems == null) {
      return markers;
    }
    for (Object problem : problems) {
      if (problem instanceof ProblemMarker marker) {
        markers.add(marker);
      } else if (problem instanceof RuleProblem p) {
        markers.add(new ProblemMarker(p.line(), p.column(), p.message()));
      } else if (problem instanceof Map<?, ?> map) {
        markers.add(
            new ProblemMarker(
                number(map.get("line")),
                number(map.get("column")),
                String.valueOf(map.get("message"))));
      } else if (problem != null) {
        markers.add(new ProblemMarker(0, 0, problem.toString()));
      }
    }
    return markers;
  }

  /**
   * @param markers markers
   * @return them as a JSON array of {@code {"line", "column", "message"}} objects, for the editor's
   *     script
   */
  public static String toJson(List<ProblemMarker> markers) {
    var array = Json.createArrayBuilder();
    for (ProblemMarker marker : markers) {
      array.add(
          Json.createObjectBuilder()
              .add("line", marker.line())
              .add("column", marker.column())
              .add("message", marker.message() == null ? "" : marker.message()));
    }
    return array.build().toString();
  }

  private static int number(Object value) {
    if (value instanceof Number n) {
      return Math.max(n.intValue(), 0);
    }
    try {
      return value == null ? 0 : Math.max(Integer.parseInt(value.toString().strip()), 0);
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }
}
