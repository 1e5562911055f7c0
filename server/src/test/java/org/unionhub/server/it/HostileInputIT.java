package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the API's own OpenAPI document, as every kind of caller, against hostile
 * input: malformed, truncated, empty and deeply nested JSON, wrong types for every property of the
 * documented body, oversized strings and bodies, text that cannot be stored (NUL, unpaired
 * surrogates) and right-to-left marks, wrong and missing content types, bad path and query
 * parameters and wrong If-Match values. No answer may be a 5xx; every refusal is a JSON {@code
 * {"errors":[...]}} naming the field where there is one; no hostile write is accepted; and the row
 * count of every application table is the same after the pass as before it. A new operation is
 * covered as soon as it is in the OpenAPI document; its body is as well covered as its schema is
 * precise.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

  /** Anonymous, a worker, staff, a tenant admin, a platform admin. */
  private static final List<String> CALLERS =
      Arrays.asList(null, "worker1", "ft-staff", "sz-admin", "platform-admin");

  /** How many variants of one kind each caller sends to one operation; callers rotate through. */
  private static final int PER_KIND = 3;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final List<String> BAD_PATH_VALUES =
      List.of(
          "%00",
          "%FF%FE",
          "..%2F..%2Fetc",
          "%E2%80%AEcod.exe",
          "%ED%A0%80",
          "'%3B--",
          "-1",
          "99999999999999999999",
          "x".repeat(3000),
          "%F0%9F%98%80",
          "%20");

  private static final List<String> BAD_QUERY_VALUES =
      List.of("", "%00", "-1", "abc", "99999999999999999999", "x".repeat(3000), "%E2%80%AE", "%FF");

  private static final List<String> MALFORMED =
      List.of(
          "{",
          "}",
          "{\"a\":",
          "{,}",
          "[1,2",
          "nul",
          "{\"a\":1}}",
          "{'a':1}",
          "\"just a string\"",
          "42",
          "[]",
          "{\"a\":1,\"a\":2}",
          "\uFEFF{}");

  private static final List<String> CONTENT_TYPES =
      Arrays.asList(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          null,
          "application/json; charset=klingon",
          "application/json; charset=utf-16",
          "image/png");

  private static final List<String> BAD_ETAGS =
      List.of("abc", "W/\"x\"", "*", "\"999999\"", "\"-1\"", "\"1e9\"", "\"\"", "\"0\", \"1\"");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  /** One request of the pass and what it is about. */
  private record Probe(
      String operation,
      String caller,
      String kind,
      String method,
      String path,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      String field) {}

  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> perKind = new TreeMap<>();
  private int sent;

  @Test
  void noInputGetsA5xxEveryRefusalIsJsonAndNothingIsStored() throws Exception {
    String requestId = submitOne();
    JsonObject openApi = openApi();
    Map<String, String> goodPath = new LinkedHashMap<>();
    goodPath.put("tenant", "gd-sz-ft-001");
    goodPath.put("module", "enrollment");
    goodPath.put("id", requestId);
    goodPath.put("number", "1");
    goodPath.put("year", "2031");
    goodPath.put("date", "2031-01-02");
    for (String user : CALLERS) {
      if (user != null) {
        Api.token(user);
      }
    }

    // Reading a People list takes officers made directly in Keycloak into People (ADR 26; at most
    // every 5 s per node) — rows of its own, not of the hostile input: let that happen first, twice
    // 5 s apart so that a read throttled by an earlier test's is followed by one that runs.
    for (int round = 0; round < 2; round++) {
      var listed = Api.get("/api/v1/tenants/gd/users", "platform-admin");
      assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
      if (round == 0) {
        Thread.sleep(5_500);
      }
    }

    Map<String, Long> before = rowCounts();
    long started = System.nanoTime();
    JsonObject paths = openApi.getJsonObject("paths");
    int operations = 0;
    for (String template : paths.keySet()) {
      if (!template.startsWith("/api/")) {
        continue;
      }
      JsonObject item = paths.getJsonObject(template);
      for (String method : item.keySet()) {
        if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
          continue;
        }
        operations++;
        JsonObject operation = item.getJsonObject(method);
        for (int c = 0; c < CALLERS.size(); c++) {
          for (Probe probe :
              probes(
                  openApi,
                  template,
                  method.toUpperCase(),
                  operation,
                  goodPath,
                  CALLERS.get(c),
                  c)) {
            send(probe);
          }
        }
      }
    }
    Map<String, Long> after = rowCounts();
    System.out.printf(
        "HostileInputIT: %d requests to %d operations in %.1f s; by kind %s%n",
        sent, operations, (System.nanoTime() - started) / 1e9, perKind);

    assertThat(operations).as("operations in the OpenAPI document").isGreaterThanOrEqualTo(30);
    assertThat(failures)
        .as("hostile requests answered wrongly (%d of %d)", failures.size(), sent)
        .isEmpty();
    assertThat(after).as("row counts of every table").isEqualTo(before);
  }

  @Test
  void everyHttpErrorOfTheApiHasTheSameJsonShape() throws Exception {
    String token = "Bearer " + Api.token("worker1");
    assertError(raw("GET", "/api/v1/tenants", null, "*/*", null, null), 401, "UNAUTHENTICATED");
    assertError(
        raw("GET", "/api/v1/tenants", "Bearer not-a-token", "*/*", null, null),
        401,
        "UNAUTHENTICATED");
    var anonymous = raw("POST", "/api/v1/tenants", null, "*/*", "application/json", "{");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertError(
        raw(
            "POST",
            "/api/v1/tenants",
            "Bearer " + Api.token("ft-staff"),
            "application/json",
            "application/json",
            "{\"code\":\"gd-sz-ft-x1\",\"name\":\"x\",\"level\":\"grassroots\","
                + "\"parent\":\"gd-sz-ft\"}"),
        403,
        "FORBIDDEN");
    assertError(raw("GET", "/api/v1/no-such-thing", token, "*/*", null, null), 404, "NOT_FOUND");
    assertError(raw("GET", "/api/no-such-thing", token, "*/*", null, null), 404, "NOT_FOUND");
    var notAllowed = raw("DELETE", "/api/v1/tenants", token, "application/json", null, null);
    assertError(notAllowed, 405, "METHOD_NOT_ALLOWED");
    assertThat(notAllowed.headers().firstValue("Allow")).isPresent();
    assertError(
        raw("GET", "/api/v1/tenants", token, "text/csv", null, null), 406, "NOT_ACCEPTABLE");
    assertError(
        raw(
            "POST",
            "/api/v1/tenants",
            token,
            "application/json",
            "application/json",
            "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}"),
        413,
        "BODY_TOO_LARGE");
    assertError(
        raw("POST", "/api/v1/tenants", token, "application/json", "text/plain", "{}"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    var nested =
        raw(
            "POST",
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            token,
            "application/json",
            "application/json",
            "{\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    assertError(nested, 400, "TOO_DEEP");
    assertError(
        raw(
            "POST",
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            token,
            "application/json",
            "application/json",
            "{"),
        400,
        "INVALID_JSON");
  }

  private static HttpResponse<String> raw(
      String method, String path, String authorization, String accept, String type, String body)
      throws Exception {
    var b =
        HttpRequest.newBuilder(URI.create(Api.APP + path))
            .header("Accept", accept)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
    assertThat(body.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("code"))
        .contains(code);
    if (status == 401) {
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
  }

  // ------------------------------------------------------------------ generating the requests

  private List<Probe> probes(
      JsonObject openApi,
      String template,
      String method,
      JsonObject operation,
      Map<String, String> goodPath,
      String caller,
      int callerIndex) {
    String op = method + " " + template;
    List<Probe> probes = new ArrayList<>();
    List<JsonObject> parameters =
        operation.containsKey("parameters")
            ? operation.getJsonArray("parameters").getValuesAs(JsonObject.class)
            : List.of();
    JsonObject bodySchema = bodySchema(openApi, operation);
    boolean hasBody = bodySchema != null;
    boolean bodyRequired =
        hasBody && operation.getJsonObject("requestBody").getBoolean("required", false);
    String ifMatchParam =
        parameters.stream()
            .filter(
                p -> "header".equals(p.getString("in")) && "If-Match".equals(p.getString("name")))
            .map(p -> p.getString("name"))
            .findFirst()
            .orElse(null);
    boolean takesIfMatch = ifMatchParam != null || template.endsWith("/transitions");
    Map<String, String> bodyHeaders = takesIfMatch ? Map.of("If-Match", "\"0\"") : Map.of();
    String goodUrl = fill(template, goodPath, null, null);
    String json = "application/json";

    // Bad path parameters, one at a time, with an empty object as the body where there is one.
    for (String name : pathParameters(template)) {
      for (String bad : pick(BAD_PATH_VALUES, callerIndex)) {
        probes.add(
            new Probe(
                op,
                caller,
                "bad-path",
                method,
                fill(template, goodPath, name, bad),
                hasBody ? json : null,
                hasBody ? bytes("{}") : null,
                bodyHeaders,
                null));
      }
    }
    // Bad query parameters, one at a time.
    for (JsonObject p : parameters) {
      if ("query".equals(p.getString("in"))) {
        for (String bad : pick(BAD_QUERY_VALUES, callerIndex)) {
          probes.add(
              new Probe(
                  op,
                  caller,
                  "bad-query",
                  method,
                  goodUrl + "?" + p.getString("name") + "=" + bad,
                  null,
                  null,
                  Map.of(),
                  null));
        }
      }
    }
    if (takesIfMatch) {
      String minimal = minimalBody(openApi, bodySchema).toString();
      for (String etag : pick(BAD_ETAGS, callerIndex)) {
        probes.add(
            new Probe(
                op,
                caller,
                "if-match",
                method,
                goodUrl,
                json,
                bytes(minimal),
                Map.of("If-Match", etag),
                null));
      }
    }
    if (!hasBody) {
      return probes;
    }
    // Malformed, truncated, empty and deeply nested bodies.
    for (String text : pick(MALFORMED, callerIndex)) {
      probes.add(body(op, caller, "malformed", method, goodUrl, text, bodyHeaders, null));
    }
    String example = exampleBody(openApi, bodySchema).toString();
    probes.add(
        body(
            op,
            caller,
            "truncated",
            method,
            goodUrl,
            example.substring(0, Math.max(1, example.length() / 2)),
            bodyHeaders,
            null));
    if (bodyRequired) {
      probes.add(body(op, caller, "empty", method, goodUrl, "", bodyHeaders, null));
    }
    int depth = callerIndex % 2 == 0 ? 100 : 100_000;
    probes.add(
        body(
            op,
            caller,
            "nested",
            method,
            goodUrl,
            "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
            bodyHeaders,
            null));
    probes.add(
        new Probe(
            op,
            caller,
            "invalid-utf8",
            method,
            goodUrl,
            json,
            new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
            bodyHeaders,
            null));
    // Wrong types, oversized strings and odd text in every property of the documented body.
    JsonObject properties = properties(openApi, bodySchema);
    List<String> required = requiredOf(openApi, bodySchema);
    for (String property : properties.keySet()) {
      JsonObject schema = resolve(openApi, properties.getJsonObject(property));
      String type = type(schema);
      for (JsonValue wrong : wrongValues(type)) {
        probes.add(
            body(
                op,
                caller,
                "wrong-type",
                method,
                goodUrl,
                object(property, wrong),
                bodyHeaders,
                property));
      }
      if (!"string".equals(type)) {
        continue;
      }
      int max = schema.getInt("maxLength", 100_000);
      probes.add(
          body(
              op,
              caller,
              "oversized",
              method,
              goodUrl,
              object(property, Json.createValue("长".repeat(max + 1))),
              bodyHeaders,
              property));
      for (String bad : pick(List.of("a\u0000b", "\ud800x", "x\udc00", "\u0000"), callerIndex)) {
        probes.add(
            body(
                op,
                caller,
                "unstorable-text",
                method,
                goodUrl,
                object(property, Json.createValue(bad)),
                bodyHeaders,
                property));
      }
      boolean bodyInvalidWithoutIt = required.stream().anyMatch(r -> !r.equals(property));
      if (bodyInvalidWithoutIt || schema.containsKey("enum") || schema.containsKey("pattern")) {
        probes.add(
            body(
                op,
                caller,
                "rtl-marks",
                method,
                goodUrl,
                object(property, Json.createValue("\u202Eexe.txt\u200F\u2067x\u2069")),
                bodyHeaders,
                schema.containsKey("enum") || schema.containsKey("pattern") ? property : null));
      }
    }
    // A body over the documented limit.
    probes.add(
        body(
            op,
            caller,
            "too-large",
            method,
            goodUrl,
            object("x", Json.createValue("x".repeat(1024 * 1024 + 10))),
            bodyHeaders,
            null));
    // Wrong and missing content types; the body is an array, which no operation takes.
    for (String type : pick(CONTENT_TYPES, callerIndex)) {
      probes.add(
          new Probe(
              op,
              caller,
              "content-type",
              method,
              goodUrl,
              type,
              bytes("[\"hostile\"]"),
              bodyHeaders,
              null));
    }
    return probes;
  }

  private static Probe body(
      String op,
      String caller,
      String kind,
      String method,
      String url,
      String text,
      Map<String, String> headers,
      String field) {
    return new Probe(
        op, caller, kind, method, url, "application/json", bytes(text), headers, field);
  }

  /** PER_KIND variants of a kind, a different slice for each caller. */
  private static <T> List<T> pick(List<T> all, int callerIndex) {
    List<T> picked = new ArrayList<>();
    for (int i = 0; i < Math.min(PER_KIND, all.size()); i++) {
      picked.add(all.get((callerIndex * PER_KIND + i) % all.size()));
    }
    return picked;
  }

  private static List<String> pathParameters(String template) {
    List<String> names = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String fill(
      String template, Map<String, String> good, String badName, String badValue) {
    String url = template;
    for (String name : pathParameters(template)) {
      String value = name.equals(badName) ? badValue : good.getOrDefault(name, "unknown-" + name);
      url = url.replace("{" + name + "}", value);
    }
    return url;
  }

  private static JsonObject bodySchema(JsonObject openApi, JsonObject operation) {
    if (!operation.containsKey("requestBody")) {
      return null;
    }
    JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
    if (content == null || !content.containsKey("application/json")) {
      return null;
    }
    JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
    return schema == null ? Json.createObjectBuilder().build() : resolve(openApi, schema);
  }

  private static JsonObject resolve(JsonObject openApi, JsonObject schema) {
    if (schema != null && schema.containsKey("$ref")) {
      String name = schema.getString("$ref").replace("#/components/schemas/", "");
      return openApi.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }
    return schema == null ? Json.createObjectBuilder().build() : schema;
  }

  private static JsonObject properties(JsonObject openApi, JsonObject schema) {
    JsonObject p = schema == null ? null : schema.getJsonObject("properties");
    return p == null ? Json.createObjectBuilder().build() : p;
  }

  private static List<String> requiredOf(JsonObject openApi, JsonObject schema) {
    JsonArray r = schema == null ? null : schema.getJsonArray("required");
    return r == null
        ? List.of()
        : r.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static String type(JsonObject schema) {
    JsonValue t = schema.get("type");
    if (t instanceof JsonString s) {
      return s.getString();
    }
    if (t instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonString s && !"null".equals(s.getString())) {
          return s.getString();
        }
      }
    }
    return schema.containsKey("properties") ? "object" : "unknown";
  }

  private static List<JsonValue> wrongValues(String type) {
    List<JsonValue> all =
        List.of(
            Json.createValue("not the right type"),
            Json.createValue(12345),
            JsonValue.TRUE,
            Json.createObjectBuilder().add("a", 1).build(),
            Json.createArrayBuilder().add("x").build());
    return all.stream()
        .filter(
            v ->
                switch (type) {
                  case "string" -> v.getValueType() != JsonValue.ValueType.STRING;
                  case "integer", "number" -> v.getValueType() != JsonValue.ValueType.NUMBER;
                  case "boolean" -> v.getValueType() != JsonValue.ValueType.TRUE;
                  case "object" -> v.getValueType() != JsonValue.ValueType.OBJECT;
                  case "array" -> v.getValueType() != JsonValue.ValueType.ARRAY;
                  default -> false;
                })
        .toList();
  }

  /** Every property with a plausible value: what the truncated body is cut from. */
  private static JsonObject exampleBody(JsonObject openApi, JsonObject schema) {
    var b = Json.createObjectBuilder();
    JsonObject properties = properties(openApi, schema);
    for (String p : properties.keySet()) {
      b.add(p, example(resolve(openApi, properties.getJsonObject(p))));
    }
    if (properties.isEmpty()) {
      b.add("data", Json.createObjectBuilder().add("name", "张三"));
    }
    return b.build();
  }

  /** Only the required properties, with plausible values. */
  private static JsonObject minimalBody(JsonObject openApi, JsonObject schema) {
    var b = Json.createObjectBuilder();
    JsonObject properties = properties(openApi, schema);
    for (String p : requiredOf(openApi, schema)) {
      if (properties.containsKey(p)) {
        b.add(
            p,
            "array".equals(type(resolve(openApi, properties.getJsonObject(p))))
                ? Json.createArrayBuilder().build()
                : example(resolve(openApi, properties.getJsonObject(p))));
      }
    }
    return b.build();
  }

  private static JsonValue example(JsonObject schema) {
    if (schema.containsKey("enum")) {
      return schema.getJsonArray("enum").get(0);
    }
    return switch (type(schema)) {
      case "integer", "number" -> Json.createValue(1);
      case "boolean" -> JsonValue.FALSE;
      case "object" -> Json.createObjectBuilder().add("k", "v").build();
      case "array" -> Json.createArrayBuilder().add("v").build();
      default -> Json.createValue("示例");
    };
  }

  private static String object(String property, JsonValue value) {
    // Lone surrogates as JSON escapes: as raw chars, UTF-8 encoding would turn them into '?'.
    StringBuilder out = new StringBuilder();
    for (char ch :
        Json.createObjectBuilder().add(property, value).build().toString().toCharArray()) {
      out.append(
          Character.isSurrogate(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
    }
    return out.toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ sending and judging

  private void send(Probe probe) {
    sent++;
    perKind.merge(probe.kind(), 1, Integer::sum);
    var builder =
        HttpRequest.newBuilder(URI.create(Api.APP + probe.path()))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (probe.caller() != null) {
      builder.header("Authorization", "Bearer " + Api.token(probe.caller()));
    }
    if (probe.contentType() != null) {
      builder.header("Content-Type", probe.contentType());
    }
    probe.headers().forEach(builder::header);
    builder.method(
        probe.method(),
        probe.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
    HttpResponse<String> response;
    try {
      response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      fail(probe, 0, "no answer: " + e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    judge(probe, response);
  }

  private void judge(Probe probe, HttpResponse<String> response) {
    int status = response.statusCode();
    String raw = response.body();
    if (status >= 500) {
      fail(probe, status, raw);
      return;
    }
    if (status < 400) {
      if (!"GET".equals(probe.method())) {
        fail(probe, status, "hostile write accepted: " + raw);
      }
      return;
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json")) {
      fail(probe, status, "refusal is " + type + ", not JSON: " + abbreviate(raw));
      return;
    }
    JsonArray errors;
    try {
      errors = Json.createReader(new StringReader(raw)).readObject().getJsonArray("errors");
    } catch (RuntimeException e) {
      fail(probe, status, "refusal is not {\"errors\":[...]}: " + abbreviate(raw));
      return;
    }
    if (errors == null
        || errors.isEmpty()
        || errors.getValuesAs(JsonObject.class).stream()
            .anyMatch(
                e ->
                    !(e.get("code") instanceof JsonString)
                        || !(e.get("message") instanceof JsonString))) {
      fail(probe, status, "refusal without code and message: " + abbreviate(raw));
      return;
    }
    if (status == 401
        && !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
      fail(probe, status, "401 without WWW-Authenticate: Bearer");
    }
    if (probe.field() != null && (status == 400 || status == 422)) {
      boolean named =
          errors.getValuesAs(JsonObject.class).stream()
              .map(e -> e.get("field") instanceof JsonString s ? s.getString() : "")
              .anyMatch(f -> named(f, probe.field()) || named(f, "rules." + probe.field()));
      if (!named) {
        fail(probe, status, "refusal does not name " + probe.field() + ": " + abbreviate(raw));
      }
    }
  }

  private void fail(Probe probe, int status, String what) {
    failures.add(
        probe.operation()
            + " as "
            + (probe.caller() == null ? "anonymous" : probe.caller())
            + " ["
            + probe.kind()
            + "] "
            + abbreviate(probe.method() + " " + probe.path())
            + " "
            + (probe.body() == null
                ? ""
                : abbreviate(new String(probe.body(), StandardCharsets.UTF_8)))
            + " → "
            + status
            + " "
            + abbreviate(what));
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
  }

  // ------------------------------------------------------------------ fixtures

  private static JsonObject openApi() throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Api.APP + "/openapi?format=JSON"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** A request of the worker's to act on, submitted before the pass counts anything. */
  private static String submitOne() {
    var answer =
        Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            "worker1",
            Api.enrollment("韩梅梅", Api.idNumber(LocalDate.of(1991, 4, 2), 731)));
    assertThat(answer.status()).as(answer.raw()).isIn(200, 201);
    return answer.json().getString("id");
  }

  private static Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = TestStack.database().connect();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                  + " AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'databasechangelog%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    assertThat(counts).as("application tables").containsKeys("tenant", "service_request");
    return counts;
  }

  /**
   * Whether an error's field is the property or lies inside it ({@code date}, {@code
   * entries[3].date}); the rules operations report their body's fields under {@code rules.}, as
   * README documents.
   */
  private static boolean named(String field, String property) {
    return field.equals(property)
        || field.startsWith(property + ".")
        || field.startsWith(property + "[");
  }
}
