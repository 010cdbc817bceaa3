package io.krrkit.local.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fail closed: after an unavailable failure, writes are refused until a probe write succeeds. */
class WriteGateTest {
  private final MovableClock clock = new MovableClock();
  private final AtomicBoolean storeWorks = new AtomicBoolean(false);
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicInteger evictions = new AtomicInteger();
  private final WriteGate gate =
      new WriteGate(
          new WriteGate.Probe() {
            @Override
            public void write() throws SQLException {
              probes.incrementAndGet();
              if (!storeWorks.get()) {
                throw new SQLException("disk full", "53100");
              }
            }

            @Override
            public void evictConnections() {
              evictions.incrementAndGet();
            }
          },
          clock,
          Duration.ofSeconds(1));

  @Test
  void refusesWritesAfterAnUnavailableFailureUntilAProbeSucceeds() {
    gate.failed(new StoreException("INSERT INTO person (x) VALUES (?)", ioFailure()));

    assertThat(gate.isClosed()).isTrue();
    assertThat(evictions.get()).isEqualTo(1);
    assertRefused(); // before the probe interval: refused without a probe
    assertThat(probes.get()).isZero();

    clock.advance(Duration.ofMillis(1001));
    assertRefused(); // the probe fails: still refused
    assertThat(probes.get()).isEqualTo(1);
    assertRefused(); // and no second probe within the interval
    assertThat(probes.get()).isEqualTo(1);

    storeWorks.set(true);
    clock.advance(Duration.ofMillis(1001));
    gate.beforeWrite("UPDATE client SET x = ?");

    assertThat(gate.isClosed()).isFalse();
    assertThat(probes.get()).isEqualTo(2);
  }

  @Test
  void aRefusedStatementLeavesTheGateOpen() {
    gate.failed(new StoreException("INSERT INTO person", new SQLException("dup", "23505")));

    assertThat(gate.isClosed()).isFalse();
    gate.beforeWrite("INSERT INTO person");
    assertThat(probes.get()).isZero();
  }

  @Test
  void detectsUnavailabilityBySqlStateClassH2CodeAndIoCause() {
    assertThat(new StoreException("s", new SQLException("m", "08006")).unavailable()).isTrue();
    assertThat(new StoreException("s", new SQLException("m", "57P01")).unavailable()).isTrue();
    assertThat(new StoreException("s", new SQLException("m", "90098", 90098)).unavailable())
        .isTrue();
    assertThat(new StoreException("s", ioFailure()).unavailable()).isTrue();
    assertThat(new StoreException("s", new SQLException("m", "23505")).unavailable()).isFalse();
    assertThat(new StoreException("s", new SQLException("m", "42000")).unavailable()).isFalse();
  }

  @Test
  void namesTheStatementWithoutTheDriverMessage() {
    StoreException e =
        new StoreException(
            "INSERT INTO person (personidentifikator) VALUES (?)",
            new SQLException("Unique index violation VALUES ('12345678901')", "23505", 23505));

    assertThat(e.getMessage()).contains("INSERT person", "23505").doesNotContain("12345678901");
    assertThat(e.getCause()).isNull();
  }

  private void assertRefused() {
    assertThatThrownBy(() -> gate.beforeWrite("INSERT INTO person"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.unavailable()).isTrue());
  }

  private static SQLException ioFailure() {
    return new SQLException("General error", "HY000", 50000, new IOException("No space left"));
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2024-05-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
