package io.krrkit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this JVM, split into the load generator's threads (workers named {@code loadgen-*}
 * and the JDK HttpClient's) and everything else (the server under test, GC, JIT). CPU per request
 * holds up when other processes share the machine, where requests per second do not.
 */
final class CpuMeter {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** CPU nanoseconds at one instant: the whole process and the load generator's part. */
  record Snapshot(long process, long loadGenerator) {
    /** Server-side CPU nanoseconds between {@code before} and this. */
    long serverSince(Snapshot before) {
      return (process - before.process) - (loadGenerator - before.loadGenerator);
    }

    long loadGeneratorSince(Snapshot before) {
      return loadGenerator - before.loadGenerator;
    }
  }

  private CpuMeter() {}

  static Snapshot now() {
    long loadGenerator = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && isLoadGenerator(info.getThreadName())) {
        loadGenerator += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
      }
    }
    return new Snapshot(OS.getProcessCpuTime(), loadGenerator);
  }

  private static boolean isLoadGenerator(String name) {
    return name.startsWith("loadgen-") || name.startsWith("HttpClient-");
  }
}
