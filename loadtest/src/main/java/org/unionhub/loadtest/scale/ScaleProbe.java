package org.unionhub.loadtest.scale;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.unionhub.loadtest.Api;

/**
 * The measurements of the data-at-scale run against a running UnionHub, over HTTP with real tokens
 * (loadtest/scale.sh): worklist pages of a district and of a province (first page, then the keyset
 * cursor onwards), request counts of a city's subtree, and how long a configuration published at a
 * province takes to reach every one of its descendants. One client at a time: the latency of a
 * single officer's page, not throughput. Each line is appended to a TSV file: name, calls, p50,
 * p95, p99, max (ms), a note.
 *
 * <pre>
 * java ScaleProbe --api URL --realm URL --tsv FILE --descendants FILE [--calls 200]
 * </pre>
 */
public final class ScaleProbe {

  private final Api api;
  private final Path tsv;
  private final int calls;

  private ScaleProbe(Api api, Path tsv, int calls) {
    this.api = api;
    this.tsv = tsv;
    this.calls = calls;
  }

  public static void main(String[] args) throws Exception {
    var o = new java.util.HashMap<String, String>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].substring(2), args[i + 1]);
    }
    var api =
        new Api(
            URI.create(o.get("api")),
            URI.create(o.get("realm")),
            o.getOrDefault("client", "unionhub-cli"),
            o.getOrDefault("password", "unionhub"));
    var probe =
        new ScaleProbe(
            api, Path.of(o.get("tsv")), Integer.parseInt(o.getOrDefault("calls", "200")));
    String only = o.getOrDefault("only", "worklist,counts,publish");
    if (only.contains("worklist")) {
      probe.worklist("ft-staff", "gd-sz-ft", "district gd-sz-ft", true);
      probe.worklist("ft-staff", "gd-sz-ft", "district gd-sz-ft", false);
      probe.worklist("gd-admin", "gd", "province gd", true);
      probe.worklist("gd-admin", "gd", "province gd", false);
    }
    if (only.contains("counts")) {
      probe.counts("sz-admin", "gd-sz");
    }
    if (only.contains("publish")) {
      probe.publish("zj", Files.readAllLines(Path.of(o.get("descendants"))));
    }
  }

  /** Pages of a worklist: the first page, then four more along the cursor, over and over. */
  private void worklist(String user, String tenant, String label, boolean open) throws Exception {
    String first = "tenants/" + tenant + "/requests?limit=50" + (open ? "&open=true" : "");
    var h = new Histogram(3);
    var firstPages = new Histogram(3);
    String next = null;
    int rows = 0;
    for (int i = -20; i < calls; i++) { // 20 warm-up calls
      String path = next == null ? first : first + "&cursor=" + Api.enc(next);
      long t0 = System.nanoTime();
      Api.Answer a = api.get(user, path);
      long us = (System.nanoTime() - t0) / 1000;
      expect(a, 200, path);
      JsonObject page = a.json();
      if (i >= 0) {
        h.recordValue(us);
        if (next == null) {
          firstPages.recordValue(us);
        }
        rows += page.getJsonArray("items").size();
      }
      next = i % 5 == 4 || page.isNull("next") ? null : page.getString("next");
    }
    record(
        "worklist " + label + (open ? " open=true" : " all") + ", 50 per page",
        h,
        String.format(
            Locale.ROOT,
            "%d rows read; first pages only: p50 %.1f, p95 %.1f ms",
            rows,
            firstPages.getValueAtPercentile(50) / 1000.0,
            firstPages.getValueAtPercentile(95) / 1000.0));
  }

  private void counts(String user, String tenant) throws Exception {
    String path = "tenants/" + tenant + "/request-counts";
    var h = new Histogram(3);
    JsonObject last = null;
    for (int i = -3; i < Math.max(10, calls / 10); i++) { // 3 warm-up calls
      long t0 = System.nanoTime();
      Api.Answer a = api.get(user, path);
      long us = (System.nanoTime() - t0) / 1000;
      expect(a, 200, path);
      if (i >= 0) {
        h.recordValue(us);
      }
      last = a.json();
    }
    JsonObject e = last.getJsonObject("modules").getJsonObject("enrollment");
    record(
        "request counts by state + overdue, city "
            + tenant
            + " ("
            + last.getInt("tenants")
            + " unions)",
        h,
        "enrollment: "
            + e.getJsonObject("byState")
            + ", open "
            + e.getJsonNumber("open")
            + ", overdue "
            + e.getJsonNumber("overdue"));
  }

  private static int minimumAge(Api api, String user, String tenant) {
    Api.Answer a = api.get(user, "tenants/" + tenant + "/modules/enrollment");
    expect(a, 200, tenant);
    return ClusterCheck.settingValue(a.json(), "minimumAge");
  }

  /**
   * Publishes a new minimum age at a province, then reads the effective configuration of every
   * descendant (8 clients) until each shows it; the time from the publish's answer to the last
   * descendant showing the new value.
   */
  private void publish(String province, List<String> descendants) throws Exception {
    String admin = "platform-admin";
    int before = minimumAge(api, admin, province);
    int want = before == 18 ? 17 : 18;
    expect(
        api.put(
            admin,
            "tenants/" + province + "/modules/enrollment/draft",
            "{\"settings\":{\"minimumAge\":{\"value\":" + want + "}}}"),
        200,
        "draft");
    long t0 = System.nanoTime();
    Api.Answer published =
        api.post(
            admin,
            "tenants/" + province + "/modules/enrollment/publish",
            "{\"note\":\"scale.sh\"}");
    long publishedAt = System.nanoTime();
    expect(published, 201, "publish");
    var todo = new ConcurrentLinkedQueue<>(descendants);
    var h = new Histogram(3);
    var lastSeen = new java.util.concurrent.atomic.AtomicLong();
    var wrong = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int c = 0; c < 8; c++) {
      pool.submit(
          () -> {
            for (String t = todo.poll(); t != null; t = todo.poll()) {
              long s = System.nanoTime();
              int age = minimumAge(api, admin, t);
              long now = System.nanoTime();
              synchronized (h) {
                h.recordValue((now - s) / 1000);
              }
              if (age == want) {
                lastSeen.accumulateAndGet(now, Math::max);
              } else {
                wrong.incrementAndGet();
                todo.add(t); // not there yet: ask again
              }
            }
            return null;
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("descendants did not all show the new value in 120 s");
    }
    double reachMs = (lastSeen.get() - publishedAt) / 1e6;
    record(
        "publish at province " + province + " → all " + descendants.size() + " descendants",
        h,
        String.format(
            Locale.ROOT,
            "publish answered in %.0f ms; last descendant showed minimumAge=%d %.0f ms after it"
                + " (8 clients reading %d effective configurations; %d reads saw the old value)",
            (publishedAt - t0) / 1e6,
            want,
            reachMs,
            descendants.size(),
            wrong.get()));
    System.out.printf(Locale.ROOT, "REACH_MS=%.0f%n", reachMs);
  }

  private static void expect(Api.Answer a, int status, String what) {
    if (a.status() != status) {
      throw new IllegalStateException(
          what + ": expected " + status + ", got " + a.status() + " " + a.body());
    }
  }

  private void record(String name, Histogram h, String note) throws Exception {
    String line =
        String.format(
            Locale.ROOT,
            "%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s%n",
            name,
            h.getTotalCount(),
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(95) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            h.getMaxValue() / 1000.0,
            note);
    System.out.print(line);
    Files.writeString(
        tsv, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static List<String> lines(Path p) throws Exception {
    return new ArrayList<>(Files.readAllLines(p));
  }
}
