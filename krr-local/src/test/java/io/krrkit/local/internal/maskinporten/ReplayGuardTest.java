package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.maskinporten.jdbc.JdbcUsedGrantRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The grant replay cache on each engine: one use per jti, also under concurrent requests. */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class ReplayGuardTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @Parameter StoreEngine engine;

  private Database db;
  private OffsetClock clock;
  private ReplayGuard guard;

  @BeforeEach
  void openStore() {
    db = engine.open();
    clock = new OffsetClock(Clock.fixed(T0, ZoneOffset.UTC));
    guard = new ReplayGuard(new JdbcUsedGrantRepository(new Jdbc(db.dataSource())), clock);
  }

  @AfterEach
  void closeStore() {
    db.close();
  }

  @Test
  void refusesAnIdUntilItsGrantExpiredAndThenPurgesIt() {
    assertThat(guard.firstUse("jti-1", T0.plusSeconds(130))).isTrue();
    assertThat(guard.firstUse("jti-1", T0.plusSeconds(130))).isFalse();

    clock.advance(Duration.ofSeconds(131)); // past the grant's exp and the purge interval
    assertThat(guard.firstUse("jti-2", clock.instant().plusSeconds(130))).isTrue();

    // jti-1's row was purged with the call above; it is no longer remembered.
    assertThat(guard.firstUse("jti-1", clock.instant().plusSeconds(130))).isTrue();
    assertThat(guard.firstUse("jti-2", clock.instant().plusSeconds(130))).isFalse();
  }

  @Test
  void exactlyOneOfTwoConcurrentUsesOfAJtiWins() {
    // Two nodes' guards on one store, each jti presented to both at the same instant.
    ReplayGuard other =
        new ReplayGuard(new JdbcUsedGrantRepository(new Jdbc(db.dataSource())), clock);
    List<String> jtis = IntStream.range(0, 20).mapToObj(i -> "jti-race-" + i).toList();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String jti : jtis) {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Boolean> a = use(guard, jti, go, pool);
        CompletableFuture<Boolean> b = use(other, jti, go, pool);
        go.countDown();

        assertThat(List.of(join(a), join(b))).as(jti).containsExactlyInAnyOrder(true, false);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static CompletableFuture<Boolean> use(
      ReplayGuard guard, String jti, CountDownLatch go, ExecutorService pool) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return guard.firstUse(jti, T0.plusSeconds(130));
        },
        pool);
  }

  private static boolean join(CompletableFuture<Boolean> use) {
    return use.orTimeout(30, TimeUnit.SECONDS).join();
  }
}
