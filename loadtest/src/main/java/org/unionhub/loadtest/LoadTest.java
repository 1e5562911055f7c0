package org.unionhub.loadtest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The load harness: runs scenarios against a running UnionHub, each with N closed-loop clients
 * (every client sends its next operation when the last one answered) for a warm-up and then a
 * measured duration, and reports throughput and latency percentiles (HdrHistogram, microsecond
 * resolution).
 *
 * <pre>
 * java -cp ... org.unionhub.loadtest.LoadTest [--scenarios submit,pair,worklist,config|all]
 *     [--clients 16] [--seconds 30] [--warmup 10] [--api http://localhost:8080/api/v1/]
 *     [--realm http://localhost:8180/realms/unionhub] [--client unionhub-cli]
 *     [--password unionhub] [--tsv results.tsv] [--append BENCHMARKS.md --note "..."]
 *     [--server-pid PID]
 * </pre>
 *
 * <p>With {@code --seconds 0} the scenarios only warm the server up and nothing is reported.
 *
 * <p>Closed loop means latencies are those the clients saw at the throughput the server sustained
 * (no coordinated-omission correction: there is no target rate to miss).
 */
public final class LoadTest {

  private LoadTest() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    List<String> names =
        o.getOrDefault("scenarios", "all").equals("all")
            ? List.copyOf(Scenarios.ALL.keySet())
            : List.of(o.get("scenarios").split(","));
    int clients = Integer.parseInt(o.getOrDefault("clients", "16"));
    // The server's process on this machine: its CPU per operation is a second measure of a change
    // beside throughput on a machine shared with the harness, PostgreSQL and Keycloak (noisy too).
    long serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
    Api api =
        new Api(
            URI.create(o.getOrDefault("api", "http://localhost:8080/api/v1/")),
            URI.create(o.getOrDefault("realm", "http://localhost:8180/realms/unionhub")),
            o.getOrDefault("client", "unionhub-cli"),
            o.getOrDefault("password", "unionhub"));

    List<Result> results = new ArrayList<>();
    for (String name : names) {
      Scenario s = Scenarios.ALL.get(name.strip());
      if (s == null) {
        throw new IllegalArgumentException(
            "unknown scenario " + name + "; known: " + Scenarios.ALL.keySet());
      }
      System.out.printf(
          "%s: %s — %d clients, %d s warm-up, %d s measured%n",
          s.name(), s.operationDescription(), clients, warmup, seconds);
      Result r = run(api, s, clients, warmup, seconds, serverPid);
      if (seconds == 0) {
        // A warm-up of the server only (load.sh's JIT warm-up): nothing measured, nothing reported.
        System.out.printf(
            "%s: warmed up for %d s (%d failed operations)%n", s.name(), warmup, r.errors());
        r.firstErrors().forEach(e -> System.out.println("  error: " + e));
        continue;
      }
      results.add(r);
      System.out.println(Result.tableHeader());
      System.out.println(r.tableRow());
      r.firstErrors().forEach(e -> System.out.println("  error: " + e));
    }
    if (o.containsKey("tsv")) {
      StringBuilder sb = new StringBuilder();
      results.forEach(r -> sb.append(r.tsv()).append('\n'));
      Files.writeString(
          Path.of(o.get("tsv")),
          sb,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    if (o.containsKey("append") && !results.isEmpty()) {
      append(Path.of(o.get("append")), results, o.getOrDefault("note", ""));
    }
    if (results.stream().anyMatch(r -> r.errors() > 0)) {
      System.out.println(
          "Some operations failed (see the errors above); their numbers are suspect.");
      System.exit(2);
    }
  }

  /** Runs one scenario: prepare, warm up, measure. */
  public static Result run(
      Api api, Scenario scenario, int clients, int warmupSeconds, int seconds, long serverPid)
      throws InterruptedException {
    // Scenarios that use up prepared data (survey answers: once per member) size it by the run.
    System.setProperty("loadtest.run-seconds", Integer.toString(warmupSeconds + seconds));
    scenario.prepare(api);
    // Warm-up: the same work, thrown away (JIT, connection pools, caches).
    measure(api, scenario, clients, warmupSeconds);
    double loadBefore = Machine.load();
    long cpuBefore = Machine.processCpuNanos();
    long serverBefore = Machine.processCpuNanos(serverPid);
    Measured m = measure(api, scenario, clients, seconds);
    if (m.seconds > 0) {
      // The harness shares the machine with the server it measures: say what it took.
      System.out.printf(
          "%s: the harness itself used %.2f cores while measuring%n",
          scenario.name(), (Machine.processCpuNanos() - cpuBefore) / 1e9 / m.seconds);
      long server = Machine.processCpuNanos(serverPid) - serverBefore;
      long operations = m.histogram.getTotalCount();
      if (serverPid > 0 && server > 0 && operations > 0) {
        System.out.printf(
            "%s: the server used %.2f cores, %.2f ms of CPU per operation%n",
            scenario.name(), server / 1e9 / m.seconds, server / 1e6 / operations);
      }
    }
    return new Result(
        scenario.name(),
        clients,
        m.seconds,
        m.histogram,
        m.errors.get(),
        m.firstErrors,
        loadBefore,
        Machine.load());
  }

  private record Measured(
      Histogram histogram, AtomicLong errors, List<String> firstErrors, double seconds) {}

  private static Measured measure(Api api, Scenario scenario, int clients, int seconds)
      throws InterruptedException {
    if (seconds <= 0) {
      return new Measured(new Histogram(3), new AtomicLong(), List.of(), 0);
    }
    Histogram[] histograms = new Histogram[clients];
    AtomicLong errors = new AtomicLong();
    List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      int client = c;
      // Up to one minute per operation, 3 significant digits.
      histograms[c] = new Histogram(60_000_000L, 3);
      threads[c] =
          new Thread(
              () -> {
                long n = 0;
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  try {
                    scenario.operation(api, client, n++);
                    histograms[client].recordValue(
                        Math.min((System.nanoTime() - t0) / 1000, 60_000_000L));
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    if (firstErrors.size() < 5) {
                      firstErrors.add(e.getMessage());
                    }
                  }
                }
              },
              scenario.name() + "-" + c);
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Histogram all = new Histogram(60_000_000L, 3);
    for (Histogram h : histograms) {
      all.add(h);
    }
    return new Measured(all, errors, List.copyOf(firstErrors), elapsed);
  }

  /** Appends the results with the machine, date and a note as a section of a Markdown file. */
  public static void append(Path file, List<Result> results, String note) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("\n### Load harness, ")
        .append(
            OffsetDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append("\n\n")
        .append("Machine: ")
        .append(Machine.describe())
        .append(". Shared with other builds: the load average is next to every number.")
        .append(note.isBlank() ? "" : " " + note)
        .append("\n\n")
        .append(Result.tableHeader())
        .append('\n');
    results.forEach(r -> sb.append(r.tableRow()).append('\n'));
    Files.writeString(
        file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }
}
