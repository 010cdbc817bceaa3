package io.krrkit.krr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;

/**
 * One JSON {@code POST} to a KRR endpoint with a bearer token from an {@link AccessTokenSource},
 * and its retries: 429, 5xx and I/O failures are retried as the {@link RetryPolicy} says; a 401
 * makes the token source drop its token and is tried once more with a new one. Completes with the
 * body of the 200 answer, or fails with a {@link KrrException}.
 */
final class KrrHttpCall {
  private final HttpClient http;
  private final URI uri;
  private final ObjectMapper mapper;
  private final AccessTokenSource tokens;
  private final RetryPolicy retry;
  private final Duration timeout;
  private final Clock clock;
  private final Delayer delayer;
  private final RandomGenerator random;
  private final Logger log;
  private final String subject;

  /**
   * {@code subject} (e.g. "KRR lookup") names the calls in log lines, which go to {@code log};
   * error details are read with {@code mapper}.
   */
  KrrHttpCall(
      HttpClient http,
      URI uri,
      ObjectMapper mapper,
      AccessTokenSource tokens,
      RetryPolicy retry,
      Duration timeout,
      Clock clock,
      Delayer delayer,
      RandomGenerator random,
      Logger log,
      String subject) {
    this.http = http;
    this.uri = uri;
    this.mapper = mapper;
    this.tokens = tokens;
    this.retry = retry;
    this.timeout = timeout;
    this.clock = clock;
    this.delayer = delayer;
    this.random = random;
    this.log = log;
    this.subject = subject;
  }

  /** Where this call posts. */
  URI uri() {
    return uri;
  }

  /**
   * Posts {@code body}; {@code label} (e.g. "batch 2 of 3", or empty) names it in log lines after
   * the subject.
   */
  CompletableFuture<ResponseBody> send(byte[] body, String label) {
    return new Exchange(body, label).attempt(1);
  }

  /** The attempts of one request. */
  private final class Exchange {
    private final byte[] body;
    private final String label;
    private volatile boolean tokenRenewed;

    Exchange(byte[] body, String label) {
      this.body = body;
      this.label = label;
    }

    CompletableFuture<ResponseBody> attempt(int attempt) {
      try {
        return send(attempt, token());
      } catch (KrrTokenException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    private CompletableFuture<ResponseBody> send(int attempt, String token) {
      return http.sendAsync(request(token), ResponseBody.HANDLER)
          .handle((response, failure) -> next(attempt, token, response, failure))
          .thenCompose(Function.identity());
    }

    private CompletableFuture<ResponseBody> next(
        int attempt, String token, HttpResponse<ResponseBody> response, Throwable failure) {
      try {
        if (failure != null) {
          return onFailure(attempt, unwrap(failure));
        }
        return onResponse(attempt, token, response);
      } catch (KrrException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    private CompletableFuture<ResponseBody> onResponse(
        int attempt, String token, HttpResponse<ResponseBody> response) {
      int status = response.statusCode();
      if (status == 200) {
        return CompletableFuture.completedFuture(response.body());
      }
      if (status == 401 && !tokenRenewed) {
        Optional<String> fresh = renew(token);
        if (fresh.isPresent()) {
          log.debug(
              "KRR refused the access token for {}; trying once with a new one",
              label.isEmpty() ? subject : label);
          return send(attempt, fresh.get());
        }
      }
      Optional<Duration> asked =
          RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
      if (!isRetryable(status) || !mayRetry(attempt, asked)) {
        throw httpError(response, attempt, asked.orElse(null));
      }
      return retryAfter(
          attempt, asked.orElseGet(() -> retry.backoff(attempt, random)), "HTTP " + status);
    }

    /** A cached token may have been revoked or expired early: a new one, if the source has one. */
    private Optional<String> renew(String refused) {
      tokenRenewed = true;
      try {
        tokens.invalidate(refused);
      } catch (RuntimeException e) {
        throw new KrrTokenException("The access token source failed to drop a refused token", e);
      }
      String fresh = token();
      return fresh.equals(refused) ? Optional.empty() : Optional.of(fresh);
    }

    private CompletableFuture<ResponseBody> onFailure(int attempt, Throwable failure) {
      if (failure instanceof KrrException e) {
        throw e;
      }
      if (!(failure instanceof IOException io)) {
        throw new KrrTransportException("Calling KRR at " + uri + " failed unexpectedly", failure);
      }
      if (!retry.allowsAnotherAfter(attempt)) {
        throw new KrrTransportException(
            "Could not reach KRR at "
                + uri
                + " in "
                + attempt
                + (attempt == 1 ? " attempt: " : " attempts: ")
                + describe(io)
                + ". Check the network and the KRR base URL, or try again later.",
            io);
      }
      return retryAfter(attempt, retry.backoff(attempt, random), describe(io));
    }

    private CompletableFuture<ResponseBody> retryAfter(int attempt, Duration wait, String why) {
      log.warn(
          "{} failed ({}); retrying in {} ms, attempt {} of {}",
          label.isEmpty() ? subject : subject + " " + label,
          why,
          wait.toMillis(),
          attempt + 1,
          retry.maxAttempts());
      return delayer.after(wait).thenCompose(ignored -> attempt(attempt + 1));
    }

    private boolean mayRetry(int attempt, Optional<Duration> asked) {
      return retry.allowsAnotherAfter(attempt)
          && asked.map(wait -> wait.compareTo(retry.maxDelay()) <= 0).orElse(true);
    }

    private HttpRequest request(String token) {
      return HttpRequest.newBuilder(uri)
          .timeout(timeout)
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    }
  }

  private String token() {
    String token;
    try {
      token = tokens.accessToken();
    } catch (RuntimeException e) {
      throw new KrrTokenException(
          "Could not get an access token for KRR, so nothing was sent: " + e.getMessage(), e);
    }
    if (token == null || token.isBlank()) {
      throw new KrrTokenException(
          "The access token source gave no token, so nothing was sent to KRR", null);
    }
    if (!token.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw new KrrTokenException(
          "The access token source gave a token with spaces or control characters; give the bare"
              + " token, without \"Bearer \"",
          null);
    }
    return token;
  }

  private KrrHttpException httpError(
      HttpResponse<ResponseBody> response, int attempts, Duration retryAfter) {
    ErrorDetails details = ErrorDetails.read(response, mapper);
    return new KrrHttpException(
        uri, response.statusCode(), details.error(), details.description(), retryAfter, attempts);
  }

  private static boolean isRetryable(int status) {
    return status == 429 || status >= 500;
  }

  private String describe(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
