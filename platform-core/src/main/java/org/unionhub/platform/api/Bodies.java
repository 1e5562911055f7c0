package org.unionhub.platform.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.problem.ProblemText;

/** Checks of small request bodies shared by the API's resources. */
public final class Bodies {

  /** What a field of a small body holds. */
  public enum Kind {
    /** a JSON string */
    TEXT,
    /** true or false */
    BOOLEAN
  }

  /**
   * A field of a small body.
   *
   * @param kind what it holds
   * @param maxLength the longest text it takes, in characters
   */
  public record Field(Kind kind, int maxLength) {}

  /**
   * @param maxLength the longest text the field takes (its column's size)
   * @return a text field
   */
  public static Field text(int maxLength) {
    return new Field(Kind.TEXT, maxLength);
  }

  /**
   * @return a true-or-false field
   */
  public static Field bool() {
    return new Field(Kind.BOOLEAN, 0);
  }

  private Bodies() {}

  /**
   * @param field the field
   * @param maxLength its longest text
   * @return the problem of a text that is longer
   */
  public static ApiError.Item tooLong(String field, int maxLength) {
    return new ApiError.Item(
        field, null, null, "TOO_LONG", ProblemText.of("api.at-most-characters", maxLength));
  }

  /**
   * @param body a body that the operation needs
   * @return the body
   * @throws ApiRefusal 400 when there is none
   */
  public static JsonObject required(JsonObject body) {
    if (body == null) {
      throw ApiRefusal.badRequest(
          null, "BODY_REQUIRED", ProblemText.of("api.this-operation-needs-a-json-object"));
    }
    return body;
  }

  /**
   * Refuses fields the operation does not know and values of the wrong type; every field is
   * optional and may be null.
   *
   * @param body the body, or null for none
   * @param fields the fields the operation takes, with their kind
   * @throws ApiRefusal 422 with one entry per problem
   */
  public static void check(JsonObject body, Map<String, Field> fields) {
    if (body == null) {
      return;
    }
    List<ApiError.Item> problems = new ArrayList<>();
    for (var e : body.entrySet()) {
      Field field = fields.get(e.getKey());
      Kind kind = field == null ? null : field.kind();
      JsonValue.ValueType type = e.getValue().getValueType();
      if (kind == null) {
        problems.add(
            new ApiError.Item(
                e.getKey(), null, null, "UNKNOWN_FIELD", ProblemText.of("api.unknown-field")));
      } else if (type != JsonValue.ValueType.NULL) {
        if (kind == Kind.TEXT && type != JsonValue.ValueType.STRING) {
          problems.add(
              new ApiError.Item(
                  e.getKey(), null, null, "NOT_TEXT", ProblemText.of("common.must-be-a-string")));
        } else if (kind == Kind.TEXT
            && ((JsonString) e.getValue()).getString().length() > field.maxLength()) {
          problems.add(tooLong(e.getKey(), field.maxLength()));
        } else if (kind == Kind.BOOLEAN
            && type != JsonValue.ValueType.TRUE
            && type != JsonValue.ValueType.FALSE) {
          problems.add(
              new ApiError.Item(
                  e.getKey(),
                  null,
                  null,
                  "NOT_BOOLEAN",
                  ProblemText.of("common.must-be-true-or-false")));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiRefusal(422, problems);
    }
  }
}
