package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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

/**
 * Keycloak's admin API as UnionHub's service account ({@code unionhub-admin}: manage-users), for
 * tests that make accounts the way an operator would in Keycloak's own console.
 */
final class KeycloakAdmin {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private KeycloakAdmin() {}

  /**
   * A user with a password, past the realm's required actions (privacy notice accepted, mobile
   * number verified when given, e-mail verified when given).
   *
   * @return the user's id
   */
  static String createUser(
      String username, String firstName, String mobile, String email, String password) {
    var attributes =
        Json.createObjectBuilder().add("privacyAccepted", Json.createArrayBuilder().add("2026-12"));
    if (mobile != null) {
      attributes
          .add("mobile", Json.createArrayBuilder().add(mobile))
          .add("mobileVerified", Json.createArrayBuilder().add(mobile));
    }
    var user =
        Json.createObjectBuilder()
            .add("username", username)
            .add("enabled", true)
            .add("firstName", firstName)
            .add("attributes", attributes)
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)));
    if (email != null) {
      user.add("email", email).add("emailVerified", true);
    }
    var created = send("POST", "/users", user.build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    var cleared =
        send(
            "PUT",
            "/users/" + id,
            Json.createObjectBuilder().add("requiredActions", Json.createArrayBuilder()).build());
    assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(204);
    return id;
  }

  /** Puts a user into the group of a union, found by its path. */
  static void joinGroup(String userId, String groupPath) {
    var group = send("GET", "/group-by-path/" + groupPath, null);
    assertThat(group.statusCode()).as(group.body()).isEqualTo(200);
    String groupId = json(group.body()).asJsonObject().getString("id");
    var joined = send("PUT", "/users/" + userId + "/groups/" + groupId, null);
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(204);
  }

  /** Grants a realm role (found among the user's available roles: manage-users suffices). */
  static void grantRealmRole(String userId, String role) {
    var available = send("GET", "/users/" + userId + "/role-mappings/realm/available", null);
    assertThat(available.statusCode()).as(available.body()).isEqualTo(200);
    var wanted = Json.createArrayBuilder();
    json(available.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("name").equals(role))
        .forEach(wanted::add);
    JsonArray roles = wanted.build();
    assertThat(roles).as("role " + role + " available").hasSize(1);
    var granted = send("POST", "/users/" + userId + "/role-mappings/realm", roles);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
  }

  /**
   * @return the user's full representation
   */
  static JsonObject user(String userId) {
    var answer = send("GET", "/users/" + userId, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer.body()).asJsonObject();
  }

  private static JsonValue json(String body) {
    return Json.createReader(new StringReader(body)).readValue();
  }

  private static HttpResponse<String> send(String method, String path, JsonValue body) {
    var request =
        HttpRequest.newBuilder(URI.create(KeycloakServer.url() + "/admin/realms/unionhub" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String token() {
    String form =
        "grant_type=client_credentials&client_id=unionhub-admin&client_secret="
            + URLEncoder.encode(
                System.getProperty(
                    "unionhub.it.keycloak.admin-secret", "unionhub-admin-demo-secret"),
                StandardCharsets.UTF_8);
    return passwordOrClientToken(form).orElseThrow(() -> new IllegalStateException("no token"));
  }

  /**
   * @param username a user
   * @param password a password
   * @return whether Keycloak issues that user a token with that password now (a password grant)
   */
  static boolean canLogIn(String username, String password) {
    String form =
        "grant_type=password&client_id=unionhub-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return passwordOrClientToken(form).isPresent();
  }

  private static java.util.Optional<String> passwordOrClientToken(String form) {
    var request =
        HttpRequest.newBuilder(
                URI.create(KeycloakServer.url() + "/realms/unionhub/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? java.util.Optional.of(json(response.body()).asJsonObject().getString("access_token"))
          : java.util.Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
