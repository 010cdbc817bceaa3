package io.krrkit.local.internal.krr;

import java.time.Instant;
import java.util.Objects;

/**
 * What the store records about the register's computed population: its size, the seed it is drawn
 * with, and the instant its timestamps are relative to. Every node on one store reads the same
 * record, so every node computes the same persons.
 *
 * @param size how many synthetic persons the population holds (registered or not)
 * @param seed the seed of the draw
 * @param drawnAt the instant the population's timestamps lie before
 */
public record PopulationSpec(int size, long seed, Instant drawnAt) {
  /** Checks the size. */
  public PopulationSpec {
    Objects.requireNonNull(drawnAt, "drawnAt == null");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }
}
