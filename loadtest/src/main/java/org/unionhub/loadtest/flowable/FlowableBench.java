package org.unionhub.loadtest.flowable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.flowable.dmn.engine.configurator.DmnEngineConfigurator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.unionhub.loadtest.Machine;
import org.unionhub.loadtest.Result;

/**
 * The comparison of issue 13: Flowable 7 embedded in a plain JVM, on the same PostgreSQL, doing
 * what UnionHub's submit-and-approve does — start a process whose first step evaluates a DMN
 * decision (the enrollment rules) and which then waits in a user task, then complete that task —
 * with history at audit level, at the same concurrency and duration as the HTTP harness.
 *
 * <pre>
 * java -cp ... org.unionhub.loadtest.flowable.FlowableBench --jdbc-url jdbc:postgresql://... \
 *     [--user postgres] [--password ""] [--clients 16] [--seconds 30] [--warmup 10]
 *     [--jit-warmup 0] [--scenarios pair,start] [--tsv results.tsv]
 * </pre>
 *
 * <p>The first scenario's warm-up is longer by {@code --jit-warmup} seconds (the JVM's compiler, as
 * for UnionHub's server). Pairs come first: starting processes without completing them leaves their
 * tasks open, and the next scenario would run on a database of tens of thousands of open tasks
 * (pairs fell from 125/s to 21/s after 160 s of starts), while UnionHub's pairs run on a database
 * without open requests (load.sh).
 */
public final class FlowableBench {

  private FlowableBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].substring(2), args[i + 1]);
    }
    int clients = Integer.parseInt(o.getOrDefault("clients", "16"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
    int jitWarmup = Integer.parseInt(o.getOrDefault("jit-warmup", "0"));
    ProcessEngineConfiguration cfg =
        new StandaloneProcessEngineConfiguration()
            .setJdbcUrl(o.get("jdbc-url"))
            .setJdbcDriver("org.postgresql.Driver")
            .setJdbcUsername(o.getOrDefault("user", "postgres"))
            .setJdbcPassword(o.getOrDefault("password", ""))
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
            .setHistory("audit")
            .setAsyncExecutorActivate(false);
    // Flowable's own pool: one connection per client (its default is 10).
    cfg.setJdbcMaxActiveConnections(clients + 2);
    cfg.setJdbcMaxIdleConnections(clients + 2);
    ((StandaloneProcessEngineConfiguration) cfg).addConfigurator(new DmnEngineConfigurator());
    ProcessEngine engine = cfg.buildProcessEngine();
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .name("enrollment")
          .addClasspathResource("flowable/enrollment.bpmn20.xml")
          .addClasspathResource("flowable/enrollment.dmn")
          .deploy();
      List<Result> results = new ArrayList<>();
      int firstWarmup = warmup + jitWarmup;
      for (String name : o.getOrDefault("scenarios", "pair,start").split(",")) {
        boolean complete =
            switch (name) {
              case "start" -> false;
              case "pair" -> true;
              default -> throw new IllegalArgumentException("scenarios: start, pair");
            };
        System.out.printf(
            "flowable-%s: %s — %d clients, %d s warm-up, %d s measured%n",
            name,
            complete
                ? "start a process (DMN decision, user task), then complete its task"
                : "start a process (DMN decision, user task)",
            clients,
            firstWarmup,
            seconds);
        measure(engine, complete, clients, firstWarmup);
        firstWarmup = warmup;
        double loadBefore = Machine.load();
        Measured m = measure(engine, complete, clients, seconds);
        Result r =
            new Result(
                "flowable-" + name,
                clients,
                m.seconds(),
                m.histogram(),
                m.errors(),
                m.firstErrors(),
                loadBefore,
                Machine.load());
        results.add(r);
        System.out.println(Result.tableHeader());
        System.out.println(r.tableRow());
        r.firstErrors().forEach(e -> System.out.println("  error: " + e));
      }
      if (o.containsKey("tsv")) {
        StringBuilder sb = new StringBuilder();
        results.forEach(r -> sb.append(r.tsv()).append('\n'));
        java.nio.file.Files.writeString(
            java.nio.file.Path.of(o.get("tsv")),
            sb,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      }
    } finally {
      engine.close();
    }
  }

  private record Measured(
      Histogram histogram, long errors, List<String> firstErrors, double seconds) {}

  private static Measured measure(ProcessEngine engine, boolean complete, int clients, int seconds)
      throws InterruptedException {
    Histogram[] histograms = new Histogram[clients];
    AtomicLong errors = new AtomicLong();
    List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      Histogram h = histograms[c] = new Histogram(60_000_000L, 3);
      threads[c] =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  try {
                    pair(engine, complete);
                    h.recordValue(Math.min((System.nanoTime() - t0) / 1000, 60_000_000L));
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    if (firstErrors.size() < 5) {
                      firstErrors.add(String.valueOf(e));
                    }
                  }
                }
              });
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    Histogram all = new Histogram(60_000_000L, 3);
    for (Histogram h : histograms) {
      all.add(h);
    }
    return new Measured(
        all, errors.get(), List.copyOf(firstErrors), (System.nanoTime() - start) / 1e9);
  }

  /** One submission (and its approval): the same form values the HTTP harness sends. */
  private static void pair(ProcessEngine engine, boolean complete) {
    var random = ThreadLocalRandom.current();
    LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(365 * 30));
    Map<String, Object> form = new HashMap<>();
    form.put("name", "张三");
    form.put("gender", "male");
    form.put(
        "idNumber",
        "440304"
            + birth.toString().replace("-", "")
            + String.format("%03d", random.nextInt(1000))
            + "X");
    form.put("mobile", "138" + String.format("%08d", random.nextInt(100_000_000)));
    form.put("employerName", "深圳市福田区星河科技有限公司");
    form.put("employerCreditCode", "91440300192185379H");
    form.put("employmentType", "employee");
    form.put("district", "gd-sz-ft");
    form.put("tenant", "gd-sz-ft-001");
    form.put("age", birth.until(LocalDate.now()).getYears());
    form.put(
        "dueDate",
        Date.from(LocalDate.now().plusDays(7).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("enrollment", UUID.randomUUID().toString(), form);
    if (!complete) {
      return;
    }
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    if (task == null) {
      throw new IllegalStateException("no review task for process " + pi.getId());
    }
    engine
        .getTaskService()
        .complete(task.getId(), Map.of("action", "approve", "comment", "load test"));
  }
}
