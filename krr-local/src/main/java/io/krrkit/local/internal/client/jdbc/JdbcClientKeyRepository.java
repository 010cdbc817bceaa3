package io.krrkit.local.internal.client.jdbc;

import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link ClientKeyRepository} on the emulator's JDBC store. */
public final class JdbcClientKeyRepository implements ClientKeyRepository {
  private static final String SELECT =
      "SELECT client_id, kid, jwk, created, expires FROM client_key";
  private static final String INSERT =
      "INSERT INTO client_key (client_id, kid, jwk, created, expires) VALUES (?, ?, ?, ?, ?)";
  // Serialises key changes of one client (H2 and PostgreSQL both lock the row until commit).
  private static final String LOCK_CLIENT =
      "SELECT client_id FROM client WHERE client_id = ? FOR UPDATE";
  private static final String KIDS = "SELECT kid FROM client_key WHERE client_id = ?";

  private final Jdbc jdbc;

  /** Uses {@code jdbc} for every statement. */
  public JdbcClientKeyRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<ClientKey> findByClient(String clientId) {
    return jdbc.query(
        SELECT + " WHERE client_id = ? ORDER BY created, kid",
        JdbcClientKeyRepository::map,
        clientId);
  }

  @Override
  public Optional<ClientKey> findByKid(String kid) {
    return jdbc.queryOne(SELECT + " WHERE kid = ?", JdbcClientKeyRepository::map, kid);
  }

  @Override
  public void replaceAll(String clientId, List<ClientKey> keys) {
    jdbc.inTransaction(
        c -> {
          replace(c, clientId, keys);
          return null;
        });
  }

  @Override
  public boolean replaceAllIf(String clientId, Set<String> expected, List<ClientKey> keys) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement lock = Jdbc.prepare(c, LOCK_CLIENT, clientId)) {
            lock.executeQuery().close();
          }
          Set<String> held = new HashSet<>();
          try (PreparedStatement kids = Jdbc.prepare(c, KIDS, clientId);
              ResultSet rs = kids.executeQuery()) {
            while (rs.next()) {
              held.add(rs.getString(1));
            }
          }
          if (!held.equals(expected)) {
            return false;
          }
          replace(c, clientId, keys);
          return true;
        });
  }

  private static void replace(Connection c, String clientId, List<ClientKey> keys)
      throws SQLException {
    try (PreparedStatement del =
        Jdbc.prepare(c, "DELETE FROM client_key WHERE client_id = ?", clientId)) {
      del.executeUpdate();
    }
    for (ClientKey k : keys) {
      insert(c, k);
    }
  }

  @Override
  public boolean delete(String clientId, String kid) {
    return jdbc.update("DELETE FROM client_key WHERE client_id = ? AND kid = ?", clientId, kid) > 0;
  }

  private static void insert(Connection c, ClientKey k) throws SQLException {
    try (PreparedStatement ps =
        Jdbc.prepare(
            c,
            INSERT,
            k.clientId(),
            k.kid(),
            k.publicJwk(),
            k.created().toEpochMilli(),
            k.expires().toEpochMilli())) {
      ps.executeUpdate();
    }
  }

  private static ClientKey map(ResultSet rs) throws SQLException {
    return new ClientKey(
        rs.getString("client_id"),
        rs.getString("kid"),
        rs.getString("jwk"),
        Instant.ofEpochMilli(rs.getLong("created")),
        Instant.ofEpochMilli(rs.getLong("expires")));
  }
}
