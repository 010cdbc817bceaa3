package io.krrkit.local.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.OffsetClock;
import io.krrkit.local.store.Database;
import io.krrkit.local.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void refusesAnIdUntilItsGrantExpiredAndThenPurgesIt() {
    try (Database db = Database.h2InMemory()) {
      OffsetClock clock = new OffsetClock(Clock.fixed(T0, ZoneOffset.UTC));
      ReplayGuard guard =
          new ReplayGuard(new JdbcUsedGrantRepository(new Jdbc(db.dataSource())), clock);

      assertThat(guard.firstUse("jti-1", T0.plusSeconds(130))).isTrue();
      assertThat(guard.firstUse("jti-1", T0.plusSeconds(130))).isFalse();

      clock.advance(Duration.ofSeconds(131)); // past the grant's exp and the purge interval
      assertThat(guard.firstUse("jti-2", clock.instant().plusSeconds(130))).isTrue();

      // jti-1's row was purged with the call above; it is no longer remembered.
      assertThat(guard.firstUse("jti-1", clock.instant().plusSeconds(130))).isTrue();
      assertThat(guard.firstUse("jti-2", clock.instant().plusSeconds(130))).isFalse();
    }
  }
}
