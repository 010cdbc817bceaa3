package io.krrkit.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Ctrl-C (SIGINT, or SIGTERM) during {@code krr lookup --in}: the JVM runs its shutdown hooks, and
 * this one asks the lookup to stop at the end of the batch at hand ({@link #requested()}), where it
 * saves the checkpoint and prints how to resume, and waits for that ({@link #done()}) before the
 * JVM exits: with 130 after SIGINT, as shells expect. A batch that does not end within {@link
 * #WAIT_SECONDS} (KRR unreachable, retrying) leaves the last checkpoint, which is always
 * consistent, and {@code fallback} says how to resume from it.
 */
final class StopOnSignal implements AutoCloseable {
  static final long WAIT_SECONDS = 30;

  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;

  private StopOnSignal(PrintWriter err, Supplier<String> fallback) {
    this.hook = new Thread(() -> stop(err, fallback), "krr-lookup-interrupted");
  }

  /** Listens for the signal until {@link #close()}. */
  static StopOnSignal install(PrintWriter err, Supplier<String> fallback) {
    StopOnSignal stop = new StopOnSignal(err, fallback);
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** True once the user asked to stop. */
  boolean requested() {
    return requested.get();
  }

  /** The lookup saved its rows and printed how to resume (or ended): the JVM may exit. */
  void done() {
    done.countDown();
  }

  @Override
  public void close() {
    done();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs already; done() lets it finish.
    }
  }

  private void stop(PrintWriter err, Supplier<String> fallback) {
    requested.set(true);
    err.println("krr: interrupted: saving the rows done so far (at the end of this batch)...");
    err.flush();
    try {
      if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        err.println("krr: the batch did not end within " + WAIT_SECONDS + " s. " + fallback.get());
        err.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Thrown by the sink once it saved the checkpoint after a stop was requested. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Checkpoint checkpoint;

    Stopped(Checkpoint checkpoint) {
      super("interrupted", null, false, false);
      this.checkpoint = checkpoint;
    }
  }
}
