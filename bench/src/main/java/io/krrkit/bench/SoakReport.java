package io.krrkit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Runs the soak's loads, samples the server every interval and prints the table, the totals and
 * least-squares memory slopes. The first sample is taken before any load; slopes use the samples of
 * the last three quarters of the run, so start-up, JIT and the first fill of caches are left out.
 */
final class SoakReport {
  private record Sample(double seconds, ProcessProbe.Reading reading, long[] calls, long errors) {}

  private final ProcessProbe probe;
  private final List<PacedLoad> loads;
  private final Duration duration;
  private final Duration interval;

  SoakReport(ProcessProbe probe, List<PacedLoad> loads, Duration duration, Duration interval) {
    this.probe = probe;
    this.loads = loads;
    this.duration = duration;
    this.interval = interval;
  }

  void run() throws Exception {
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    samples.add(sample(start));
    long loadStart = System.nanoTime();
    long end = loadStart + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (PacedLoad load : loads) {
      threads.addAll(load.start(loadStart, end));
    }
    printHeader();
    printRow(samples.get(0), null);
    for (long next = loadStart + interval.toNanos(); next <= end; next += interval.toNanos()) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      Sample s = sample(start);
      printRow(s, samples.get(samples.size() - 1));
      samples.add(s);
    }
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(60).toMillis());
    }
    printSummary(samples, (System.nanoTime() - loadStart) / 1e9);
  }

  private Sample sample(long start) throws Exception {
    ProcessProbe.Reading reading = probe.read();
    long[] calls = new long[loads.size()];
    long errors = 0;
    for (int i = 0; i < loads.size(); i++) {
      calls[i] = loads.get(i).calls.sum();
      errors += loads.get(i).errorCount();
    }
    return new Sample((System.nanoTime() - start) / 1e9, reading, calls, errors);
  }

  private void printHeader() {
    StringBuilder h =
        new StringBuilder("| t s | RSS MB | heap after GC MB | metaspace MB | threads");
    h.append(" | fds | server CPU % |");
    StringBuilder rule = new StringBuilder("|---:|---:|---:|---:|---:|---:|---:|");
    for (PacedLoad load : loads) {
      h.append(' ').append(load.name()).append("/s |");
      rule.append("---:|");
    }
    System.out.println(h.append(" errors |"));
    System.out.println(rule.append("---:|"));
  }

  private void printRow(Sample s, Sample previous) {
    ProcessProbe.Reading r = s.reading();
    StringBuilder row =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "| %.0f | %.0f | %.1f | %.1f | %d | %d | %s |",
                s.seconds(),
                r.rssMb(),
                r.heapAfterGcMb(),
                r.metaspaceMb(),
                r.threads(),
                r.fds(),
                previous == null
                    ? "-"
                    : String.format(
                        Locale.ROOT,
                        "%.0f",
                        100
                            * (r.cpuSeconds() - previous.reading().cpuSeconds())
                            / (s.seconds() - previous.seconds()))));
    for (int i = 0; i < loads.size(); i++) {
      row.append(' ')
          .append(
              previous == null
                  ? "-"
                  : String.format(
                      Locale.ROOT,
                      "%.1f",
                      (s.calls()[i] - previous.calls()[i]) / (s.seconds() - previous.seconds())))
          .append(" |");
    }
    System.out.println(row.append(' ').append(s.errors()).append(" |"));
    System.out.flush();
  }

  private void printSummary(List<Sample> samples, double seconds) {
    System.out.println();
    System.out.println(
        "| load | target/s | done/s | calls | HTTP requests | expected refusals | errors | late >1 s"
            + " | p50 ms | p99 ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (PacedLoad load : loads) {
      Latencies l = load.latencies();
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %d | %d | %d | %d | %d | %.1f | %.1f |%n",
          load.name(),
          load.rate(),
          load.calls.sum() / seconds,
          load.calls.sum(),
          load.requests.sum(),
          load.refusals.sum(),
          load.errorCount(),
          load.late.sum(),
          l.quantileMillis(0.50),
          l.quantileMillis(0.99));
      load.errorsByLabel()
          .forEach((label, count) -> System.out.println("  error " + label + ": " + count));
    }
    double from = samples.get(0).seconds() + duration.toSeconds() / 4.0;
    List<Sample> loaded = samples.stream().filter(s -> s.seconds() >= from).toList();
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "slopes over the %d samples from t = %.0f s (least squares): RSS %+.1f MB/hour, heap after GC"
            + " %+.1f MB/hour, metaspace %+.1f MB/hour, threads %+.1f/hour, fds %+.1f/hour%n",
        loaded.size(),
        from,
        slopePerHour(loaded, r -> r.rssMb()),
        slopePerHour(loaded, r -> r.heapAfterGcMb()),
        slopePerHour(loaded, r -> r.metaspaceMb()),
        slopePerHour(loaded, r -> r.threads()),
        slopePerHour(loaded, r -> r.fds()));
  }

  /** The least-squares slope of {@code value} against time, per hour. */
  private static double slopePerHour(
      List<Sample> samples, ToDoubleFunction<ProcessProbe.Reading> value) {
    if (samples.size() < 2) {
      return Double.NaN;
    }
    double meanT = samples.stream().mapToDouble(Sample::seconds).average().orElseThrow();
    double meanY =
        samples.stream().mapToDouble(s -> value.applyAsDouble(s.reading())).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (Sample s : samples) {
      double dt = s.seconds() - meanT;
      num += dt * (value.applyAsDouble(s.reading()) - meanY);
      den += dt * dt;
    }
    return num / den * 3600;
  }
}
