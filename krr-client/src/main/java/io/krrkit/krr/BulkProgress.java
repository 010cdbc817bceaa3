package io.krrkit.krr;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Hears how far a bulk lookup has come, after each batch, on the thread that runs the lookup. */
@FunctionalInterface
public interface BulkProgress {

  /** Ignores progress. */
  BulkProgress NONE = progress -> {};

  /** Called after each batch has reached the sink. */
  void update(Snapshot progress);

  /**
   * How far a lookup has come.
   *
   * @param done input lines answered or rejected so far in this run
   * @param total input lines expected, when the caller said
   * @param elapsed time since the run started
   */
  record Snapshot(long done, OptionalLong total, Duration elapsed) {
    /** Checks the fields. */
    public Snapshot {
      Objects.requireNonNull(total, "total == null");
      Objects.requireNonNull(elapsed, "elapsed == null");
    }

    /** Lines per second so far; 0 before any time has passed. */
    public double ratePerSecond() {
      long millis = elapsed.toMillis();
      return millis <= 0 ? 0 : done * 1000.0 / millis;
    }

    /** The time left at the current rate, when the total is known and the rate is not zero. */
    public Optional<Duration> remaining() {
      double rate = ratePerSecond();
      if (total.isEmpty() || rate <= 0) {
        return Optional.empty();
      }
      long left = Math.max(0, total.getAsLong() - done);
      return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }
  }
}
