package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RetrierTest {

  @Test
  void backoffDoublesUpToTheCapWithJitterOfUpToHalf() {
    Retrier lowest = retrier(bound -> 0);
    Retrier highest = retrier(bound -> bound - 1);

    assertThat(lowest.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(highest.backoff(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(highest.backoff(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(lowest.backoff(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(highest.backoff(5)).isEqualTo(Duration.ofMillis(1000));
    assertThat(highest.backoff(60)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void retriesTransportFailures5xxAnd429ButNoOther4xx() {
    assertThat(Retrier.retryable(new MaskinportenTransportException("down", null))).isTrue();
    assertThat(Retrier.retryable(new MaskinportenResponseException(429, "slow down"))).isTrue();
    assertThat(Retrier.retryable(new MaskinportenResponseException(502, "bad gateway"))).isTrue();
    assertThat(Retrier.retryable(new MaskinportenResponseException(404, "not found"))).isFalse();
    assertThat(
            Retrier.retryable(
                new MaskinportenErrorException(
                    ErrorResponse.of(400, "invalid_grant", null, null), "refused")))
        .isFalse();
    assertThat(Retrier.retryable(new MaskinportenConfigException("bad key"))).isFalse();
  }

  private static Retrier retrier(java.util.function.LongUnaryOperator jitter) {
    return new Retrier(
        5,
        Duration.ofMillis(200),
        Duration.ofSeconds(1),
        delay -> CompletableFuture.completedFuture(null),
        jitter);
  }
}
