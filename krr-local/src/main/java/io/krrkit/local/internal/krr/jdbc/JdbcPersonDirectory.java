package io.krrkit.local.internal.krr.jdbc;

import io.krrkit.local.internal.krr.PersonDirectory;
import io.krrkit.local.internal.store.Jdbc;
import java.util.List;
import java.util.Objects;

/**
 * {@link PersonDirectory} over the register's {@code person} table (the register's API does not
 * search by prefix).
 */
public final class JdbcPersonDirectory implements PersonDirectory {
  private static final String SEARCH =
      "SELECT personidentifikator FROM person WHERE status = 'AKTIV'"
          + " AND personidentifikator LIKE ? ORDER BY personidentifikator LIMIT ?";
  private static final String EXISTS = "SELECT 1 FROM person WHERE personidentifikator = ?";

  private final Jdbc jdbc;

  /** A directory over the register in {@code jdbc}'s database. */
  public JdbcPersonDirectory(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc == null");
  }

  @Override
  public List<String> active(String prefix, int limit) {
    return jdbc.query(SEARCH, rs -> rs.getString(1), PersonDirectory.digits(prefix) + "%", limit);
  }

  @Override
  public boolean exists(String pid) {
    return jdbc.queryOne(EXISTS, rs -> true, pid).isPresent();
  }
}
