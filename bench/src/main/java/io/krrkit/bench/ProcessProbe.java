package io.krrkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads another JVM's resources from Linux's {@code /proc/<pid>} and {@code jcmd}: resident memory,
 * heap after a full GC, metaspace, threads, open file descriptors and CPU time.
 */
final class ProcessProbe {
  /** One reading. Memory in MB; {@code cpuSeconds} is user + system time since the JVM started. */
  record Reading(
      double rssMb,
      double heapAfterGcMb,
      double metaspaceMb,
      int threads,
      int fds,
      double cpuSeconds) {}

  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
  private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");
  private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

  private final long pid;
  private final Path proc;

  ProcessProbe(long pid) {
    this.pid = pid;
    this.proc = Path.of("/proc", Long.toString(pid));
    if (!Files.isDirectory(proc)) {
      throw new IllegalArgumentException("no process " + pid + " (this needs Linux's /proc)");
    }
  }

  /**
   * Reads everything; the live heap comes from {@code jcmd GC.class_histogram}, which runs a full
   * GC and counts what survived in the same pause (a separate {@code GC.run} then {@code
   * GC.heap_info} would count what was allocated between the two commands).
   */
  Reading read() throws IOException, InterruptedException {
    String histogram = jcmd("GC.class_histogram");
    String heapInfo = jcmd("GC.heap_info");
    String status = Files.readString(proc.resolve("status"));
    int fds;
    try (Stream<Path> entries = Files.list(proc.resolve("fd"))) {
      fds = (int) entries.count();
    }
    return new Reading(
        statusField(status, "VmRSS") / 1024.0,
        liveBytes(histogram) / (1024.0 * 1024.0),
        kilobytes(METASPACE, heapInfo) / 1024.0,
        (int) statusField(status, "Threads"),
        fds,
        cpuSeconds());
  }

  private static long statusField(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException("no " + name + " in /proc/<pid>/status");
  }

  private static long liveBytes(String histogram) {
    Matcher m = TOTAL.matcher(histogram);
    if (!m.find()) {
      throw new IllegalStateException("no Total line in jcmd GC.class_histogram");
    }
    return Long.parseLong(m.group(1));
  }

  private static long kilobytes(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("jcmd GC.heap_info said: " + text.strip());
    }
    return Long.parseLong(m.group(1));
  }

  /** utime + stime, fields 14 and 15 of /proc/<pid>/stat (counted after the command name). */
  private double cpuSeconds() throws IOException {
    String stat = Files.readString(proc.resolve("stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(List.of("jcmd", Long.toString(pid), command))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + out.strip());
    }
    return out;
  }
}
