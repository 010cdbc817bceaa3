package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  /** Always draws the largest value allowed: shows the ceiling of each backoff. */
  static final RandomGenerator HIGHEST =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
          return bound - 1;
        }
      };

  @Test
  void backoffCeilingDoublesUpToMaxDelay() {
    RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(250), Duration.ofSeconds(2));

    assertThat(IntStream.rangeClosed(1, 6).mapToObj(retry -> policy.backoff(retry, HIGHEST)))
        .extracting(Duration::toMillis)
        .containsExactly(250L, 500L, 1000L, 2000L, 2000L, 2000L);
  }

  @Test
  void backoffIsFullJitterFromZero() {
    RandomGenerator random = new java.util.Random(1);
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(IntStream.range(0, 200).mapToObj(i -> policy.backoff(3, random)))
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(1000)))
        .anySatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(100)))
        .anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofMillis(900)));
  }

  @Test
  void noneMakesOneAttempt() {
    assertThat(RetryPolicy.none().allowsAnotherAfter(1)).isFalse();
    assertThat(RetryPolicy.defaults().allowsAnotherAfter(3)).isTrue();
    assertThat(RetryPolicy.defaults().allowsAnotherAfter(4)).isFalse();
  }

  @Test
  void refusesImpossibleSettings() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts must be at least 1");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .hasMessageContaining("initialDelay <= maxDelay");
  }
}
