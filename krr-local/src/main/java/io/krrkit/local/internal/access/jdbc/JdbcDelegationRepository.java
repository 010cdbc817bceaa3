package io.krrkit.local.internal.access.jdbc;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.access.Delegation;
import io.krrkit.local.internal.access.DelegationRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link DelegationRepository} on the emulator's JDBC store. */
public final class JdbcDelegationRepository implements DelegationRepository {
  private static final String KEY =
      " WHERE consumer_orgno = ? AND supplier_orgno = ? AND scope = ?";

  private final Jdbc jdbc;

  /** Uses {@code jdbc} for every statement. */
  public JdbcDelegationRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean exists(OrgNumber consumer, OrgNumber supplier, Scope scope) {
    return jdbc.queryOne(
            "SELECT 1 FROM delegation" + KEY,
            rs -> true,
            consumer.value(),
            supplier.value(),
            scope.value())
        .isPresent();
  }

  @Override
  public List<Delegation> findAll() {
    return jdbc.query(
        "SELECT consumer_orgno, supplier_orgno, scope, created FROM delegation"
            + " ORDER BY consumer_orgno, supplier_orgno, scope",
        JdbcDelegationRepository::map);
  }

  @Override
  public boolean insertIfAbsent(Delegation d) {
    if (exists(d.consumer(), d.supplier(), d.scope())) {
      return false;
    }
    return jdbc.insertUnlessTaken(
        "INSERT INTO delegation (consumer_orgno, supplier_orgno, scope, created)"
            + " VALUES (?, ?, ?, ?)",
        d.consumer().value(),
        d.supplier().value(),
        d.scope().value(),
        d.created().toEpochMilli());
  }

  @Override
  public boolean delete(OrgNumber consumer, OrgNumber supplier, Scope scope) {
    return jdbc.update(
            "DELETE FROM delegation" + KEY, consumer.value(), supplier.value(), scope.value())
        > 0;
  }

  @Override
  public void deleteAll() {
    jdbc.update("DELETE FROM delegation");
  }

  private static Delegation map(ResultSet rs) throws SQLException {
    return new Delegation(
        OrgNumber.of(rs.getString("consumer_orgno")),
        OrgNumber.of(rs.getString("supplier_orgno")),
        Scope.of(rs.getString("scope")),
        Instant.ofEpochMilli(rs.getLong("created")));
  }
}
