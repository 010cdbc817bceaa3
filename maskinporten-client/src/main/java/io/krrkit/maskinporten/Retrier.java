package io.krrkit.maskinporten;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Tries a token request again when Maskinporten could not be reached or answered 5xx or 429, with
 * exponential backoff and jitter, at most {@code maxAttempts} times in all. Any other 4xx answer is
 * final: the same grant content would be refused again. A {@code Retry-After} on the answer is
 * waited instead of the backoff; one longer than {@code maxBackoff} ends the tries at once, as
 * krr-client's do. Each attempt calls the supplier anew, so every attempt sends a freshly signed
 * grant (a {@code jti} is single-use).
 */
final class Retrier {
  /** Waits without blocking; tests inject one that does not wait at all. */
  @FunctionalInterface
  interface Delayer {
    /** Completes after {@code delay}. */
    CompletableFuture<Void> after(Duration delay);

    /** The real one: a delayed executor, no thread blocked. */
    Delayer REAL =
        delay ->
            CompletableFuture.runAsync(
                () -> {},
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Delayer delayer;
  private final LongUnaryOperator jitter;

  /**
   * @param jitter given a bound {@code n > 0}, a number in {@code [0, n)}
   */
  Retrier(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Delayer delayer,
      LongUnaryOperator jitter) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.delayer = delayer;
    this.jitter = jitter;
  }

  /** Runs {@code call}, again after failures worth retrying. */
  <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> call) {
    return attempt(call, 1);
  }

  private <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> call, int attempt) {
    return start(call)
        .handle(
            (value, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(value);
              }
              Throwable cause = Transport.unwrap(error);
              Optional<Duration> asked =
                  cause instanceof MaskinportenException e ? e.retryAfter() : Optional.empty();
              if (attempt >= maxAttempts
                  || !retryable(cause)
                  || asked.filter(wait -> wait.compareTo(maxBackoff) > 0).isPresent()) {
                return CompletableFuture.<T>failedFuture(cause);
              }
              Duration wait = asked.orElseGet(() -> backoff(attempt));
              return delayer.after(wait).thenCompose(x -> attempt(call, attempt + 1));
            })
        .thenCompose(Function.identity());
  }

  private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Transport failures, 5xx and 429 answers; never another 4xx. */
  static boolean retryable(Throwable error) {
    return error instanceof MaskinportenTransportException
        || (error instanceof MaskinportenResponseException r && retryable(r.statusCode()))
        || (error instanceof MaskinportenErrorException e && retryable(e.statusCode()));
  }

  private static boolean retryable(int status) {
    return status >= 500 || status == 429;
  }

  /**
   * The wait after attempt {@code n}: half of {@code min(max, initial * 2^(n-1))} plus a random
   * part up to the other half ("equal jitter"), so clients that failed together spread out.
   */
  Duration backoff(int attempt) {
    long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.max(1, Math.min(maxBackoff.toMillis(), ceiling));
    long half = capped / 2;
    return Duration.ofMillis(half + jitter.applyAsLong(capped - half + 1));
  }
}
