package io.krrkit.local.internal.krr.jdbc;

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
 * {@link SeedClaim} on the JDBC store (schema {@code V12__durability.sql}): the claim is a row lock
 * on {@code register_seed_lock} held by an open transaction, which PostgreSQL drops when the
 * holder's connection ends and H2 when its process ends. The state is written on other connections,
 * committed at once, so it outlives the holder.
 */
final class JdbcSeedClaim implements SeedClaim {
  private static final String LOCK =
      "SELECT id FROM register_seed_lock WHERE id = 1 FOR UPDATE SKIP LOCKED";
  static final String STATE = "SELECT state FROM register_seed WHERE id = 1";
  private static final String SET_STATE =
      "UPDATE register_seed SET state = ?, population = ?, seed = ?, updated = ? WHERE id = 1";

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
  public void begin(int population, long seed, Instant at) {
    jdbc.update(SET_STATE, SeedState.SEEDING.name(), population, seed, at.toEpochMilli());
  }

  @Override
  public void finish(Instant at) {
    jdbc.update(
        "UPDATE register_seed SET state = ?, updated = ? WHERE id = 1",
        SeedState.DONE.name(),
        at.toEpochMilli());
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
