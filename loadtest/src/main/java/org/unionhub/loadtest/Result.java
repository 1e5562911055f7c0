package org.unionhub.loadtest;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one measured run of a scenario gave.
 *
 * @param scenario the scenario's name
 * @param clients concurrent clients
 * @param seconds measured seconds (after the warm-up)
 * @param histogram latencies of the successful operations, in microseconds
 * @param errors operations that failed or answered unexpectedly
 * @param firstErrors the first few error messages
 * @param loadBefore the 1-minute load average when the measurement started
 * @param loadAfter the 1-minute load average when it ended
 */
public record Result(
    String scenario,
    int clients,
    double seconds,
    Histogram histogram,
    long errors,
    List<String> firstErrors,
    double loadBefore,
    double loadAfter) {

  /** Successful operations per second. */
  public double throughput() {
    return histogram.getTotalCount() / seconds;
  }

  /** A latency percentile in milliseconds. */
  public double ms(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  /** The header of {@link #tableRow()}. */
  public static String tableHeader() {
    return "| Scenario | Clients | Seconds | Operations | Per second | p50 ms | p95 ms | p99 ms | max ms"
        + " | Errors | Load avg before → after |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";
  }

  /** One Markdown table row. */
  public String tableRow() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.2f → %.2f |",
        scenario,
        clients,
        seconds,
        histogram.getTotalCount(),
        throughput(),
        ms(50),
        ms(95),
        ms(99),
        histogram.getMaxValue() / 1000.0,
        errors,
        loadBefore,
        loadAfter);
  }

  /**
   * One tab-separated line for scripts: name, clients, seconds, ops, per second, p50, p95, p99,
   * max, errors.
   */
  public String tsv() {
    return String.format(
        Locale.ROOT,
        "%s\t%d\t%.1f\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%.2f\t%.2f",
        scenario,
        clients,
        seconds,
        histogram.getTotalCount(),
        throughput(),
        ms(50),
        ms(95),
        ms(99),
        histogram.getMaxValue() / 1000.0,
        errors,
        loadBefore,
        loadAfter);
  }
}
