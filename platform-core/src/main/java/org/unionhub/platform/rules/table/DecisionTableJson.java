package org.unionhub.platform.rules.table;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.rules.table.TableProblem.Code;

/**
 * The JSON form of a decision table, as the REST API and the admin console exchange it:
 *
 * <pre>{@code
 * {"decisionTable": {
 *   "name": "gd-sz.minimum-age",
 *   "factType": "Applicant",
 *   "hitPolicy": "first",
 *   "conditions": [
 *     {"id": "age", "property": "age", "operator": "<"},
 *     {"id": "type", "property": "employmentType", "operator": "in"}
 *   ],
 *   "actions": [
 *     {"id": "reject", "action": "reject"},
 *     {"id": "due", "action": "dueInWorkingDays"}
 *   ],
 *   "rows": [
 *     {"name": "under-16",
 *      "when": {"age": "16"},
 *      "then": {"reject": {"field": "idNumber", "code": "UNDER_16", "message": "未满16周岁"}}},
 *     {"when": {"age": "18", "type": ["dispatched", "flexible"]},
 *      "then": {"due": {"workingDays": "10"}}}
 *   ]
 * }}
 * }</pre>
 *
 * <ul>
 *   <li>{@code name} (the prefix of the rules' names) and {@code factType} (a simple name) are
 *       required; {@code hitPolicy} is {@code all} (the default) or {@code first}.
 *   <li>A column's {@code id} is its key in rows and in problems; it defaults to the property
 *       (conditions) or the action (actions). {@code operator} is one of {@code == != < <= > >=
 *       in}, {@code not in}, {@code is empty}, {@code is not empty}. {@code action} is a method of
 *       the action API; its parameters are named as in the API ({@code reject}: {@code field},
 *       {@code code}, {@code message}; {@code dueInWorkingDays}: {@code workingDays}; {@code
 *       routeTo}: {@code tenantCode}; {@code flagForReview}: {@code reason}).
 *   <li>Row {@code n} (from 1) becomes the rule {@code "<name>.<n>"}, or {@code "<name>.<row
 *       name>"}. {@code when} holds condition cells by column id: a value, or an array of values
 *       for {@code in} and {@code not in}, or {@code true}/{@code false} for {@code is empty} and
 *       {@code is not empty}; a missing, null or blank cell matches anything. {@code then} holds
 *       action cells by column id: arguments by parameter name; a missing cell, or one whose
 *       arguments are all blank, does not call the action.
 *   <li>Values are strings as the author typed them (numbers, booleans and dates {@code yyyy-MM-dd}
 *       are parsed when the table is validated); JSON numbers and booleans are accepted and read as
 *       their text.
 * </ul>
 *
 * <p>Unknown keys are refused rather than ignored, so that a misspelt one is noticed. Reading
 * reports problems of shape only (a missing object, a value of the wrong JSON type); whether the
 * names and values make sense is {@link DecisionTableValidator}'s to say. Problems are written as
 * {@code {"row": 3, "column": "age", "code": "NOT_A_NUMBER", "message": "..."}}, with {@code row},
 * {@code column} and {@code field} left out when they do not apply.
 */
public final class DecisionTableJson {

  /** The key of the object that holds the table. */
  public static final String ROOT = "decisionTable";

  private static final Set<String> TABLE_KEYS =
      Set.of("name", "factType", "hitPolicy", "conditions", "actions", "rows");
  private static final Set<String> CONDITION_KEYS = Set.of("id", "property", "operator");
  private static final Set<String> ACTION_KEYS = Set.of("id", "action");
  private static final Set<String> ROW_KEYS = Set.of("name", "when", "then");

  private final List<TableProblem> problems = new ArrayList<>();

  private DecisionTableJson() {}

  /**
   * Reads a table from JSON text.
   *
   * @param json the text, an object with the key {@value #ROOT}
   * @return the table
   * @throws DecisionTableException when the text is no JSON or has the wrong shape
   */
  public static DecisionTable read(String json) {
    JsonObject object;
    try (var reader = Json.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException notAnObject) {
      throw new DecisionTableException(
          List.of(
              TableProblem.ofTable(
                  null, Code.BAD_JSON, "not a JSON object: " + notAnObject.getMessage())));
    }
    return read(object);
  }

  /**
   * Reads a table.
   *
   * @param json an object with the key {@value #ROOT}
   * @return the table
   * @throws DecisionTableException when the object has the wrong shape
   */
  public static DecisionTable read(JsonObject json) {
    var reader = new DecisionTableJson();
    DecisionTable table = reader.table(json);
    if (!reader.problems.isEmpty()) {
      throw new DecisionTableException(reader.problems);
    }
    return table;
  }

  /**
   * Writes a table. Reading what is written gives an equal table, except that blank cells are left
   * out.
   *
   * @param table the table
   * @return an object with the key {@value #ROOT}
   */
  public static JsonObject write(DecisionTable table) {
    var body = Json.createObjectBuilder();
    addIfPresent(body, "name", table.name());
    addIfPresent(body, "factType", table.factType());
    body.add("hitPolicy", table.hitPolicy().jsonName());
    var conditions = Json.createArrayBuilder();
    var listColumns = new HashSet<String>();
    for (ConditionColumn column : table.conditions()) {
      var c = Json.createObjectBuilder();
      addIfPresent(c, "id", column.id());
      addIfPresent(c, "property", column.property());
      addIfPresent(c, "operator", column.operator());
      conditions.add(c);
      if (Operator.ofSymbol(column.operator()).map(Operator::takesList).orElse(false)) {
        listColumns.add(column.id());
      }
    }
    body.add("conditions", conditions);
    var actions = Json.createArrayBuilder();
    for (ActionColumn column : table.actions()) {
      var a = Json.createObjectBuilder();
      addIfPresent(a, "id", column.id());
      addIfPresent(a, "action", column.action());
      actions.add(a);
    }
    body.add("actions", actions);
    var rows = Json.createArrayBuilder();
    for (TableRow row : table.rows()) {
      var r = Json.createObjectBuilder();
      if (row.name() != null && !row.name().isBlank()) {
        r.add("name", row.name());
      }
      var when = Json.createObjectBuilder();
      row.when()
          .forEach(
              (column, values) -> {
                List<String> filled = values.stream().filter(v -> !v.isBlank()).toList();
                if (filled.size() == 1 && !listColumns.contains(column)) {
                  when.add(column, filled.get(0));
                } else if (!filled.isEmpty()) {
                  JsonArrayBuilder array = Json.createArrayBuilder();
                  filled.forEach(array::add);
                  when.add(column, array);
                }
              });
      r.add("when", when);
      var then = Json.createObjectBuilder();
      row.then()
          .forEach(
              (column, arguments) -> {
                var cell = Json.createObjectBuilder();
                arguments.forEach(
                    (parameter, value) -> {
                      if (value != null && !value.isBlank()) {
                        cell.add(parameter, value);
                      }
                    });
                JsonObject built = cell.build();
                if (!built.isEmpty()) {
                  then.add(column, built);
                }
              });
      r.add("then", then);
      rows.add(r);
    }
    body.add("rows", rows);
    return Json.createObjectBuilder().add(ROOT, body).build();
  }

  /**
   * @param problems problems of a table
   * @return them as a JSON array, for an API's error response
   */
  public static JsonArray problems(List<TableProblem> problems) {
    var array = Json.createArrayBuilder();
    for (TableProblem problem : problems) {
      var p = Json.createObjectBuilder();
      if (problem.row() > 0) {
        p.add("row", problem.row());
      }
      addIfPresent(p, "column", problem.column());
      addIfPresent(p, "field", problem.field());
      p.add("code", problem.code().name());
      p.add("message", problem.message());
      array.add(p);
    }
    return array.build();
  }

  private static void addIfPresent(JsonObjectBuilder builder, String key, String value) {
    if (value != null) {
      builder.add(key, value);
    }
  }

  // ---- reading

  private DecisionTable table(JsonObject json) {
    JsonObject body = object(json.get(ROOT), ROOT);
    if (body == null) {
      if (!json.containsKey(ROOT)) {
        problem(0, ROOT, "expected an object with the key \"" + ROOT + "\"");
      }
      return null;
    }
    unknownKeys(body, TABLE_KEYS, 0, ROOT);
    String name = text(body.get("name"), 0, "name");
    String factType = text(body.get("factType"), 0, "factType");
    HitPolicy policy = HitPolicy.ALL;
    String policyName = text(body.get("hitPolicy"), 0, "hitPolicy");
    if (policyName != null) {
      policy = HitPolicy.ofJsonName(policyName).orElse(null);
      if (policy == null) {
        problem(
            0, "hitPolicy", "the hit policy is \"all\" or \"first\", not \"" + policyName + "\"");
      }
    }
    var conditions = new ArrayList<ConditionColumn>();
    List<JsonObject> conditionObjects = objects(body.get("conditions"), "conditions");
    for (int i = 0; i < conditionObjects.size(); i++) {
      JsonObject c = conditionObjects.get(i);
      String path = "conditions[" + i + "]";
      unknownKeys(c, CONDITION_KEYS, 0, path);
      String property = text(c.get("property"), 0, path + ".property");
      String id = text(c.get("id"), 0, path + ".id");
      conditions.add(
          new ConditionColumn(
              id == null ? property : id,
              property,
              text(c.get("operator"), 0, path + ".operator")));
    }
    var actions = new ArrayList<ActionColumn>();
    List<JsonObject> actionObjects = objects(body.get("actions"), "actions");
    for (int i = 0; i < actionObjects.size(); i++) {
      JsonObject a = actionObjects.get(i);
      String path = "actions[" + i + "]";
      unknownKeys(a, ACTION_KEYS, 0, path);
      String action = text(a.get("action"), 0, path + ".action");
      String id = text(a.get("id"), 0, path + ".id");
      actions.add(new ActionColumn(id == null ? action : id, action));
    }
    var rows = new ArrayList<TableRow>();
    List<JsonObject> rowObjects = objects(body.get("rows"), "rows");
    for (int i = 0; i < rowObjects.size(); i++) {
      rows.add(row(rowObjects.get(i), i + 1));
    }
    return new DecisionTable(name, factType, policy, conditions, actions, rows);
  }

  private TableRow row(JsonObject json, int n) {
    unknownKeys(json, ROW_KEYS, n, null);
    String name = text(json.get("name"), n, "name");
    var when = new LinkedHashMap<String, List<String>>();
    JsonObject conditions = object(json.get("when"), "when", n);
    if (conditions != null) {
      conditions.forEach((column, value) -> when.put(column, values(value, n, column)));
    }
    var then = new LinkedHashMap<String, Map<String, String>>();
    JsonObject actions = object(json.get("then"), "then", n);
    if (actions != null) {
      actions.forEach(
          (column, value) -> {
            var arguments = new LinkedHashMap<String, String>();
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
              value
                  .asJsonObject()
                  .forEach(
                      (parameter, argument) -> {
                        String text = scalar(argument);
                        if (text == null && argument.getValueType() != JsonValue.ValueType.NULL) {
                          problems.add(
                              TableProblem.ofRow(
                                  n,
                                  column,
                                  parameter,
                                  Code.BAD_JSON,
                                  "an argument is a string, number or boolean"));
                        }
                        arguments.put(parameter, text == null ? "" : text);
                      });
            } else if (value.getValueType() != JsonValue.ValueType.NULL) {
              problems.add(
                  TableProblem.ofRow(
                      n,
                      column,
                      null,
                      Code.BAD_JSON,
                      "an action cell is an object of arguments by parameter name"));
            }
            then.put(column, arguments);
          });
    }
    return new TableRow(name, when, then);
  }

  private List<String> values(JsonValue value, int row, String column) {
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      var values = new ArrayList<String>();
      for (JsonValue element : value.asJsonArray()) {
        String text = scalar(element);
        if (text == null && element.getValueType() != JsonValue.ValueType.NULL) {
          problems.add(
              TableProblem.ofRow(
                  row, column, null, Code.BAD_JSON, "a list holds strings, numbers or booleans"));
        } else if (text != null) {
          values.add(text);
        }
      }
      return values;
    }
    String text = scalar(value);
    if (text == null && value.getValueType() != JsonValue.ValueType.NULL) {
      problems.add(
          TableProblem.ofRow(
              row,
              column,
              null,
              Code.BAD_JSON,
              "a condition cell is a string, number, boolean or a list of them"));
    }
    return text == null ? List.of() : List.of(text);
  }

  /** The text of a string, number or boolean; null for anything else. */
  private static String scalar(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).toString();
      case TRUE -> "true";
      case FALSE -> "false";
      default -> null;
    };
  }

  private String text(JsonValue value, int row, String field) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      problem(row, field, "expected a string");
      return null;
    }
    return ((JsonString) value).getString();
  }

  private JsonObject object(JsonValue value, String field) {
    return object(value, field, 0);
  }

  private JsonObject object(JsonValue value, String field, int row) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      problem(row, field, "expected an object");
      return null;
    }
    return value.asJsonObject();
  }

  private List<JsonObject> objects(JsonValue value, String field) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      problem(0, field, "expected an array");
      return List.of();
    }
    var result = new ArrayList<JsonObject>();
    JsonArray array = value.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        problem(0, field + "[" + i + "]", "expected an object");
      } else {
        result.add(array.getJsonObject(i));
      }
    }
    return result;
  }

  private void unknownKeys(JsonObject object, Set<String> known, int row, String path) {
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        problem(
            row,
            path == null ? key : path + "." + key,
            "unknown key \""
                + key
                + "\"; expected "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private void problem(int row, String field, String message) {
    problems.add(TableProblem.ofRow(row, null, field, Code.BAD_JSON, message));
  }
}
