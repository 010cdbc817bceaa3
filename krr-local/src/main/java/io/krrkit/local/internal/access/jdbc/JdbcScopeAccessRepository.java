package io.krrkit.local.internal.access.jdbc;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.access.AccessState;
import io.krrkit.local.internal.access.ScopeAccess;
import io.krrkit.local.internal.access.ScopeAccessRepository;
import io.krrkit.local.internal.cache.ChangeCounter;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ScopeAccessRepository} on the emulator's JDBC store. */
public final class JdbcScopeAccessRepository implements ScopeAccessRepository {
  private static final String SELECT =
      "SELECT a.scope, a.consumer_orgno, s.owner_orgno, a.state, a.created, a.last_updated"
          + " FROM scope_access a JOIN api_scope s ON s.name = a.scope";

  private final Jdbc jdbc;
  private final ChangeCounter changes;

  /** Uses {@code jdbc} for every statement. */
  public JdbcScopeAccessRepository(Jdbc jdbc) {
    this(jdbc, new ChangeCounter());
  }

  /**
   * Uses {@code jdbc} for every statement and counts each write in {@code changes}, which the token
   * endpoint's read caches of these rows watch.
   */
  public JdbcScopeAccessRepository(Jdbc jdbc, ChangeCounter changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  @Override
  public Optional<ScopeAccess> find(Scope scope, OrgNumber consumer) {
    return jdbc.queryOne(
        SELECT + " WHERE a.scope = ? AND a.consumer_orgno = ?",
        JdbcScopeAccessRepository::map,
        scope.value(),
        consumer.value());
  }

  @Override
  public List<ScopeAccess> findAll() {
    return jdbc.query(
        SELECT + " ORDER BY a.scope, a.consumer_orgno", JdbcScopeAccessRepository::map);
  }

  @Override
  public List<ScopeAccess> findByScope(Scope scope) {
    return jdbc.query(
        SELECT + " WHERE a.scope = ? ORDER BY a.consumer_orgno",
        JdbcScopeAccessRepository::map,
        scope.value());
  }

  @Override
  public List<ScopeAccess> findByConsumer(OrgNumber consumer) {
    return jdbc.query(
        SELECT + " WHERE a.consumer_orgno = ? ORDER BY a.scope",
        JdbcScopeAccessRepository::map,
        consumer.value());
  }

  @Override
  public void deleteAll() {
    try {
      jdbc.update("DELETE FROM scope_access");
    } finally {
      changes.changed();
    }
  }

  @Override
  public void save(ScopeAccess a) {
    try {
      insertOrUpdate(a);
    } finally {
      changes.changed();
    }
  }

  private void insertOrUpdate(ScopeAccess a) {
    int changed =
        jdbc.update(
            "UPDATE scope_access SET state = ?, last_updated = ? WHERE scope = ?"
                + " AND consumer_orgno = ?",
            a.state().name(),
            a.lastUpdated().toEpochMilli(),
            a.scope().value(),
            a.consumer().value());
    if (changed == 0) {
      jdbc.update(
          "INSERT INTO scope_access (scope, consumer_orgno, state, created, last_updated)"
              + " VALUES (?, ?, ?, ?, ?)",
          a.scope().value(),
          a.consumer().value(),
          a.state().name(),
          a.created().toEpochMilli(),
          a.lastUpdated().toEpochMilli());
    }
  }

  @Override
  public boolean delete(Scope scope, OrgNumber consumer) {
    try {
      return jdbc.update(
              "DELETE FROM scope_access WHERE scope = ? AND consumer_orgno = ?",
              scope.value(),
              consumer.value())
          > 0;
    } finally {
      changes.changed();
    }
  }

  private static ScopeAccess map(ResultSet rs) throws SQLException {
    return new ScopeAccess(
        Scope.of(rs.getString("scope")),
        OrgNumber.of(rs.getString("consumer_orgno")),
        OrgNumber.of(rs.getString("owner_orgno")),
        AccessState.valueOf(rs.getString("state")),
        Instant.ofEpochMilli(rs.getLong("created")),
        Instant.ofEpochMilli(rs.getLong("last_updated")));
  }
}
