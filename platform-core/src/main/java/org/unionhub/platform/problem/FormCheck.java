package org.unionhub.platform.problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.unionhub.sdk.form.FieldProblem;
import org.unionhub.sdk.form.FormField;

/**
 * Checks values against a form: the same check for a request's form, an action's declared fields
 * and an item's questions, so every shape reports the same codes and messages.
 */
public final class FormCheck {

  private FormCheck() {}

  /**
   * Every problem of the values against the form: values for fields the form does not have, then
   * each field's own check.
   *
   * @param form the fields
   * @param values the values by field name
   * @param earlier problems already found; fields named there are not checked again, and they are
   *     part of the result
   * @return every problem, empty when the values fit the form
   */
  public static List<FieldError> problems(
      List<FormField> form, Map<String, String> values, List<FieldError> earlier) {
    var problems = new ArrayList<>(earlier);
    var checked = new HashSet<String>();
    earlier.forEach(p -> checked.add(p.field()));
    var names = new HashSet<String>();
    form.forEach(f -> names.add(f.name()));
    for (String field : values.keySet()) {
      if (!names.contains(field) && checked.add(field)) {
        problems.add(
            new FieldError(
                field, "UNKNOWN_FIELD", ProblemText.of("common.no-such-field-in-this-form")));
      }
    }
    for (FormField field : form) {
      if (checked.contains(field.name())) {
        continue;
      }
      FieldProblem problem = field.check(values.get(field.name()));
      if (problem != null) {
        problems.add(error(problem));
      }
    }
    return problems;
  }

  /**
   * @param problem a field's problem as the SDK reports it
   * @return the problem as the API reports it
   */
  public static FieldError error(FieldProblem problem) {
    return new FieldError(
        problem.field(),
        problem.code(),
        ProblemText.localized(problem.message().zh(), problem.message().en()));
  }

  /**
   * The values as stored: each stripped, empty ones left out.
   *
   * @param values the values as given
   * @return the values to keep
   */
  public static Map<String, String> stripped(Map<String, String> values) {
    var kept = new java.util.LinkedHashMap<String, String>();
    values.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            kept.put(k, v.strip());
          }
        });
    return kept;
  }
}
