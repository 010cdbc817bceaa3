package io.krrkit.krr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;

/**
 * What the builders of {@link KrrClient} and {@link ChangeFeed} collect for their {@link
 * KrrHttpCall}: where KRR is, the token source, retries, timeout, clock, and the HTTP client.
 */
final class KrrCallSettings {
  private KrrEnvironment environment;
  private AccessTokenSource tokens;
  private HttpClient httpClient;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private Duration requestTimeout;
  private Clock clock = Clock.systemUTC();
  private Delayer delayer = Delayer.SYSTEM;
  private RandomGenerator random = new Random();

  KrrCallSettings(Duration defaultTimeout) {
    this.requestTimeout = defaultTimeout;
  }

  void environment(KrrEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment == null");
  }

  void tokens(AccessTokenSource tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
  }

  void httpClient(HttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
  }

  void retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
  }

  void requestTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + timeout);
    }
    this.requestTimeout = timeout;
  }

  void clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  void delayer(Delayer delayer) {
    this.delayer = Objects.requireNonNull(delayer, "delayer == null");
  }

  void random(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random == null");
  }

  KrrEnvironment environment() {
    return environment;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  Clock clock() {
    return clock;
  }

  /**
   * Throws {@link IllegalStateException} when the environment or the token source is missing
   * ({@code noTokens} says how to give one), or the Maskinporten client is for the other
   * environment.
   */
  void requireComplete(String noTokens) {
    if (environment == null) {
      throw new IllegalStateException(
          "environment is required: KrrEnvironment.TEST, PRODUCTION or custom(baseUrl)");
    }
    if (tokens == null) {
      throw new IllegalStateException(noTokens);
    }
    if (tokens instanceof MaskinportenTokenSource maskinporten) {
      maskinporten.requireMatching(environment);
    }
  }

  /**
   * A call to {@code uri} with these settings; {@code defaultClient} sends when no HTTP client was
   * given; {@code subject} names the calls in lines logged to {@code log}.
   */
  KrrHttpCall httpCall(
      URI uri,
      ObjectMapper mapper,
      Supplier<HttpClient> defaultClient,
      Logger log,
      String subject) {
    return new KrrHttpCall(
        httpClient != null ? httpClient : defaultClient.get(),
        uri,
        mapper,
        tokens,
        retryPolicy,
        requestTimeout,
        clock,
        delayer,
        random,
        log,
        subject);
  }
}
