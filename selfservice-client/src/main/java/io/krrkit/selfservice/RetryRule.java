package io.krrkit.selfservice;

import io.krrkit.core.RetryAfter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a self-service call is tried again, and after how long. 429 and 503 say the request was not
 * handled, so every call is tried again after them; 502, 504 and a connection that dropped leave
 * open whether it was, so only calls that may be repeated ({@code GET}, {@code PUT}, {@code
 * DELETE}) are. A 500 and every other status is final, and so is a time-out (the call already had
 * its time). The wait is the answer's {@code Retry-After}, or else {@code initial} doubling up to
 * {@code max} with random jitter of up to half; a {@code Retry-After} longer than {@code max} ends
 * the tries at once.
 *
 * @param maxAttempts how often a call is sent in all, 1 to 10
 * @param initial the wait after the first try
 * @param max the longest wait
 */
record RetryRule(int maxAttempts, Duration initial, Duration max) {
  private static final Set<String> REPEATABLE = Set.of("GET", "PUT", "DELETE");

  RetryRule {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new SelfServiceConfigException("maxAttempts must be 1..10, was " + maxAttempts);
    }
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new SelfServiceConfigException(
          "retryBackoff needs 0 < initial <= max, was " + initial + " and " + max);
    }
  }

  /**
   * The wait before attempt {@code attempt + 1} of {@code method}, after attempt {@code attempt}
   * answered {@code response} or failed with {@code error}; empty when it is not tried again.
   */
  Optional<Duration> next(
      int attempt, String method, HttpResponse<?> response, Throwable error, Clock clock) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    boolean repeatable = REPEATABLE.contains(method);
    if (response == null) {
      boolean dropped =
          error instanceof SelfServiceTransportException t
              && t.getCause() instanceof IOException io
              && !(io instanceof HttpTimeoutException);
      return dropped && repeatable ? Optional.of(backoff(attempt)) : Optional.empty();
    }
    int status = response.statusCode();
    if (status != 429 && status != 503 && !(repeatable && (status == 502 || status == 504))) {
      return Optional.empty();
    }
    Optional<Duration> asked =
        RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
    if (asked.filter(wait -> wait.compareTo(max) > 0).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(asked.orElseGet(() -> backoff(attempt)));
  }

  /** Half of {@code min(max, initial * 2^(attempt-1))} plus a random part up to the other half. */
  Duration backoff(int attempt) {
    long ceiling = initial.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.max(1, Math.min(max.toMillis(), ceiling));
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }
}
