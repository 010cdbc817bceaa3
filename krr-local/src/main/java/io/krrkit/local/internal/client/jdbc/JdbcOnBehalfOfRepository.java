package io.krrkit.local.internal.client.jdbc;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.client.OnBehalfOf;
import io.krrkit.local.internal.client.OnBehalfOfRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link OnBehalfOfRepository} on the emulator's JDBC store. */
public final class JdbcOnBehalfOfRepository implements OnBehalfOfRepository {
  private static final String SELECT =
      "SELECT client_id, onbehalfof, orgno, name, description, client_uri, created, last_updated"
          + " FROM client_onbehalfof";

  private final Jdbc jdbc;

  /** Uses {@code jdbc} for every statement. */
  public JdbcOnBehalfOfRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<OnBehalfOf> find(String clientId, String onbehalfof) {
    return jdbc.queryOne(
        SELECT + " WHERE client_id = ? AND onbehalfof = ?",
        JdbcOnBehalfOfRepository::map,
        clientId,
        onbehalfof);
  }

  @Override
  public List<OnBehalfOf> findByClient(String clientId) {
    return jdbc.query(
        SELECT + " WHERE client_id = ? ORDER BY created, onbehalfof",
        JdbcOnBehalfOfRepository::map,
        clientId);
  }

  @Override
  public boolean insert(OnBehalfOf o) {
    return jdbc.insertUnlessTaken(
        "INSERT INTO client_onbehalfof (client_id, onbehalfof, orgno, name, description,"
            + " client_uri, created, last_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        o.clientId(),
        o.onbehalfof(),
        o.orgNumber().value(),
        o.name(),
        o.description(),
        o.clientUri(),
        o.created().toEpochMilli(),
        o.lastUpdated().toEpochMilli());
  }

  @Override
  public boolean delete(String clientId, String onbehalfof) {
    return jdbc.update(
            "DELETE FROM client_onbehalfof WHERE client_id = ? AND onbehalfof = ?",
            clientId,
            onbehalfof)
        > 0;
  }

  private static OnBehalfOf map(ResultSet rs) throws SQLException {
    return new OnBehalfOf(
        rs.getString("client_id"),
        rs.getString("onbehalfof"),
        OrgNumber.of(rs.getString("orgno")),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("client_uri"),
        Instant.ofEpochMilli(rs.getLong("created")),
        Instant.ofEpochMilli(rs.getLong("last_updated")));
  }
}
