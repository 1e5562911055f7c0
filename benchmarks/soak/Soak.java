import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak harness: mixed traffic against a running UnionHub for a chosen time, with the request
 * timers made due every few seconds so that they fire all along; samples WildFly's live heap
 * (after a full GC), Metaspace and threads and PostgreSQL's connections; at the end reads the
 * server log for errors and prints a summary. Run by benchmarks/soak/soak.sh, which starts
 * UnionHub through the launcher first. JDK plus the PostgreSQL JDBC driver only.
 *
 * <p>Arguments: APP-URL KEYCLOAK-URL PG-PORT CREDENTIALS-FILE WILDFLY-PID MINUTES SERVER-LOG OUT-DIR
 */
public class Soak {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  static String app;
  static String keycloak;
  static final Map<String, String> tokens = new ConcurrentHashMap<>();
  static final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  static final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String[]> open = new ConcurrentLinkedQueue<>();
  static final Map<String, String> lastOwn = new ConcurrentHashMap<>();
  static final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
  static final AtomicInteger sequence = new AtomicInteger();
  static volatile boolean running = true;

  public static void main(String[] args) throws Exception {
    app = args[0];
    keycloak = args[1];
    int pgPort = Integer.parseInt(args[2]);
    var credentials = new Properties();
    try (var in = Files.newBufferedReader(Path.of(args[3]))) {
      credentials.load(in);
    }
    long wildflyPid = Long.parseLong(args[4]);
    double minutes = Double.parseDouble(args[5]);
    Path serverLog = Path.of(args[6]);
    Path out = Path.of(args[7]);
    Files.createDirectories(out);
    long jvm =
        ProcessHandle.of(wildflyPid).orElseThrow().descendants()
            .filter(p -> p.info().command().orElse("").endsWith("/java"))
            .findFirst()
            .orElseThrow()
            .pid();
    String pgUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/unionhub";
    String pgPassword = credentials.getProperty("pg_superuser_password");
    String appRole = credentials.getProperty("pg_app");
    long logStart = Files.exists(serverLog) ? Files.size(serverLog) : 0;

    List<Thread> threads = new ArrayList<>();
    for (String worker : List.of("worker1", "worker2", "worker3")) {
      threads.add(start(() -> loop(() -> workerStep(worker))));
    }
    threads.add(start(() -> loop(Soak::staffStep)));
    threads.add(start(() -> loop(Soak::adminStep)));

    var samples = new ArrayList<long[]>();
    var csv = new StringBuilder("seconds,live_heap_mb,metaspace_mb,threads,db_connections_app,db_connections_all,timers_fired,calls,errors_5xx,p50_ms,p95_ms\n");
    Instant start = Instant.now();
    Instant end = start.plusSeconds((long) (minutes * 60));
    long lastSample = 0;
    try (Connection db = DriverManager.getConnection(pgUrl, "postgres", pgPassword)) {
      while (Instant.now().isBefore(end)) {
        // Timers: make a few pending ones due now, so the poller fires them all along.
        exec(db, "UPDATE request_timer SET fire_at = now() - interval '1 second' WHERE id IN"
            + " (SELECT id FROM request_timer WHERE fired_at IS NULL ORDER BY fire_at LIMIT 10)");
        long elapsed = Duration.between(start, Instant.now()).toSeconds();
        if (elapsed - lastSample >= 60 || lastSample == 0 && elapsed >= 20) {
          lastSample = elapsed;
          long[] s = sample(jvm, db, appRole, elapsed);
          samples.add(s);
          csv.append(String.join(",", java.util.Arrays.stream(s).mapToObj(Long::toString).toList())).append('\n');
          System.out.printf(
              "%5d s  live heap %4d MB  Metaspace %4d MB  threads %4d  db conns app %3d all %3d  timers fired %6d  calls %7d  5xx %d  p50 %d ms  p95 %d ms%n",
              s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10]);
          Files.writeString(out.resolve("samples.csv"), csv);
        }
        Thread.sleep(5000);
      }
      running = false;
      for (Thread t : threads) {
        t.join(60_000);
      }
      long[] last = sample(jvm, db, appRole, Duration.between(start, Instant.now()).toSeconds());
      samples.add(last);
      csv.append(String.join(",", java.util.Arrays.stream(last).mapToObj(Long::toString).toList())).append('\n');
      Files.writeString(out.resolve("samples.csv"), csv);
    }

    String log = Files.readString(serverLog).substring((int) Math.min(logStart, Files.size(serverLog)));
    List<String> errors = log.lines().filter(l -> l.contains(" ERROR ")).toList();
    Files.write(out.resolve("server-errors.txt"), errors);

    long[] first = samples.get(0);
    long[] last = samples.get(samples.size() - 1);
    long maxHeap = samples.stream().mapToLong(s -> s[1]).max().orElse(0);
    long maxThreads = samples.stream().mapToLong(s -> s[3]).max().orElse(0);
    long maxConns = samples.stream().mapToLong(s -> s[4]).max().orElse(0);
    var summary = new StringBuilder();
    summary.append(String.format("Soak: %.1f min of mixed traffic, timers made due every 5 s%n", minutes));
    summary.append(String.format("calls: %s%n", new java.util.TreeMap<>(calls)));
    summary.append(String.format("5xx answers: %d; transport errors: %d%n", count("5xx"), count("io-error")));
    summary.append(String.format("timers fired: %d%n", last[6]));
    summary.append(String.format("live heap after full GC: first %d MB, last %d MB, max %d MB%n", first[1], last[1], maxHeap));
    summary.append(String.format("Metaspace: first %d MB, last %d MB%n", first[2], last[2]));
    summary.append(String.format("threads: first %d, last %d, max %d%n", first[3], last[3], maxThreads));
    summary.append(String.format("DB connections of the application role: first %d, last %d, max %d%n", first[4], last[4], maxConns));
    summary.append(String.format("ERROR lines in server.log during the soak: %d%n", errors.size()));
    errors.stream().limit(5).forEach(e -> summary.append("  ").append(e).append('\n'));
    System.out.print(summary);
    Files.writeString(out.resolve("summary.txt"), summary);
  }

  static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }

  static long count(String key) {
    AtomicLong c = calls.get(key);
    return c == null ? 0 : c.get();
  }

  static long[] sample(long jvm, Connection db, String appRole, long elapsed) throws Exception {
    run("jcmd", Long.toString(jvm), "GC.run");
    // jstat -gc: S0C S1C S0U S1U EC EU OC OU MC MU ... (KB)
    String[] gc = run("jstat", "-gc", Long.toString(jvm)).lines().skip(1).findFirst().orElseThrow().trim().split("\\s+");
    double heapKb = Double.parseDouble(gc[2]) + Double.parseDouble(gc[3]) + Double.parseDouble(gc[5]) + Double.parseDouble(gc[7]);
    double metaKb = Double.parseDouble(gc[9]);
    long threads;
    try (var tasks = Files.list(Path.of("/proc/" + jvm + "/task"))) {
      threads = tasks.count();
    }
    long appConns = single(db, "SELECT count(*) FROM pg_stat_activity WHERE usename = '" + appRole + "'");
    long allConns = single(db, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'");
    long fired = single(db, "SELECT count(*) FROM request_timer WHERE fired_at IS NOT NULL");
    var lat = new ArrayList<Long>();
    Long l;
    while ((l = latencies.poll()) != null) {
      lat.add(l);
    }
    Collections.sort(lat);
    long p50 = lat.isEmpty() ? 0 : lat.get(lat.size() / 2);
    long p95 = lat.isEmpty() ? 0 : lat.get((int) (lat.size() * 0.95));
    long total = calls.entrySet().stream().filter(e -> e.getKey().startsWith("2") || e.getKey().startsWith("4")).mapToLong(e -> e.getValue().get()).sum();
    return new long[] {elapsed, (long) (heapKb / 1024), (long) (metaKb / 1024), threads, appConns, allConns, fired, total, count("5xx"), p50, p95};
  }

  // ------------------------------------------------------------------ traffic

  interface Step {
    void run() throws Exception;
  }

  static void loop(Step step) {
    while (running) {
      try {
        step.run();
        Thread.sleep(ThreadLocalRandom.current().nextInt(20, 120));
      } catch (Exception e) {
        calls.computeIfAbsent("io-error", k -> new AtomicLong()).incrementAndGet();
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  static void workerStep(String worker) throws Exception {
    int dice = ThreadLocalRandom.current().nextInt(10);
    if (dice < 5) {
      // A new person each time (the soak's database starts empty): birth day and sequence from a
      // counter, so no ID number repeats — one membership per person (issue 11) refuses a repeated
      // one with 422, and the first hour-long run submitted mostly repeats (5,000 distinct IDs).
      int n = sequence.incrementAndGet();
      String idNumber = idNumber(LocalDate.of(1970, 1, 1).plusDays(n / 1000), n);
      String body = "{\"data\":{\"name\":\"浸泡" + n + "\",\"gender\":\"male\",\"idNumber\":\"" + idNumber
          + "\",\"mobile\":\"13800138000\",\"employerName\":\"深圳市福田区星河科技有限公司\","
          + "\"employerCreditCode\":\"91440300192185379H\",\"employmentType\":\"employee\",\"district\":\"gd-sz-ft\"}}";
      var r = call("POST", "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests", worker, body, "submit");
      if (r != null && r.statusCode() == 201) {
        Matcher id = ID.matcher(r.body());
        Matcher v = VERSION.matcher(r.body());
        if (id.find() && v.find()) {
          lastOwn.put(worker, id.group(1));
          if (open.size() < 2000) {
            open.add(new String[] {id.group(1), v.group(1)});
          }
        }
      }
    } else if (dice < 8) {
      call("GET", "/api/v1/calendar/due-date?tenant=gd-sz-ft-001&start=2026-09-28&workingDays=5", worker, null, "due-date");
    } else {
      String own = lastOwn.get(worker);
      if (own != null) {
        call("GET", "/api/v1/requests/" + own, worker, null, "get-request");
      }
    }
  }

  static void staffStep() throws Exception {
    int dice = ThreadLocalRandom.current().nextInt(10);
    if (dice < 4) {
      call("GET", "/api/v1/tenants/gd-sz-ft/requests?open=true&limit=50", "ft-staff", null, "worklist");
    } else {
      String[] next = open.poll();
      if (next == null) {
        return;
      }
      String action = dice < 8 ? "approve" : "reject";
      call("POST", "/api/v1/requests/" + next[0] + "/transitions", "ft-staff",
          "{\"action\":\"" + action + "\",\"comment\":\"soak\"}", "act", "If-Match", "\"" + next[1] + "\"");
    }
  }

  static void adminStep() throws Exception {
    int dice = ThreadLocalRandom.current().nextInt(20);
    if (dice == 0) {
      int age = 16 + ThreadLocalRandom.current().nextInt(2);
      call("PUT", "/api/v1/tenants/gd-sz/modules/enrollment/draft", "sz-admin",
          "{\"settings\":{\"minimumAge\":{\"value\":" + age + "}}}", "draft");
      call("POST", "/api/v1/tenants/gd-sz/modules/enrollment/publish", "sz-admin", "{\"note\":\"soak\"}", "publish");
    } else if (dice < 10) {
      call("GET", "/api/v1/tenants/gd-sz-ft-001/modules/enrollment", "sz-admin", null, "effective-config");
    } else {
      call("GET", "/api/v1/audit?tenant=gd-sz&limit=20", "sz-admin", null, "audit");
    }
    Thread.sleep(300);
  }

  static HttpResponse<String> call(String method, String path, String user, String body, String name, String... headers) throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      var b = HttpRequest.newBuilder(URI.create(app + path)).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + token(user, attempt > 0));
      if (body != null) {
        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      long t0 = System.nanoTime();
      var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 401 && attempt == 0) {
        continue; // token expired: fetch a new one
      }
      latencies.add((System.nanoTime() - t0) / 1_000_000);
      String key = r.statusCode() >= 500 ? "5xx" : r.statusCode() + " " + name;
      calls.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
      if (r.statusCode() >= 500) {
        serverErrors.add(method + " " + path + " -> " + r.statusCode());
      }
      return r;
    }
    return null;
  }

  static String token(String user, boolean fresh) throws Exception {
    if (fresh) {
      tokens.remove(user);
    }
    String t = tokens.get(user);
    if (t != null) {
      return t;
    }
    String form = "grant_type=password&client_id=unionhub-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=unionhub";
    var r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/unionhub/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("no token for " + user + ": " + r.body());
    }
    tokens.put(user, m.group(1));
    return m.group(1);
  }

  static String idNumber(LocalDate birth, int sequence) {
    String first17 = "440304" + birth.toString().replace("-", "") + String.format("%03d", sequence % 1000);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  static String run(String... command) throws Exception {
    var p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  static void exec(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  static long single(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
