package org.unionhub.platform.item;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;

/**
 * An item's questions as JSON, both ways: {@code [{"name","type","label","required","maxLength",
 * "choices":[{"value","label"}],"min","max","maxChoices","help"}]}. A label is a string (both
 * languages) or {@code {"zh","en"}}. Reading collects every problem with its path ({@code
 * questions[2].choices}) instead of stopping at the first.
 */
public final class QuestionJson {

  private QuestionJson() {}

  /**
   * @param json the stored questions
   * @return the fields
   */
  public static List<FormField> read(String json) {
    var problems = new ArrayList<FieldError>();
    List<FormField> fields =
        read(Json.createReader(new StringReader(json)).readArray(), "questions", problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("stored questions have problems: " + problems);
    }
    return fields;
  }

  /**
   * @param array questions as sent
   * @param path the path of the array in problems
   * @param problems where problems are added
   * @return the questions that could be read, possibly with definition problems of their own
   */
  public static List<FormField> read(JsonArray array, String path, List<FieldError> problems) {
    var fields = new ArrayList<FormField>();
    for (int i = 0; i < array.size(); i++) {
      String at = path + "[" + i + "]";
      if (!(array.get(i) instanceof JsonObject q)) {
        problems.add(
            new FieldError(at, "NOT_AN_OBJECT", ProblemText.of("common.must-be-an-object")));
        continue;
      }
      FieldType type;
      try {
        type = FieldType.valueOf(text(q, "type", "").toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldError(
                at + ".type", "UNKNOWN_TYPE", ProblemText.of("item.not-a-question-type")));
        continue;
      }
      var b = FormField.builder(text(q, "name", null), type);
      LocalizedText label = label(q.get("label"));
      if (label == null) {
        problems.add(
            new FieldError(at + ".label", "REQUIRED", ProblemText.of("item.the-question-s-text")));
        continue;
      }
      b.label(label);
      LocalizedText help = label(q.get("help"));
      if (help != null) {
        b.help(help);
      }
      b.required(!q.containsKey("required") || q.get("required") == JsonValue.TRUE);
      try {
        if (q.get("maxLength") instanceof JsonNumber n) {
          b.maxLength(n.intValueExact());
        }
        if (q.get("maxChoices") instanceof JsonNumber n) {
          b.maxChoices(n.intValueExact());
        }
        BigDecimal min = q.get("min") instanceof JsonNumber n ? n.bigDecimalValue() : null;
        BigDecimal max = q.get("max") instanceof JsonNumber n ? n.bigDecimalValue() : null;
        if (min != null || max != null) {
          b.bounds(min, max);
        }
      } catch (ArithmeticException e) {
        problems.add(
            new FieldError(
                at, "NOT_A_WHOLE_NUMBER", ProblemText.of("common.must-be-a-whole-number")));
        continue;
      }
      if (q.get("choices") instanceof JsonArray choices) {
        var list = new ArrayList<Choice>();
        for (int c = 0; c < choices.size(); c++) {
          if (choices.get(c) instanceof JsonObject choice
              && label(choice.get("label")) != null
              && choice.get("value") instanceof JsonString value) {
            list.add(new Choice(value.getString(), label(choice.get("label"))));
          } else {
            problems.add(
                new FieldError(
                    at + ".choices[" + c + "]",
                    "INVALID_CHOICE",
                    ProblemText.of("item.a-choice-needs-a-value-and")));
          }
        }
        b.choices(list);
      }
      FormField field = b.buildUnchecked();
      for (String problem : field.problems()) {
        problems.add(new FieldError(at, "INVALID_QUESTION", problem));
      }
      fields.add(field);
    }
    return fields;
  }

  /**
   * @param fields questions
   * @return their JSON
   */
  public static JsonArray write(List<FormField> fields) {
    var array = Json.createArrayBuilder();
    for (FormField f : fields) {
      var o =
          Json.createObjectBuilder()
              .add("name", f.name())
              .add("type", f.type().name())
              .add("label", text(f.label()))
              .add("required", f.required())
              .add("maxLength", f.maxLength());
      if (f.help() != null) {
        o.add("help", text(f.help()));
      }
      if (f.min() != null) {
        o.add("min", f.min());
      }
      if (f.max() != null) {
        o.add("max", f.max());
      }
      if (f.maxChoices() != null) {
        o.add("maxChoices", f.maxChoices());
      }
      if (!f.choices().isEmpty()) {
        var choices = Json.createArrayBuilder();
        f.choices()
            .forEach(
                c ->
                    choices.add(
                        Json.createObjectBuilder()
                            .add("value", c.value())
                            .add("label", text(c.label()))));
        o.add("choices", choices);
      }
      array.add(o);
    }
    return array.build();
  }

  static JsonObject text(LocalizedText t) {
    return Json.createObjectBuilder().add("zh", t.zh()).add("en", t.en()).build();
  }

  private static LocalizedText label(JsonValue value) {
    if (value instanceof JsonString s && !s.getString().isBlank()) {
      return LocalizedText.of(s.getString().strip(), s.getString().strip());
    }
    if (value instanceof JsonObject o) {
      String zh = text(o, "zh", "").strip();
      String en = text(o, "en", "").strip();
      if (zh.isEmpty() && en.isEmpty()) {
        return null;
      }
      return LocalizedText.of(zh.isEmpty() ? en : zh, en.isEmpty() ? zh : en);
    }
    return null;
  }

  private static String text(JsonObject o, String key, String fallback) {
    return o.get(key) instanceof JsonString s ? s.getString() : fallback;
  }
}
