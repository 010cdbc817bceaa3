package io.krrkit.local.internal.maskinporten.jdbc;

import io.krrkit.local.internal.maskinporten.UsedGrantRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.time.Instant;

/**
 * {@link UsedGrantRepository} on the emulator's JDBC store (table {@code used_grant}). The primary
 * key makes the check and the insert one atomic step, across every node on the store.
 */
public final class JdbcUsedGrantRepository implements UsedGrantRepository {
  private static final String INSERT = "INSERT INTO used_grant (jti_hash, expires) VALUES (?, ?)";
  private static final String DELETE_EXPIRED = "DELETE FROM used_grant WHERE expires < ?";

  private final Jdbc jdbc;

  public JdbcUsedGrantRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean markUsed(String jtiHash, Instant keepUntil) {
    return jdbc.insertUnlessTaken(INSERT, jtiHash, keepUntil.toEpochMilli());
  }

  @Override
  public int deleteExpired(Instant now) {
    return jdbc.update(DELETE_EXPIRED, now.toEpochMilli());
  }
}
