package io.krrkit.krr;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits without holding a thread before a retry. Tests replace it to record the waits instead of
 * sleeping.
 */
@FunctionalInterface
interface Delayer {
  /** The real one, on the JDK's shared delayed executor. */
  Delayer SYSTEM =
      delay ->
          CompletableFuture.runAsync(
              () -> {}, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));

  /** A future completing after {@code delay}. */
  CompletableFuture<Void> after(Duration delay);
}
