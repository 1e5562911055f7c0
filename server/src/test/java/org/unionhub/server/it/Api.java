package org.unionhub.server.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A client of UnionHub's REST API with real tokens from the test Keycloak. */
final class Api {

  static final String APP = "http://localhost:9080";
  static final String PASSWORD = "unionhub";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Tokens by user, renewed a minute before they expire (the suite outlasts a token's 15 min). */
  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

  private record Token(String value, java.time.Instant renewAfter) {}

  /**
   * An answer.
   *
   * @param status HTTP status
   * @param body parsed JSON, or null when the body was empty or not JSON
   * @param raw the body as text
   * @param etag the ETag header, or null
   */
  record Answer(int status, JsonStructure body, String raw, String etag) {
    JsonObject json() {
      return (JsonObject) body;
    }
  }

  private Api() {}

  static String token(String user) {
    return TOKENS
        .compute(
            user,
            (u, held) -> {
              if (held != null && java.time.Instant.now().isBefore(held.renewAfter())) {
                return held;
              }
              String form =
                  "grant_type=password&client_id=unionhub-cli&username="
                      + URLEncoder.encode(u, StandardCharsets.UTF_8)
                      + "&password="
                      + PASSWORD;
              var request =
                  HttpRequest.newBuilder(
                          URI.create(
                              KeycloakServer.url()
                                  + "/realms/unionhub/protocol/openid-connect/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build();
              Answer answer = send(request);
              if (answer.status() != 200) {
                throw new IllegalStateException("no token for " + u + ": " + answer.raw());
              }
              var json = answer.json();
              return new Token(
                  json.getString("access_token"),
                  java.time.Instant.now().plusSeconds(json.getInt("expires_in", 300) - 60L));
            })
        .value();
  }

  static Answer get(String path, String user) {
    return send(builder(path, user).GET().build());
  }

  static Answer post(String path, String user, JsonValue body, String... headers) {
    var builder =
        builder(path, user)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder.build());
  }

  static Answer put(String path, String user, JsonValue body, String... headers) {
    var builder =
        builder(path, user)
            .header("Content-Type", "application/json; charset=utf-8")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder.build());
  }

  static Answer delete(String path, String user) {
    return send(builder(path, user).DELETE().build());
  }

  static Answer patch(String path, String user, JsonValue body) {
    return send(
        builder(path, user)
            .header("Content-Type", "application/json; charset=utf-8")
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build());
  }

  /**
   * Keycloak's admin API as the service account the server mirrors tenants with.
   *
   * @param path below {@code /admin/realms/unionhub}
   * @return the answer
   */
  static Answer keycloakAdmin(String path) {
    String form =
        "grant_type=client_credentials&client_id=unionhub-admin&client_secret="
            + System.getProperty("unionhub.it.keycloak.admin-secret", "unionhub-admin-demo-secret");
    Answer token =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        KeycloakServer.url() + "/realms/unionhub/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (token.status() != 200) {
      throw new IllegalStateException("no service-account token: " + token.raw());
    }
    return send(
        HttpRequest.newBuilder(URI.create(KeycloakServer.url() + "/admin/realms/unionhub" + path))
            .header("Authorization", "Bearer " + token.json().getString("access_token"))
            .header("Accept", "application/json")
            .GET()
            .build());
  }

  static Answer postRaw(String path, String user, String body) {
    return send(
        builder(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpRequest.Builder builder(String path, String user) {
    var builder = HttpRequest.newBuilder(URI.create(APP + path)).timeout(Duration.ofSeconds(30));
    if (user != null) {
      builder.header("Authorization", "Bearer " + token(user));
    }
    return builder.header("Accept", "application/json");
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonStructure body = null;
      String raw = response.body();
      if (raw != null && (raw.startsWith("{") || raw.startsWith("["))) {
        body = Json.createReader(new StringReader(raw)).read();
      }
      return new Answer(
          response.statusCode(), body, raw, response.headers().firstValue("ETag").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A resident ID number with a correct check digit (GB 11643). */
  static String idNumber(LocalDate birth, int sequence) {
    String first17 =
        "440304" + birth.toString().replace("-", "") + String.format("%03d", sequence % 1000);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  /** A unified social credit code with a correct check character (GB 32100). */
  static String creditCode(String first17) {
    String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += chars.indexOf(first17.charAt(i)) * weights[i];
    }
    return first17 + chars.charAt((31 - sum % 31) % 31);
  }

  static JsonObject enrollment(String name, String idNumber) {
    return Json.createObjectBuilder()
        .add(
            "data",
            Json.createObjectBuilder()
                .add("name", name)
                .add("gender", "female")
                .add("idNumber", idNumber)
                .add("mobile", "13912345678")
                .add("employerName", "深圳市福田区星河科技有限公司")
                .add("employerCreditCode", creditCode("91440300MA5F00001"))
                .add("employmentType", "employee")
                .add("district", "gd-sz-ft")
                .add("address", "深圳市福田区福华路1号"))
        .build();
  }
}
