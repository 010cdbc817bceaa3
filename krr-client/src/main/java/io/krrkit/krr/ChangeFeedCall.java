package io.krrkit.krr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.krr.EndringerRequest;
import io.krrkit.core.krr.EndringerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code POST /rest/v2/krr/hentEndringer}, sent synchronously: 429, 5xx and I/O failures are
 * retried as the {@link RetryPolicy} says; a 401 drops the token and is tried once more.
 */
final class ChangeFeedCall {
  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

  private final HttpClient http;
  private final URI uri;
  private final ObjectMapper mapper;
  private final AccessTokenSource tokens;
  private final RetryPolicy retry;
  private final Duration timeout;
  private final Clock clock;
  private final Delayer delayer;
  private final RandomGenerator random;

  ChangeFeedCall(ChangeFeed.Builder b, URI uri, ObjectMapper mapper) {
    this.http = b.httpClient != null ? b.httpClient : HttpClient.newHttpClient();
    this.uri = uri;
    this.mapper = mapper;
    this.tokens = b.tokens;
    this.retry = b.retryPolicy;
    this.timeout = b.requestTimeout;
    this.clock = b.clock;
    this.delayer = b.delayer;
    this.random = b.random;
  }

  EndringerResponse send(long fraEndringsId) {
    byte[] body = write(new EndringerRequest(fraEndringsId));
    boolean renewed = false;
    for (int attempt = 1; ; attempt++) {
      String token = token();
      HttpResponse<byte[]> response;
      try {
        response = http.send(request(token, body), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (!retry.allowsAnotherAfter(attempt)) {
          throw new KrrTransportException(
              "Could not reach the KRR change feed at " + uri + " in " + attempt + " attempts", e);
        }
        pause(attempt, retry.backoff(attempt, random), e.getClass().getSimpleName());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KrrTransportException("Interrupted while waiting for the KRR change feed", e);
      }
      int status = response.statusCode();
      if (status == 200) {
        return parse(response.body());
      }
      if (status == 401 && !renewed) {
        renewed = true;
        tokens.invalidate(token);
        attempt--;
        continue;
      }
      Optional<Duration> asked =
          RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
      boolean retryable = status == 429 || status >= 500;
      if (!retryable || !retry.allowsAnotherAfter(attempt)) {
        ErrorDetails details = ErrorDetails.read(response, mapper);
        throw new KrrHttpException(
            uri, status, details.error(), details.description(), asked.orElse(null), attempt);
      }
      pause(attempt, asked.orElse(retry.backoff(attempt, random)), "HTTP " + status);
    }
  }

  private void pause(int attempt, Duration wait, String why) {
    log.warn(
        "KRR change feed failed ({}); retrying in {} ms, attempt {} of {}",
        why,
        wait.toMillis(),
        attempt + 1,
        retry.maxAttempts());
    delayer.after(wait).join();
  }

  private HttpRequest request(String token, byte[] body) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private String token() {
    try {
      String token = tokens.accessToken();
      if (token == null || token.isBlank()) {
        throw new KrrTokenException("The access token source gave no token", null);
      }
      return token;
    } catch (KrrTokenException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KrrTokenException(
          "Could not get an access token for the KRR change feed: " + e.getMessage(), e);
    }
  }

  private byte[] write(EndringerRequest request) {
    try {
      return mapper.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a hentEndringer request", e);
    }
  }

  private EndringerResponse parse(byte[] body) {
    try {
      JsonNode json = mapper.readTree(body);
      if (json == null || !json.path("list").isArray() || !json.has("sisteEndringsId")) {
        throw new KrrResponseException(
            "KRR answered 200 without list and sisteEndringsId (POST " + uri + ")", null);
      }
      return mapper.treeToValue(json, EndringerResponse.class);
    } catch (IOException e) {
      // Jackson's message may quote values from the answer, so it is left out.
      throw new KrrResponseException(
          "KRR answered 200 with a change feed page the client cannot read (POST " + uri + ")",
          null);
    }
  }
}
