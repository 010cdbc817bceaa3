package io.krrkit.krr;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How {@link KrrClient} retries a batch after 429, a 5xx status or a connection failure:
 * exponential backoff with full jitter, except that a {@code Retry-After} from KRR is waited out
 * exactly.
 *
 * <p>Before retry {@code n} (1, 2, …) the client waits a random time between zero and {@code
 * min(maxDelay, initialDelay × 2^(n-1))}. When KRR asks for a longer wait than {@code maxDelay},
 * the client gives up at once and reports the wait in {@link KrrHttpException#retryAfter()}.
 *
 * @param maxAttempts attempts per batch, including the first; 1 turns retries off
 * @param initialDelay the upper bound of the first backoff
 * @param maxDelay the largest wait before one retry
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  /** Checks the bounds. */
  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(maxDelay, "maxDelay == null");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initialDelay <= maxDelay, was " + initialDelay + " and " + maxDelay);
    }
  }

  /** The default: 4 attempts, backoff from 250 ms up to 10 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(10));
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /** True when another attempt may follow attempt number {@code attempt} (1-based). */
  boolean allowsAnotherAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** The full-jitter backoff before retry number {@code retry} (1-based). */
  Duration backoff(int retry, RandomGenerator random) {
    long ceiling = ceilingMillis(retry);
    return ceiling == 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(ceiling + 1));
  }

  private long ceilingMillis(int retry) {
    long max = maxDelay.toMillis();
    long delay = initialDelay.toMillis();
    for (int i = 1; i < retry && delay < max; i++) {
      delay *= 2;
    }
    return Math.min(delay, max);
  }
}
