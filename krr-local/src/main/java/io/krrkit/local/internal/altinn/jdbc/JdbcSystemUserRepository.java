package io.krrkit.local.internal.altinn.jdbc;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.altinn.SystemUser;
import io.krrkit.local.internal.altinn.SystemUserRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link SystemUserRepository} on the emulator's JDBC store. */
public final class JdbcSystemUserRepository implements SystemUserRepository {
  private static final String COLUMNS = "id, system_id, orgno, client_id, external_ref, created";

  private final Jdbc jdbc;

  /** Uses {@code jdbc} for every statement. */
  public JdbcSystemUserRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(SystemUser u) {
    return jdbc.insertUnlessTaken(
        "INSERT INTO altinn_system_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
        u.id(),
        u.systemId(),
        u.org().value(),
        u.clientId(),
        u.externalRef(),
        u.created().toEpochMilli());
  }

  @Override
  public Optional<SystemUser> find(String clientId, OrgNumber org, String externalRef) {
    return jdbc.queryOne(
        "SELECT "
            + COLUMNS
            + " FROM altinn_system_user WHERE client_id = ? AND orgno = ? AND external_ref = ?",
        JdbcSystemUserRepository::map,
        clientId,
        org.value(),
        externalRef);
  }

  @Override
  public List<SystemUser> findAll() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM altinn_system_user ORDER BY created, id",
        JdbcSystemUserRepository::map);
  }

  @Override
  public boolean delete(String id) {
    return jdbc.update("DELETE FROM altinn_system_user WHERE id = ?", id) > 0;
  }

  @Override
  public void deleteAll() {
    jdbc.update("DELETE FROM altinn_system_user");
  }

  private static SystemUser map(ResultSet rs) throws SQLException {
    return new SystemUser(
        rs.getString("id"),
        rs.getString("system_id"),
        OrgNumber.of(rs.getString("orgno")),
        rs.getString("client_id"),
        rs.getString("external_ref"),
        Instant.ofEpochMilli(rs.getLong("created")));
  }
}
