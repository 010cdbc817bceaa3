package io.krrkit.local.internal.client.jdbc;

import io.krrkit.local.internal.cache.ChangeCounter;
import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link ClientKeyRepository} on the emulator's JDBC store. Every change locks the client's row
 * first ({@code SELECT … FOR UPDATE}; H2 and PostgreSQL both hold it until commit), so two changes
 * of one client never both work from the same read.
 */
public final class JdbcClientKeyRepository implements ClientKeyRepository {
  private static final String SELECT =
      "SELECT client_id, kid, jwk, created, expires FROM client_key";
  private static final String BY_CLIENT = SELECT + " WHERE client_id = ? ORDER BY created, kid";
  private static final String INSERT =
      "INSERT INTO client_key (client_id, kid, jwk, created, expires) VALUES (?, ?, ?, ?, ?)";
  private static final String LOCK_CLIENT =
      "SELECT client_id FROM client WHERE client_id = ? FOR UPDATE";

  private final Jdbc jdbc;
  private final ChangeCounter changes;

  /** Uses {@code jdbc} for every statement. */
  public JdbcClientKeyRepository(Jdbc jdbc) {
    this(jdbc, new ChangeCounter());
  }

  /**
   * Uses {@code jdbc} for every statement and counts each write in {@code changes}, which the token
   * endpoint's read caches of these rows watch.
   */
  public JdbcClientKeyRepository(Jdbc jdbc, ChangeCounter changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  @Override
  public List<ClientKey> findByClient(String clientId) {
    return jdbc.query(BY_CLIENT, JdbcClientKeyRepository::map, clientId);
  }

  @Override
  public Optional<ClientKey> findByKid(String kid) {
    return jdbc.queryOne(SELECT + " WHERE kid = ?", JdbcClientKeyRepository::map, kid);
  }

  @Override
  public Optional<List<ClientKey>> change(String clientId, UnaryOperator<List<ClientKey>> change) {
    try {
      return jdbc.inTransaction(
          c -> {
            if (!lockClient(c, clientId)) {
              return Optional.empty();
            }
            List<ClientKey> held = read(c, clientId);
            List<ClientKey> after = List.copyOf(change.apply(List.copyOf(held)));
            if (!after.equals(held)) {
              replace(c, clientId, after);
            }
            return Optional.of(after);
          });
    } finally {
      changes.changed(); // after the commit, so no key read before it stays cached
    }
  }

  private static boolean lockClient(Connection c, String clientId) throws SQLException {
    try (PreparedStatement lock = Jdbc.prepare(c, LOCK_CLIENT, clientId);
        ResultSet rs = lock.executeQuery()) {
      return rs.next();
    }
  }

  private static List<ClientKey> read(Connection c, String clientId) throws SQLException {
    List<ClientKey> held = new ArrayList<>();
    try (PreparedStatement ps = Jdbc.prepare(c, BY_CLIENT, clientId);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        held.add(map(rs));
      }
    }
    return held;
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
