package org.unionhub.benchmarks;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Locale;

/** Heap and Metaspace readings for the harnesses. */
final class Memory {

  private static final MemoryPoolMXBean METASPACE =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getName().equals("Metaspace"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("this JVM has no Metaspace pool"));

  private Memory() {}

  /** Full collections until used heap stops shrinking (G1 runs a full GC on System.gc()). */
  static void fullGc() {
    long before = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long now = heapUsed();
      if (now >= before - (1 << 20)) {
        return;
      }
      before = now;
    }
  }

  static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long metaspaceUsed() {
    return METASPACE.getUsage().getUsed();
  }

  static long metaspaceCommitted() {
    return METASPACE.getUsage().getCommitted();
  }

  static String classes() {
    ClassLoadingMXBean c = ManagementFactory.getClassLoadingMXBean();
    return "classes loaded " + c.getLoadedClassCount() + ", unloaded " + c.getUnloadedClassCount();
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }

  static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
