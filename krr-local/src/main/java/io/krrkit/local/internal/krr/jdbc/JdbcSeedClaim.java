package io.krrkit.local.internal.krr.jdbc;

import io.krrkit.local.internal.krr.PopulationSpec;
import io.krrkit.local.internal.krr.SeedClaim;
import io.krrkit.local.internal.krr.SeedState;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SeedClaim} on the JDBC store (schema {@code V12__durability.sql}, the population's {@code
 * drawn_at} in {@code V15__population.sql}): the claim is a row lock on {@code register_seed_lock}
 * held by an open transaction, which PostgreSQL drops when the holder's connection ends and H2 when
 * its process ends. The state is written on other connections, committed at once, so it outlives
 * the holder.
 */
final class JdbcSeedClaim implements SeedClaim {
  private static final String LOCK =
      "SELECT id FROM register_seed_lock WHERE id = 1 FOR UPDATE SKIP LOCKED";
  static final String STATE = "SELECT state FROM register_seed WHERE id = 1";
  private static final String DRAW =
      "UPDATE register_seed SET state = ?, population = ?, seed = ?, drawn_at = ?, updated = ?"
          + " WHERE id = 1";

  /** The columns {@link #population(ResultSet)} reads, of {@code register_seed s}. */
  static final String POPULATION_COLUMNS = "s.population, s.seed, s.drawn_at";

  private final Jdbc jdbc;
  private final Connection held;
  private final SeedState state;

  private JdbcSeedClaim(Jdbc jdbc, Connection held, SeedState state) {
    this.jdbc = jdbc;
    this.held = held;
    this.state = state;
  }

  /** Takes the claim, or empty when another transaction holds it. */
  static Optional<SeedClaim> take(Jdbc jdbc) {
    Connection c = jdbc.transactionConnection("claim register_seed_lock");
    try {
      boolean locked;
      try (PreparedStatement ps = c.prepareStatement(LOCK);
          ResultSet rs = ps.executeQuery()) {
        locked = rs.next();
      }
      if (!locked) {
        release(c);
        return Optional.empty();
      }
      return Optional.of(new JdbcSeedClaim(jdbc, c, state(jdbc)));
    } catch (SQLException e) {
      release(c);
      throw jdbc.failed(LOCK, e);
    } catch (RuntimeException e) {
      release(c);
      throw e;
    }
  }

  static SeedState state(Jdbc jdbc) {
    return jdbc.queryOne(STATE, rs -> SeedState.valueOf(rs.getString(1))).orElse(SeedState.NONE);
  }

  @Override
  public SeedState state() {
    return state;
  }

  @Override
  public void draw(PopulationSpec population, Instant at) {
    jdbc.update(
        DRAW,
        SeedState.DONE.name(),
        population.size(),
        population.seed(),
        population.drawnAt().toEpochMilli(),
        at.toEpochMilli());
  }

  /** The population the store records, or empty when the register's persons are all stored. */
  static Optional<PopulationSpec> population(Jdbc jdbc) {
    return jdbc.queryOne(
            "SELECT " + POPULATION_COLUMNS + " FROM register_seed s WHERE s.id = 1",
            JdbcSeedClaim::population)
        .flatMap(p -> p);
  }

  /** Reads {@link #POPULATION_COLUMNS}: empty where no population was drawn. */
  static Optional<PopulationSpec> population(ResultSet rs) throws SQLException {
    long drawnAt = rs.getLong("drawn_at");
    if (rs.wasNull()) {
      return Optional.empty();
    }
    return Optional.of(
        new PopulationSpec(
            rs.getInt("population"), rs.getLong("seed"), Instant.ofEpochMilli(drawnAt)));
  }

  @Override
  public void close() {
    release(held);
  }

  private static void release(Connection c) {
    try (c) {
      c.rollback();
    } catch (SQLException e) {
      // The lock goes with the connection all the same.
    }
  }
}
