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

  /**
   * Records (committed) that the register's computed population is {@code population}, as of {@code
   * at}: the state becomes {@link SeedState#DONE}.
   */
  void draw(PopulationSpec population, Instant at);

  /** Gives the claim up. */
  @Override
  void close();
}
