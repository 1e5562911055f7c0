package org.unionhub.loadtest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP side of the harness: one shared HTTP/1.1 client (keep-alive connections, as an app
 * server's clients would hold them) and real access tokens from Keycloak's password grant, fetched
 * again shortly before they expire.
 */
public final class Api {

  /** What a call answered. */
  public record Answer(int status, String body, String etag) {
    /** The body as a JSON object. */
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  private final URI base;
  private final URI tokenEndpoint;
  private final String client;
  private final String password;
  private final HttpClient http;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, long renewAtNanos) {}

  /**
   * @param base the API root, e.g. http://localhost:8080/api/v1/
   * @param realm the realm's URL, e.g. http://localhost:8180/realms/unionhub
   * @param client the public client for the password grant
   * @param password the demo users' password
   */
  public Api(URI base, URI realm, String client, String password) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.tokenEndpoint = URI.create(realm + "/protocol/openid-connect/token");
    this.client = client;
    this.password = password;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A valid access token of a demo user; fetched once and again 30 s before it expires. */
  public String token(String user) {
    Token t = tokens.get(user);
    if (t == null || System.nanoTime() > t.renewAtNanos()) {
      t = fetchToken(user);
      tokens.put(user, t);
    }
    return t.value();
  }

  private Token fetchToken(String user) {
    String form =
        "grant_type=password&client_id="
            + enc(client)
            + "&username="
            + enc(user)
            + "&password="
            + enc(password);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    Answer a = send(request);
    if (a.status() != 200) {
      throw new IllegalStateException(
          "no token for " + user + " from " + tokenEndpoint + ": " + a.status() + " " + a.body());
    }
    JsonObject json = a.json();
    long lifetime = json.getJsonNumber("expires_in").longValue();
    long renewIn = Math.max(5, lifetime - 30);
    return new Token(
        json.getString("access_token"), System.nanoTime() + Duration.ofSeconds(renewIn).toNanos());
  }

  /** GET a path below the API root as a user. */
  public Answer get(String user, String path) {
    return send(builder(user, path).GET().build());
  }

  /** POST JSON to a path below the API root as a user, with extra headers (name, value, ...). */
  public Answer post(String user, String path, String json, String... headers) {
    HttpRequest.Builder b =
        builder(user, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  /** PUT JSON to a path below the API root as a user. */
  public Answer put(String user, String path, String json) {
    return send(
        builder(user, path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpRequest.Builder builder(String user, String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token(user))
        .header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** URL-encodes a query or form value. */
  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
