package org.unionhub.platform.config;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.unionhub.platform.config.ConfigLayer.AddedField;
import org.unionhub.platform.config.ConfigLayer.FieldLayer;
import org.unionhub.platform.config.ConfigLayer.RuleLayer;
import org.unionhub.platform.config.ConfigLayer.SettingLayer;
import org.unionhub.platform.config.ConfigLayer.StepLayer;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.rules.RuleScenario;

/**
 * Reads and writes configuration layers as JSON, the form they take in the API, in storage and in
 * export files:
 *
 * <pre>{@code
 * {
 *   "enabled": true,
 *   "settings": {"minimumAge": {"value": 18, "min": 16, "max": 20}},
 *   "form": {"address": {"hidden": true},
 *            "mobile": {"label": {"zh": "联系电话", "en": "Phone"}, "order": 5},
 *            "wechat": {"add": {"type": "TEXT", "label": {"zh": "微信号", "en": "WeChat"},
 *                               "maxLength": 50}, "required": false}},
 *   "workflow": {"district-review": {"included": true, "role": "staff", "workingDays": 5,
 *                                    "min": 3, "max": 10}},
 *   "rules": {"drl": "rule ...", "decisionTable": {...}, "disable": ["enrollment.minimum-age"],
 *             "scenarios": [{"name": "15 is too young", "given": {"idNumber": "..."},
 *                            "expect": {"rejected": ["idNumber"]}}]},
 *   "locks": ["settings.minimumAge", "workflow.submitted", "rules.gd.retirement-age"]
 * }
 * }</pre>
 *
 * Reading reports every structural mistake with its path, so that an import or a draft shows all of
 * them at once.
 */
public final class ConfigLayerJson {

  private ConfigLayerJson() {}

  /**
   * A read layer and the mistakes found while reading it.
   *
   * @param layer the layer, with the faulty items left out
   * @param problems the mistakes, empty when the JSON was well formed
   */
  public record Read(ConfigLayer layer, List<ConfigProblem> problems) {}

  /**
   * @param text JSON text
   * @return the layer and mistakes
   */
  public static Read read(String text) {
    JsonObject json;
    try {
      JsonValue value = Json.createReader(new StringReader(text)).readValue();
      if (!(value instanceof JsonObject object)) {
        return new Read(
            ConfigLayer.EMPTY,
            List.of(
                ConfigProblem.of(
                    "", "NOT_AN_OBJECT", ProblemText.of("config.must-be-a-json-object"))));
      }
      json = object;
    } catch (jakarta.json.JsonException e) {
      return new Read(
          ConfigLayer.EMPTY,
          List.of(ConfigProblem.of("", "INVALID_JSON", ProblemText.of("config.not-valid-json"))));
    }
    return read(json);
  }

  /**
   * @param json a layer as JSON
   * @return the layer and mistakes
   */
  public static Read read(JsonObject json) {
    var reader = new Reader();
    ConfigLayer layer = reader.layer(json);
    return new Read(layer, List.copyOf(reader.problems));
  }

  /** Collects problems while reading. */
  private static final class Reader {
    final List<ConfigProblem> problems = new ArrayList<>();

    ConfigLayer layer(JsonObject json) {
      for (String key : json.keySet()) {
        if (!List.of("enabled", "settings", "form", "workflow", "rules", "locks").contains(key)) {
          problems.add(ConfigProblem.of(key, "UNKNOWN_KEY", ProblemText.of("config.unknown-key")));
        }
      }
      Boolean enabled = bool(json, "enabled", "enabled");
      var settings = new LinkedHashMap<String, SettingLayer>();
      for (var e : objectEntries(json, "settings", "settings").entrySet()) {
        String path = "settings." + e.getKey();
        JsonObject entry = asObject(e.getValue(), path);
        if (entry != null) {
          settings.put(
              e.getKey(),
              new SettingLayer(
                  scalarText(entry.get("value"), path + ".value"),
                  integer(entry, "min", path + ".min"),
                  integer(entry, "max", path + ".max")));
        }
      }
      var form = new LinkedHashMap<String, FieldLayer>();
      for (var e : objectEntries(json, "form", "form").entrySet()) {
        String path = "form." + e.getKey();
        JsonObject entry = asObject(e.getValue(), path);
        if (entry != null) {
          AddedField add = null;
          if (entry.containsKey("add")) {
            JsonObject a = asObject(entry.get("add"), path + ".add");
            if (a != null) {
              add = addedField(a, path + ".add");
            }
          }
          form.put(
              e.getKey(),
              new FieldLayer(
                  text(entry.get("label"), path + ".label"),
                  bool(entry, "hidden", path + ".hidden"),
                  bool(entry, "required", path + ".required"),
                  integer(entry, "order", path + ".order"),
                  add));
        }
      }
      var workflow = new LinkedHashMap<String, StepLayer>();
      for (var e : objectEntries(json, "workflow", "workflow").entrySet()) {
        String path = "workflow." + e.getKey();
        JsonObject entry = asObject(e.getValue(), path);
        if (entry != null) {
          workflow.put(
              e.getKey(),
              new StepLayer(
                  bool(entry, "included", path + ".included"),
                  string(entry, "role", path + ".role"),
                  integer(entry, "workingDays", path + ".workingDays"),
                  integer(entry, "min", path + ".min"),
                  integer(entry, "max", path + ".max")));
        }
      }
      RuleLayer rules = RuleLayer.EMPTY;
      if (json.containsKey("rules")) {
        JsonObject r = asObject(json.get("rules"), "rules");
        if (r != null) {
          rules = rules(r);
        }
      }
      return new ConfigLayer(
          enabled,
          settings,
          form,
          workflow,
          rules,
          new LinkedHashSet<>(strings(json, "locks", "locks")));
    }

    RuleLayer rules(JsonObject r) {
      String drl = string(r, "drl", "rules.drl");
      String table = null;
      if (r.containsKey("decisionTable") && r.get("decisionTable") != JsonValue.NULL) {
        table = r.get("decisionTable").toString();
      }
      var scenarios = new ArrayList<RuleScenario>();
      JsonValue list = r.get("scenarios");
      if (list != null && list != JsonValue.NULL) {
        if (!(list instanceof JsonArray array)) {
          problems.add(
              ConfigProblem.of(
                  "rules.scenarios", "NOT_A_LIST", ProblemText.of("common.must-be-a-list")));
        } else {
          for (int i = 0; i < array.size(); i++) {
            String path = "rules.scenarios[" + i + "]";
            JsonObject s = asObject(array.get(i), path);
            if (s != null) {
              scenarios.add(scenario(s, path));
            }
          }
        }
      }
      return new RuleLayer(drl, table, strings(r, "disable", "rules.disable"), scenarios);
    }

    RuleScenario scenario(JsonObject s, String path) {
      String name = string(s, "name", path + ".name");
      if (name == null || name.isBlank()) {
        problems.add(
            ConfigProblem.of(
                path + ".name", "REQUIRED", ProblemText.of("config.a-scenario-needs-a-name")));
      }
      var given = new LinkedHashMap<String, String>();
      for (var e : objectEntries(s, "given", path + ".given").entrySet()) {
        String value = scalarText(e.getValue(), path + ".given." + e.getKey());
        if (value != null) {
          given.put(e.getKey(), value);
        }
      }
      JsonObject expect =
          s.containsKey("expect") ? asObject(s.get("expect"), path + ".expect") : null;
      if (expect == null) {
        problems.add(
            ConfigProblem.of(
                path + ".expect",
                "REQUIRED",
                ProblemText.of("config.a-scenario-needs-an-expectation")));
        return new RuleScenario(name, given, null);
      }
      List<String> rejected =
          expect.containsKey("rejected")
              ? strings(expect, "rejected", path + ".expect.rejected")
              : null;
      if (expect.containsKey("accepted") && Boolean.TRUE.equals(bool(expect, "accepted", path))) {
        rejected = List.of();
      }
      return new RuleScenario(
          name,
          given,
          new RuleScenario.Expectation(
              rejected,
              bool(expect, "flagged", path + ".expect.flagged"),
              string(expect, "routeTo", path + ".expect.routeTo"),
              integer(expect, "dueInWorkingDays", path + ".expect.dueInWorkingDays")));
    }

    AddedField addedField(JsonObject a, String path) {
      FieldType type = null;
      String typeName = string(a, "type", path + ".type");
      if (typeName != null) {
        try {
          type = FieldType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
          problems.add(
              ConfigProblem.of(
                  path + ".type", "INVALID", ProblemText.of("config.unknown-field-type")));
        }
      }
      var choices = new ArrayList<Choice>();
      JsonValue list = a.get("choices");
      if (list instanceof JsonArray array) {
        for (int i = 0; i < array.size(); i++) {
          JsonObject c = asObject(array.get(i), path + ".choices[" + i + "]");
          if (c != null) {
            String value = string(c, "value", path + ".choices[" + i + "].value");
            LocalizedText label = text(c.get("label"), path + ".choices[" + i + "].label");
            if (value != null && label != null) {
              choices.add(new Choice(value, label));
            }
          }
        }
      }
      Integer maxLength = integer(a, "maxLength", path + ".maxLength");
      return new AddedField(
          type,
          text(a.get("label"), path + ".label"),
          maxLength == null ? 200 : maxLength,
          choices);
    }

    Map<String, JsonValue> objectEntries(JsonObject json, String key, String path) {
      JsonValue v = json.get(key);
      if (v == null || v == JsonValue.NULL) {
        return Map.of();
      }
      if (v instanceof JsonObject o) {
        return o;
      }
      problems.add(
          ConfigProblem.of(path, "NOT_AN_OBJECT", ProblemText.of("config.must-be-a-json-object")));
      return Map.of();
    }

    JsonObject asObject(JsonValue v, String path) {
      if (v instanceof JsonObject o) {
        return o;
      }
      problems.add(
          ConfigProblem.of(path, "NOT_AN_OBJECT", ProblemText.of("config.must-be-a-json-object")));
      return null;
    }

    Boolean bool(JsonObject json, String key, String path) {
      JsonValue v = json.get(key);
      if (v == null || v == JsonValue.NULL) {
        return null;
      }
      if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
        return v == JsonValue.TRUE;
      }
      problems.add(
          ConfigProblem.of(path, "NOT_A_BOOLEAN", ProblemText.of("common.must-be-true-or-false")));
      return null;
    }

    Integer integer(JsonObject json, String key, String path) {
      JsonValue v = json.get(key);
      if (v == null || v == JsonValue.NULL) {
        return null;
      }
      if (v instanceof JsonNumber n && n.isIntegral()) {
        try {
          return n.intValueExact();
        } catch (ArithmeticException e) {
          // falls through to the problem below
        }
      }
      problems.add(
          ConfigProblem.of(
              path, "NOT_AN_INTEGER", ProblemText.of("common.must-be-a-whole-number")));
      return null;
    }

    String string(JsonObject json, String key, String path) {
      JsonValue v = json.get(key);
      if (v == null || v == JsonValue.NULL) {
        return null;
      }
      if (v instanceof JsonString s) {
        return s.getString();
      }
      problems.add(ConfigProblem.of(path, "NOT_TEXT", ProblemText.of("common.must-be-a-string")));
      return null;
    }

    /** A setting value or a scenario input: text, a number or a boolean, kept as text. */
    String scalarText(JsonValue v, String path) {
      if (v == null || v == JsonValue.NULL) {
        return null;
      }
      if (v instanceof JsonString s) {
        return s.getString();
      }
      if (v instanceof JsonNumber || v == JsonValue.TRUE || v == JsonValue.FALSE) {
        return v.toString();
      }
      problems.add(
          ConfigProblem.of(path, "NOT_A_VALUE", ProblemText.of("config.must-be-text-a-number-or")));
      return null;
    }

    List<String> strings(JsonObject json, String key, String path) {
      JsonValue v = json.get(key);
      if (v == null || v == JsonValue.NULL) {
        return List.of();
      }
      if (!(v instanceof JsonArray array)) {
        problems.add(ConfigProblem.of(path, "NOT_A_LIST", ProblemText.of("common.must-be-a-list")));
        return List.of();
      }
      var result = new ArrayList<String>();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof JsonString s) {
          result.add(s.getString());
        } else {
          problems.add(
              ConfigProblem.of(
                  path + "[" + i + "]", "NOT_TEXT", ProblemText.of("common.must-be-a-string")));
        }
      }
      return result;
    }

    LocalizedText text(JsonValue v, String path) {
      if (v == null || v == JsonValue.NULL) {
        return null;
      }
      String zh = null;
      String en = null;
      if (v instanceof JsonString s) {
        zh = s.getString();
        en = zh;
      } else if (v instanceof JsonObject o) {
        zh = o.get("zh") instanceof JsonString s ? s.getString() : null;
        en = o.get("en") instanceof JsonString s ? s.getString() : null;
        if (en == null || en.isBlank()) {
          en = zh;
        }
      }
      if (zh == null || zh.isBlank()) {
        problems.add(
            ConfigProblem.of(path, "REQUIRED", ProblemText.of("config.the-label-cannot-be-empty")));
        return null;
      }
      return LocalizedText.of(zh.strip(), en.strip());
    }
  }

  /**
   * Writes a layer, leaving out what it does not set. Keys come out in a stable order so that two
   * equal layers give equal text.
   *
   * @param layer the layer
   * @return the JSON
   */
  public static JsonObject write(ConfigLayer layer) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (layer.enabled() != null) {
      b.add("enabled", layer.enabled());
    }
    if (!layer.settings().isEmpty()) {
      var settings = Json.createObjectBuilder();
      new TreeMap<>(layer.settings())
          .forEach(
              (k, s) -> {
                var e = Json.createObjectBuilder();
                if (s.value() != null) {
                  e.add("value", s.value());
                }
                addInt(e, "min", s.min());
                addInt(e, "max", s.max());
                settings.add(k, e);
              });
      b.add("settings", settings);
    }
    if (!layer.form().isEmpty()) {
      var form = Json.createObjectBuilder();
      new TreeMap<>(layer.form())
          .forEach(
              (k, f) -> {
                var e = Json.createObjectBuilder();
                if (f.label() != null) {
                  e.add("label", text(f.label()));
                }
                addBool(e, "hidden", f.hidden());
                addBool(e, "required", f.required());
                addInt(e, "order", f.order());
                if (f.add() != null) {
                  var a = Json.createObjectBuilder();
                  if (f.add().type() != null) {
                    a.add("type", f.add().type().name());
                  }
                  if (f.add().label() != null) {
                    a.add("label", text(f.add().label()));
                  }
                  a.add("maxLength", f.add().maxLength());
                  if (!f.add().choices().isEmpty()) {
                    var choices = Json.createArrayBuilder();
                    f.add()
                        .choices()
                        .forEach(
                            c ->
                                choices.add(
                                    Json.createObjectBuilder()
                                        .add("value", c.value())
                                        .add("label", text(c.label()))));
                    a.add("choices", choices);
                  }
                  e.add("add", a);
                }
                form.add(k, e);
              });
      b.add("form", form);
    }
    if (!layer.workflow().isEmpty()) {
      var workflow = Json.createObjectBuilder();
      new TreeMap<>(layer.workflow())
          .forEach(
              (k, s) -> {
                var e = Json.createObjectBuilder();
                addBool(e, "included", s.included());
                if (s.role() != null) {
                  e.add("role", s.role());
                }
                addInt(e, "workingDays", s.workingDays());
                addInt(e, "min", s.min());
                addInt(e, "max", s.max());
                workflow.add(k, e);
              });
      b.add("workflow", workflow);
    }
    if (!layer.rules().isEmpty()) {
      b.add("rules", writeRules(layer.rules()));
    }
    if (!layer.locks().isEmpty()) {
      var locks = Json.createArrayBuilder();
      layer.locks().forEach(locks::add);
      b.add("locks", locks);
    }
    return b.build();
  }

  /**
   * @param rules a rule layer
   * @return it as JSON
   */
  public static JsonObject writeRules(RuleLayer rules) {
    var r = Json.createObjectBuilder();
    if (rules.drl() != null) {
      r.add("drl", rules.drl());
    }
    if (rules.decisionTable() != null) {
      r.add(
          "decisionTable", Json.createReader(new StringReader(rules.decisionTable())).readValue());
    }
    if (!rules.disable().isEmpty()) {
      var d = Json.createArrayBuilder();
      rules.disable().forEach(d::add);
      r.add("disable", d);
    }
    if (!rules.scenarios().isEmpty()) {
      var list = Json.createArrayBuilder();
      rules.scenarios().forEach(s -> list.add(writeScenario(s)));
      r.add("scenarios", list);
    }
    return r.build();
  }

  /**
   * @param s a scenario
   * @return it as JSON
   */
  public static JsonObject writeScenario(RuleScenario s) {
    var given = Json.createObjectBuilder();
    new TreeMap<>(s.given()).forEach(given::add);
    var expect = Json.createObjectBuilder();
    if (s.expect() != null) {
      if (s.expect().rejectedFields() != null) {
        var rejected = Json.createArrayBuilder();
        s.expect().rejectedFields().forEach(rejected::add);
        expect.add("rejected", rejected);
      }
      addBool(expect, "flagged", s.expect().flagged());
      if (s.expect().routeTo() != null) {
        expect.add("routeTo", s.expect().routeTo());
      }
      addInt(expect, "dueInWorkingDays", s.expect().dueInWorkingDays());
    }
    return Json.createObjectBuilder()
        .add("name", s.name() == null ? "" : s.name())
        .add("given", given)
        .add("expect", expect)
        .build();
  }

  /**
   * Flattens a layer to item paths and values, the form a diff compares.
   *
   * @param layer a layer
   * @return value text by path, sorted by path
   */
  public static Map<String, String> flatten(ConfigLayer layer) {
    var flat = new TreeMap<String, String>();
    flatten("", write(layer), flat);
    return flat;
  }

  private static void flatten(String prefix, JsonValue value, Map<String, String> out) {
    if (value instanceof JsonObject o && !o.isEmpty() && !prefix.endsWith(".given")) {
      o.forEach((k, v) -> flatten(prefix.isEmpty() ? k : prefix + "." + k, v, out));
    } else if (value instanceof JsonString s) {
      out.put(prefix, s.getString());
    } else {
      out.put(prefix, value.toString());
    }
  }

  private static JsonObject text(LocalizedText t) {
    return Json.createObjectBuilder().add("zh", t.zh()).add("en", t.en()).build();
  }

  private static void addInt(JsonObjectBuilder b, String key, Integer value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  private static void addBool(JsonObjectBuilder b, String key, Boolean value) {
    if (value != null) {
      b.add(key, value);
    }
  }
}
