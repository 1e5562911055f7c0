package org.unionhub.loadtest.scale;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionhub.loadtest.Api;

/**
 * The two-node checks of loadtest/scale.sh (docs/adr/0027), each an assertion that fails the run:
 *
 * <ul>
 *   <li>{@code config}: a minimum age published through node 1 is in force on node 2 within 2 s;
 *   <li>{@code rules}: a rule published through node 2 refuses a submission made through node 1
 *       within 2 s (node 1 had compiled and cached the KieBase without it a moment before);
 *   <li>{@code session}: a staff member signs in through the load balancer (Keycloak's login page,
 *       the authorization-code flow), the node that served the session is stopped, and the next
 *       page through the load balancer is still signed in ({@code --prefer node2} starts the
 *       session there).
 * </ul>
 *
 * <pre>
 * java ClusterCheck --check config|rules|session --node1 URL --node2 URL --lb URL --realm URL
 *                   [--stop-node1 CMD --stop-node2 CMD]
 * </pre>
 */
public final class ClusterCheck {

  private static final Duration LIMIT = Duration.ofSeconds(2);

  /** What a browser asks for: without it the OIDC adapter answers 401 instead of a login. */
  private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

  private ClusterCheck() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].substring(2), args[i + 1]);
    }
    URI realm = URI.create(o.get("realm"));
    Api node1 = new Api(URI.create(o.get("node1") + "/api/v1/"), realm, "unionhub-cli", "unionhub");
    Api node2 = new Api(URI.create(o.get("node2") + "/api/v1/"), realm, "unionhub-cli", "unionhub");
    switch (o.get("check")) {
      case "config" -> config(node1, node2);
      case "rules" -> rules(node1, node2);
      case "session" -> session(o);
      default -> throw new IllegalArgumentException("unknown check " + o.get("check"));
    }
  }

  private static int minimumAge(Api api, String tenant) {
    Api.Answer a = api.get("sz-admin", "tenants/" + tenant + "/modules/enrollment");
    expect(a, 200, "effective configuration of " + tenant);
    return settingValue(a.json(), "minimumAge");
  }

  static void config(Api node1, Api node2) {
    int before = minimumAge(node2, "gd-sz-ft-001"); // node 2 has it cached now
    int want = before == 18 ? 17 : 18;
    expect(
        node1.put(
            "sz-admin",
            "tenants/gd-sz/modules/enrollment/draft",
            "{\"settings\":{\"minimumAge\":{\"value\":" + want + "}}}"),
        200,
        "draft");
    expect(
        node1.post(
            "sz-admin", "tenants/gd-sz/modules/enrollment/publish", "{\"note\":\"cluster\"}"),
        201,
        "publish");
    long t0 = System.nanoTime();
    int reads = 0;
    while (true) {
      reads++;
      if (minimumAge(node2, "gd-sz-ft-001") == want) {
        break;
      }
      check(System.nanoTime() - t0 < 10_000_000_000L, "node 2 never showed the new minimum age");
      sleep(50);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "PASS config: minimumAge %d published at gd-sz through node 1, in force at gd-sz-ft-001 on"
            + " node 2 after %d ms (%d reads)%n",
        want,
        ms,
        reads);
    check(ms <= LIMIT.toMillis(), "took " + ms + " ms, more than 2 s");
  }

  private static Api.Answer submit(Api api, String worker, long person, String employmentType) {
    String body =
        "{\"data\":{\"name\":\"李四\",\"gender\":\"female\",\"idNumber\":\""
            + PersonData.idNumber(person)
            + "\",\"mobile\":\"13800138000\",\"employerName\":\"深圳市福田区星河科技有限公司\","
            + "\"employerCreditCode\":\"91440300192185379H\",\"employmentType\":\""
            + employmentType
            + "\",\"district\":\"gd-sz-ft\"}}";
    return api.post(
        worker,
        "tenants/gd-sz-ft-001/modules/enrollment/requests",
        body,
        "Idempotency-Key",
        "cluster-" + person + "-" + System.nanoTime());
  }

  static void rules(Api node1, Api node2) {
    long person = 9_000_000 + (System.currentTimeMillis() % 100_000) * 10;
    // Node 1 compiles and caches the KieBase of gd-sz-ft-001 as it is: a dispatched worker is fine.
    expect(submit(node1, "worker3", person++, "dispatched"), 201, "dispatched worker before");
    String drl =
        "rule \"scale.refuse-dispatched\"\nwhen\n  Applicant( employmentType == \"dispatched\" )\n"
            + "then\n  actions.reject(\"employmentType\", \"SCALE_DISPATCHED\", \"集群测试：不受理劳务派遣\");\nend\n";
    expect(
        node2.put(
            "ft-admin",
            "tenants/gd-sz-ft/modules/enrollment/rules",
            "{\"drl\":" + jsonString(drl) + ",\"scenarios\":[]}"),
        200,
        "rules draft");
    expect(
        node2.post("ft-admin", "tenants/gd-sz-ft/modules/enrollment/rules/publish", "{}"),
        201,
        "rules publish");
    long t0 = System.nanoTime();
    int tries = 0;
    Api.Answer a;
    while (true) {
      tries++;
      a = submit(node1, "worker3", person++, "dispatched");
      if (a.status() == 422) {
        break;
      }
      expect(a, 201, "dispatched worker while waiting");
      check(System.nanoTime() - t0 < 10_000_000_000L, "node 1 never applied the new rule");
      sleep(50);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    check(a.body().contains("SCALE_DISPATCHED"), "422 without the rule's code: " + a.body());
    // Leave gd-sz-ft as it was: an empty rule layer published through node 1.
    expect(
        node1.put(
            "ft-admin",
            "tenants/gd-sz-ft/modules/enrollment/rules",
            "{\"drl\":\"\",\"scenarios\":[]}"),
        200,
        "rules reset");
    expect(
        node1.post("ft-admin", "tenants/gd-sz-ft/modules/enrollment/rules/publish", "{}"),
        201,
        "rules reset publish");
    System.out.printf(
        Locale.ROOT,
        "PASS rules: a rule published through node 2 refused a submission through node 1 after %d"
            + " ms (%d submissions)%n",
        ms,
        tries);
    check(ms <= LIMIT.toMillis(), "took " + ms + " ms, more than 2 s");
  }

  // ---------------------------------------------------------------- the web session

  private static final Pattern FORM_ACTION =
      Pattern.compile(
          "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");

  static void session(Map<String, String> o) throws Exception {
    var cookies = new LocalhostCookies();
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            // As a browser on http: HTTP/1.1. Java's default (HTTP/2) asks to upgrade with h2c;
            // WildFly accepts, HAProxy then passes the connection through as a tunnel, and later
            // requests on it bypass the balancer's rules (routing cookie, Host).
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String page = o.get("lb") + "/staff/worklist.xhtml";
    if (o.containsKey("prefer")) {
      // HAProxy's stickiness cookie, as if an earlier visit had landed there: the session starts
      // on the node the harness can stop on its own (node 2; node 1 runs under the launcher).
      var prefer = new java.net.HttpCookie("UHNODE", o.get("prefer"));
      prefer.setPath("/");
      prefer.setVersion(0);
      cookies.getCookieStore().add(URI.create(o.get("lb")), prefer);
    }
    String publicBase = o.getOrDefault("public", o.get("lb"));
    HttpResponse<String> login = get(http, page, publicBase, o.get("lb"));
    check(
        login.uri().toString().contains("/protocol/openid-connect/auth"),
        "expected Keycloak's login page, got " + login.uri());
    Matcher m = FORM_ACTION.matcher(login.body());
    check(m.find(), "no login form on " + login.uri());
    String action = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
    HttpResponse<String> signedIn =
        follow(
            http,
            HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", HTML)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=ft-staff&password=unionhub&credentialId="))
                .build(),
            publicBase,
            o.get("lb"));
    check(
        signedIn.statusCode() == 200 && signedIn.uri().toString().startsWith(page),
        "sign-in ended at " + signedIn.uri() + " with " + signedIn.statusCode());
    String node = nodeCookie(cookies);
    check(node != null, "the load balancer set no UHNODE cookie");
    String marker = "gd-sz-ft";
    check(
        signedIn.body().contains("worklist") || signedIn.body().contains(marker),
        "not the worklist");
    HttpResponse<String> again = get(http, page, publicBase, o.get("lb"));
    check(
        again.statusCode() == 200 && again.uri().toString().equals(page),
        "second page not signed in");
    System.out.println("signed in as ft-staff through the load balancer; session on " + node);

    String stop = o.get("stop-" + node);
    check(stop != null, "no --stop-" + node + " command");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("bash", "-c", stop).inheritIO().start();
    check(p.waitFor() == 0, "stopping " + node + " failed");
    System.out.printf(
        Locale.ROOT, "%s stopped in %d ms%n", node, (System.nanoTime() - t0) / 1_000_000);

    HttpResponse<String> after = get(http, page, publicBase, o.get("lb"));
    String servedBy = nodeCookie(cookies);
    check(
        after.statusCode() == 200 && after.uri().toString().equals(page),
        "after stopping "
            + node
            + " the page answered "
            + after.statusCode()
            + " at "
            + after.uri()
            + " (signed out?)");
    check(!node.equals(servedBy), "still served by the stopped node " + servedBy);
    check(
        after.body().contains("ft-staff") == again.body().contains("ft-staff"),
        "the page after failover differs in who is signed in");
    System.out.printf(
        Locale.ROOT,
        "PASS session: after %s stopped, %s served the page to the same signed-in user (no new"
            + " login)%n",
        node,
        servedBy);
  }

  /**
   * Cookies as a browser keeps them for http://localhost, which browsers treat as a secure context:
   * Keycloak marks its login cookies {@code Secure}, and Java's cookie manager would otherwise
   * never send them back over http (the login then fails with "cookie not found").
   */
  static final class LocalhostCookies extends CookieManager {
    @Override
    public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
      if (!"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
        super.put(uri, headers);
        return;
      }
      var copy = new HashMap<String, java.util.List<String>>();
      headers.forEach(
          (name, values) ->
              copy.put(
                  name,
                  name != null && name.equalsIgnoreCase("Set-Cookie")
                      ? values.stream()
                          .map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", ""))
                          .toList()
                      : values));
      super.put(uri, copy);
    }
  }

  private static String nodeCookie(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("UHNODE"))
        .map(c -> c.getValue())
        .reduce((a, b) -> b)
        .orElse(null);
  }

  private static HttpResponse<String> get(HttpClient http, String url, String from, String to)
      throws IOException, InterruptedException {
    return follow(
        http,
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", HTML)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        from,
        to);
  }

  /**
   * Sends a request and follows redirects as a browser would, where the public address the servers
   * know ({@code from}, the realm's redirect URI) is reached through the load balancer ({@code to})
   * — what DNS or a port mapping does in front of a real deployment.
   */
  private static HttpResponse<String> follow(
      HttpClient http, HttpRequest request, String from, String to)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (int hops = 0; r.statusCode() / 100 == 3 && hops < 20; hops++) {
      String location = r.headers().firstValue("Location").orElseThrow();
      String next = r.uri().resolve(location).toString();
      if (next.startsWith(from)) {
        next = to + next.substring(from.length());
      }
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(next))
                  .header("Accept", HTML)
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
    return r;
  }

  // ---------------------------------------------------------------- helpers

  private static String jsonString(String s) {
    var b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static void expect(Api.Answer a, int status, String what) {
    check(
        a.status() == status,
        what + ": expected " + status + ", got " + a.status() + " " + a.body());
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      System.out.println("FAIL " + message);
      throw new AssertionError(message);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int settingValue(jakarta.json.JsonObject effective, String key) {
    for (jakarta.json.JsonValue v : effective.getJsonArray("settings")) {
      jakarta.json.JsonObject s = v.asJsonObject();
      if (s.getString("key").equals(key)) {
        jakarta.json.JsonValue value = s.get("value");
        return value instanceof jakarta.json.JsonString str
            ? Integer.parseInt(str.getString())
            : ((jakarta.json.JsonNumber) value).intValue();
      }
    }
    throw new IllegalStateException("no setting " + key + " in " + effective);
  }
}
