package io.krrkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} workers each send the next request as soon as the last one
 * answered, for a fixed time.
 */
final class ClosedLoop {
  /** What one run measured. */
  record Result(
      long requests,
      long persons,
      long errors,
      double seconds,
      Latencies latencies,
      long serverCpuNanos,
      long loadGeneratorCpuNanos) {
    double perSecond() {
      return requests / seconds;
    }

    /** Server-side CPU per request, in microseconds (see {@link CpuMeter}). */
    double serverCpuMicros() {
      return requests == 0 ? Double.NaN : serverCpuNanos / 1e3 / requests;
    }

    /** Load generator CPU per request, in microseconds. */
    double loadGeneratorCpuMicros() {
      return requests == 0 ? Double.NaN : loadGeneratorCpuNanos / 1e3 / requests;
    }
  }

  private ClosedLoop() {}

  /** Runs {@code scenario} from {@code concurrency} threads for {@code seconds}. */
  static Result run(Scenario scenario, int concurrency, double seconds) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong errors = new AtomicLong();
    AtomicLong covered = new AtomicLong();
    AtomicLong threadNumber = new AtomicLong();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            concurrency, r -> new Thread(r, "loadgen-" + threadNumber.incrementAndGet()));
    try {
      CpuMeter.Snapshot cpuBefore = CpuMeter.now();
      List<Future<Latencies>> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < concurrency; i++) {
        workers.add(pool.submit(() -> work(scenario, deadline, errors, covered)));
      }
      List<Latencies> parts = new ArrayList<>();
      for (Future<Latencies> w : workers) {
        parts.add(w.get());
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      CpuMeter.Snapshot cpuAfter = CpuMeter.now();
      Latencies all = Latencies.merge(parts);
      return new Result(
          all.size(),
          covered.get(),
          errors.get(),
          elapsed,
          all,
          cpuAfter.serverSince(cpuBefore),
          cpuAfter.loadGeneratorSince(cpuBefore));
    } finally {
      pool.shutdown();
    }
  }

  private static Latencies work(
      Scenario scenario, long deadline, AtomicLong errors, AtomicLong covered) {
    Latencies latencies = new Latencies();
    while (System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      try {
        covered.addAndGet(scenario.call());
        latencies.record(System.nanoTime() - t0);
      } catch (GrantPool.ExhaustedException e) {
        errors.incrementAndGet();
        return latencies;
      } catch (Exception e) {
        if (errors.incrementAndGet() == 1) {
          System.err.println("first error: " + e.getMessage());
        }
      }
    }
    return latencies;
  }
}
