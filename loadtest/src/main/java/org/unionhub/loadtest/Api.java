package org.unionhub.loadtest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP side of the harness: blocking HTTP/1.1 calls on each client's own thread over kept-alive
 * connections (as an app server's clients would hold them) and real access tokens from Keycloak's
 * password grant, fetched again shortly before they expire.
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
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, long renewAtNanos) {}

  static {
    // Keep-alive connections for every client thread: the JDK keeps only 5 per host by default and
    // would open a new connection for most requests of 16 clients.
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "256");
    }
    // A POST the server may have received is never sent twice behind the harness's back.
    System.setProperty("sun.net.http.retryPost", "false");
  }

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
    Answer a =
        send(
            "POST",
            tokenEndpoint,
            form,
            new String[] {"Content-Type", "application/x-www-form-urlencoded"});
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
    return send("GET", base.resolve(path), null, headers(user));
  }

  /** POST JSON to a path below the API root as a user, with extra headers (name, value, ...). */
  public Answer post(String user, String path, String json, String... headers) {
    String[] all = headers(user, "Content-Type", "application/json");
    String[] with = java.util.Arrays.copyOf(all, all.length + headers.length);
    System.arraycopy(headers, 0, with, all.length, headers.length);
    return send("POST", base.resolve(path), json, with);
  }

  /** PUT JSON to a path below the API root as a user. */
  public Answer put(String user, String path, String json) {
    return send("PUT", base.resolve(path), json, headers(user, "Content-Type", "application/json"));
  }

  private String[] headers(String user, String... more) {
    String[] h = new String[4 + more.length];
    h[0] = "Authorization";
    h[1] = "Bearer " + token(user);
    h[2] = "Accept";
    h[3] = "application/json";
    System.arraycopy(more, 0, h, 4, more.length);
    return h;
  }

  /**
   * One blocking call on the calling client thread, over a kept-alive connection. The JDK's
   * asynchronous {@code java.net.http.HttpClient} handed every exchange between the client thread,
   * its selector thread and its executor: the harness used a third of one of the two cores the
   * server under test runs on (BENCHMARKS.md, session 10).
   */
  private Answer send(String method, URI uri, String body, String[] headers) {
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) uri.toURL().openConnection();
      c.setRequestMethod(method);
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout(10_000);
      c.setReadTimeout(60_000);
      c.setUseCaches(false);
      for (int i = 0; i + 1 < headers.length; i += 2) {
        c.setRequestProperty(headers[i], headers[i + 1]);
      }
      if (body != null) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // Buffered, not streamed: a streamed request that is answered 401 loses the answer's body.
        c.setDoOutput(true);
        try (OutputStream out = c.getOutputStream()) {
          out.write(bytes);
        }
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String text;
      if (in == null) {
        text = "";
      } else {
        // Read to the end and close: the connection goes back to the keep-alive cache.
        try (in) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return new Answer(status, text, c.getHeaderField("ETag"));
    } catch (IOException e) {
      if (c != null) {
        c.disconnect();
      }
      throw new IllegalStateException(method + " " + uri + ": " + e, e);
    }
  }

  /** URL-encodes a query or form value. */
  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
