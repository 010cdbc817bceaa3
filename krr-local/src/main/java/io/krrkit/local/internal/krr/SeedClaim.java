package io.krrkit.local.internal.krr;

import java.time.Instant;

/**
 * The right to seed the register, held by one node at a time for as long as it seeds. The store
 * releases it when the holder closes it or dies, so a node that finds a seed begun ({@link
 * SeedState#SEEDING}) and can take the claim knows that seed was cut short.
 */
public interface SeedClaim extends AutoCloseable {
  /** The state of the register's seed when the claim was taken. */
  SeedState state();

  /** Records (committed) that a seed of {@code population} with {@code seed} begins {@code at}. */
  void begin(int population, long seed, Instant at);

  /** Records (committed) that the seed finished {@code at}. */
  void finish(Instant at);

  /** Gives the claim up. */
  @Override
  void close();
}
