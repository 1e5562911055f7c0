package org.unionhub.loadtest;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine and its load, for the record next to every number. */
public final class Machine {

  private Machine() {}

  /** Prints {@link #describe()} (for scripts). */
  public static void main(String[] args) {
    System.out.println(describe());
  }

  /** The 1-minute load average (Linux), or -1. */
  public static double load() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time this JVM has used so far, in nanoseconds (all its threads), or 0 if unknown. */
  public static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime())
        : 0;
  }

  /**
   * CPU time another process on this machine has used so far, from Linux's /proc (user and system
   * time, in the kernel's clock ticks of 10 ms), or 0 if unknown.
   *
   * @param pid the process, or 0
   */
  public static long processCpuNanos(long pid) {
    if (pid <= 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Host, CPU model and count, memory, OS and JVM on one line. */
  public static String describe() {
    String cpu = "?";
    String mem = "?";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .findFirst()
              .orElse("?");
      mem =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
              .findFirst()
              .orElse("?");
    } catch (IOException | RuntimeException e) {
      // not Linux: leave the question marks
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "?";
    }
    return String.format(
        Locale.ROOT,
        "%s: %d × %s, %s RAM, %s %s, Java %s",
        host,
        Runtime.getRuntime().availableProcessors(),
        cpu,
        mem,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }
}
