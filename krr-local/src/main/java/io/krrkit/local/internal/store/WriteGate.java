package io.krrkit.local.internal.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails the store closed: once a statement found the store unavailable (disk full, I/O error,
 * database closed, connection lost), every write is refused with an {@link
 * StoreException#unavailable() unavailable} {@link StoreException} until a probe write succeeds
 * again. So the emulator never goes on acknowledging writes it may not keep. At most one probe runs
 * at a time, at most one per {@code probeInterval}; writes arriving meanwhile are refused at once.
 */
public final class WriteGate {
  private static final Logger log = LoggerFactory.getLogger(WriteGate.class);

  /** A write that proves the store takes writes again (and a way to drop dead connections). */
  public interface Probe {
    /** Writes and commits something small; throws when the store cannot take it. */
    void write() throws Exception;

    /** Drops pooled connections, so the next ones reopen the store. */
    void evictConnections();
  }

  private final Probe probe;
  private final Clock clock;
  private final Duration probeInterval;
  private final ReentrantLock probing = new ReentrantLock();
  private volatile boolean failed;
  private volatile Instant nextProbe = Instant.MIN;

  /** Probes with {@code probe} at most once per {@code probeInterval} of {@code clock}. */
  public WriteGate(Probe probe, Clock clock, Duration probeInterval) {
    this.probe = Objects.requireNonNull(probe, "probe == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.probeInterval = Objects.requireNonNull(probeInterval, "probeInterval == null");
  }

  /** True while writes are refused. */
  public boolean isClosed() {
    return failed;
  }

  /**
   * Lets a write through, or throws an unavailable {@link StoreException} for {@code statement}
   * while the store has not recovered (trying a probe when one is due).
   */
  void beforeWrite(String statement) {
    if (!failed) {
      return;
    }
    if (!probing.tryLock()) {
      throw StoreException.refused(statement);
    }
    try {
      if (!failed) {
        return;
      }
      Instant now = clock.instant();
      if (now.isBefore(nextProbe)) {
        throw StoreException.refused(statement);
      }
      nextProbe = now.plus(probeInterval);
      try {
        probe.write();
      } catch (Exception e) {
        probe.evictConnections();
        log.warn("store still unavailable ({}); writes stay refused", describe(e));
        throw StoreException.refused(statement);
      }
      failed = false;
      log.warn("store works again: writes are accepted");
    } finally {
      probing.unlock();
    }
  }

  /** Notes a failure: an unavailable one closes the gate. */
  void failed(StoreException e) {
    if (!e.unavailable()) {
      return;
    }
    probe.evictConnections();
    if (!failed) {
      failed = true;
      nextProbe = clock.instant().plus(probeInterval);
      log.error("{}: refusing writes (503) until the store works again", e.getMessage());
    }
  }

  // The SQL state only: driver messages can quote row values.
  private static String describe(Exception e) {
    if (e instanceof SQLException sql) {
      return "SQL state " + sql.getSQLState() + ", code " + sql.getErrorCode();
    }
    if (e instanceof StoreException store) {
      return store.getMessage();
    }
    return e.getClass().getSimpleName();
  }
}
