package io.krrkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop: calls one {@link Action} at a fixed rate from a few threads, for the soak. Call
 * {@code n} is due at {@code start + n / rate}; a thread that finds its call already due sends it
 * at once, so a server that slows down gets the same rate (up to the thread count) and falls behind
 * rather than being offered less.
 */
final class PacedLoad {
  /** One kind of request; {@code n} counts calls from 0, for mixing in refusals. */
  interface Action {
    /** Sends one unit of work; returns its result, or throws for an unexpected answer. */
    Result call(long n) throws Exception;
  }

  /** What a call did: how many HTTP requests, and whether a refusal was asked for. */
  record Result(int requests, boolean expectedRefusal) {
    static Result ok(int requests) {
      return new Result(requests, false);
    }

    static Result refused(int requests) {
      return new Result(requests, true);
    }
  }

  /** Thrown by an action for an answer it did not expect; the label groups the error count. */
  static final class UnexpectedAnswer extends Exception {
    UnexpectedAnswer(String label) {
      super(label, null, false, false);
    }
  }

  private final String name;
  private final double rate;
  private final int threads;
  private final Action action;
  private final AtomicLong ticks = new AtomicLong();
  final LongAdder calls = new LongAdder();
  final LongAdder requests = new LongAdder();
  final LongAdder refusals = new LongAdder();
  final LongAdder late = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final List<Latencies> latencies = new ArrayList<>();

  PacedLoad(String name, double rate, int threads, Action action) {
    this.name = name;
    this.rate = rate;
    this.threads = threads;
    this.action = action;
  }

  String name() {
    return name;
  }

  double rate() {
    return rate;
  }

  /** Starts the threads; they stop at {@code endNanos} (a {@link System#nanoTime()} value). */
  List<Thread> start(long startNanos, long endNanos) {
    List<Thread> started = new ArrayList<>();
    if (rate <= 0) {
      return started;
    }
    long period = (long) (1e9 / rate);
    for (int i = 0; i < threads; i++) {
      Latencies mine = new Latencies();
      synchronized (latencies) {
        latencies.add(mine);
      }
      Thread t =
          new Thread(() -> work(startNanos, endNanos, period, mine), "loadgen-" + name + "-" + i);
      t.setDaemon(true);
      t.start();
      started.add(t);
    }
    return started;
  }

  private void work(long startNanos, long endNanos, long period, Latencies mine) {
    while (true) {
      long n = ticks.getAndIncrement();
      long due = startNanos + n * period;
      if (due >= endNanos) {
        return;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (-wait > 1_000_000_000L) {
        late.increment();
      }
      long t0 = System.nanoTime();
      try {
        Result r = action.call(n);
        mine.record(System.nanoTime() - t0);
        requests.add(r.requests());
        if (r.expectedRefusal()) {
          refusals.increment();
        }
      } catch (UnexpectedAnswer e) {
        error(e.getMessage());
      } catch (Exception e) {
        error(e.getClass().getSimpleName());
      }
      calls.increment();
    }
  }

  private void error(String label) {
    LongAdder count = errors.computeIfAbsent(label, k -> new LongAdder());
    count.increment();
    if (count.sum() == 1) {
      System.err.println("soak: first error of its kind (" + name + "): " + label);
    }
  }

  long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Errors by label, for the summary. */
  Map<String, Long> errorsByLabel() {
    Map<String, Long> result = new TreeMap<>();
    errors.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }

  /** All latencies so far, sorted; call after the threads stopped. */
  Latencies latencies() {
    synchronized (latencies) {
      return Latencies.merge(latencies);
    }
  }
}
