package org.unionhub.platform.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.ProblemText;

/**
 * Reads every JSON request body of the API, in place of the JSON-P provider built into the server
 * (JAX-RS prefers an application's providers). It refuses, with 4xx and the field where there is
 * one, what the built-in provider let through to a 500: a body without a charset is UTF-8 (the
 * built-in provider tried to guess and failed on bodies shorter than four bytes), bytes that are
 * not valid in the charset, nesting deeper than {@value #MAX_DEPTH}, duplicate keys, a body that is
 * not an object, a body over {@link BodyLimit#maxBytes()}, and NUL or unpaired surrogates in any
 * key or string. An empty body reads as null: the operations whose body is optional treat it as
 * absent, the others refuse it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

  /** Deepest nesting of arrays and objects a body may have. */
  public static final int MAX_DEPTH = 32;

  private static final JsonReaderFactory FACTORY =
      Json.createReaderFactory(
          Map.of(
              // Parsson refuses a depth equal to its limit.
              "org.eclipse.parsson.maxDepth",
              MAX_DEPTH + 1,
              "org.eclipse.parsson.rejectDuplicateKeys",
              true));

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(
      Class<JsonObject> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    Charset charset = charset(mediaType);
    byte[] bytes = BodyLimit.readAll(entityStream);
    if (bytes.length == 0) {
      return null;
    }
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw ApiRefusal.badRequest(
          null, "INVALID_ENCODING", ProblemText.of("api.the-body-is-not-valid", charset.name()));
    }
    JsonValue value;
    try (JsonReader reader = FACTORY.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      JsonLocation at = e.getLocation();
      throw new ApiRefusal(
          400,
          List.of(
              new ApiError.Item(
                  null,
                  at == null ? null : (int) at.getLineNumber(),
                  at == null ? null : (int) at.getColumnNumber(),
                  "INVALID_JSON",
                  ProblemText.of("api.the-body-is-not-valid-json"))));
    } catch (JsonException | IllegalStateException e) {
      throw invalidJson();
    } catch (RuntimeException e) {
      // Parsson reports nesting deeper than its limit with a bare RuntimeException.
      throw ApiRefusal.badRequest(
          null, "TOO_DEEP", ProblemText.of("api.json-may-nest-at-most-levels", MAX_DEPTH));
    }
    if (!(value instanceof JsonObject object)) {
      throw ApiRefusal.badRequest(
          null, "NOT_AN_OBJECT", ProblemText.of("api.the-body-must-be-a-json"));
    }
    checkText(object, "");
    return object;
  }

  private static ApiRefusal invalidJson() {
    return ApiRefusal.badRequest(
        null, "INVALID_JSON", ProblemText.of("api.the-body-is-not-valid-json"));
  }

  private static Charset charset(MediaType mediaType) {
    String name =
        mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip().replace("\"", ""));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw ApiRefusal.of(
          415,
          "Content-Type",
          "UNSUPPORTED_CHARSET",
          ProblemText.of("api.unsupported-charset-send-utf-8"));
    }
  }

  /** Refuses NUL and unpaired surrogates in keys and strings, naming the path of the first. */
  private static void checkText(JsonValue value, String path) {
    if (value instanceof JsonObject o) {
      for (var e : o.entrySet()) {
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        refuse(Text.problem(e.getKey()), child);
        checkText(e.getValue(), child);
      }
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        checkText(a.get(i), path + "[" + i + "]");
      }
    } else if (value instanceof JsonString s) {
      refuse(Text.problem(s.getString()), path);
    }
  }

  private static void refuse(String problem, String path) {
    if (problem != null) {
      throw new ApiRefusal(
          422, List.of(new ApiError.Item(path, null, null, problem, Text.message(problem))));
    }
  }
}
