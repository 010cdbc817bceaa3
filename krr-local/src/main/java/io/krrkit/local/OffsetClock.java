package io.krrkit.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: a base clock plus an offset the operator can move, so expiry, the 120 s
 * grant window and the 18-month rule can be tested without waiting. Thread-safe.
 */
public final class OffsetClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  /** A clock that runs with {@code base}, shifted by an offset that starts at zero. */
  public OffsetClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private OffsetClock(Clock base, AtomicReference<Duration> offset) {
    this.base = Objects.requireNonNull(base, "base == null");
    this.offset = offset;
  }

  /** Sets the offset added to the base clock. */
  public void setOffset(Duration newOffset) {
    offset.set(Objects.requireNonNull(newOffset, "newOffset == null"));
  }

  /** Moves the clock forward (or back, when negative) by {@code delta}. */
  public void advance(Duration delta) {
    offset.updateAndGet(o -> o.plus(delta));
  }

  /** The current offset. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new OffsetClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
