package io.krrkit.local.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.FaultEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which waits {@link FaultRules} cuts short: only those of the rule removed, also when early. */
class FaultRulesTest {
  private final FaultRules rules = new FaultRules(Clock.systemUTC());

  @Test
  void removingARuleReleasesItsWaitsAndNotThoseOfAnother() throws Exception {
    FaultRule removed = rules.add(latency(FaultEndpoint.TOKEN));
    FaultRule kept = rules.add(latency(FaultEndpoint.JWKS));
    CompletableFuture<Boolean> held =
        CompletableFuture.supplyAsync(() -> awaitQuietly(removed.id(), Duration.ofMinutes(1)));

    assertThat(rules.remove(removed.id())).isTrue();

    assertThat(held.get(30, TimeUnit.SECONDS)).as("cut short").isFalse();
    assertThat(rules.await(kept.id(), Duration.ofMillis(50))).as("the whole time").isTrue();
  }

  @Test
  void aWaitForARuleClearedBeforeItBeganEndsAtOnce() throws Exception {
    FaultRule rule = rules.add(latency(FaultEndpoint.KRR_LOOKUP));
    rules.clear();

    long started = System.nanoTime();
    boolean whole = rules.await(rule.id(), Duration.ofMinutes(5));

    assertThat(whole).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  private boolean awaitQuietly(String ruleId, Duration wait) {
    try {
      return rules.await(ruleId, wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static FaultSpec latency(FaultEndpoint endpoint) {
    return new FaultSpec(
        endpoint,
        List.of(FaultStep.pass()),
        false,
        Duration.ofMinutes(1),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
