package io.krrkit.local.internal.signing.jdbc;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.internal.signing.SigningKey;
import io.krrkit.local.internal.signing.SigningKeyRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@link SigningKeyRepository} for one service's keys on the emulator's JDBC store (table {@code
 * emulator_signing_key}, keyed by service and generation).
 */
public final class JdbcSigningKeyRepository implements SigningKeyRepository {
  private static final String SELECT_ACTIVE =
      "SELECT jwk, generation, created, state, activates FROM emulator_signing_key"
          + " WHERE service = ? AND state = 'ACTIVE' ORDER BY generation DESC";
  private static final String INSERT =
      "INSERT INTO emulator_signing_key (service, generation, jwk, created, state, activates)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;
  private final String service;

  /**
   * @param service whose keys: {@code maskinporten}, {@code idporten} or {@code kontaktregisteret}
   */
  public JdbcSigningKeyRepository(Jdbc jdbc, String service) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc == null");
    this.service = Objects.requireNonNull(service, "service == null");
  }

  @Override
  public List<SigningKey> findActive() {
    return jdbc.query(SELECT_ACTIVE, JdbcSigningKeyRepository::map, service);
  }

  @Override
  public boolean insert(SigningKey key) {
    return jdbc.insertUnlessTaken(
        INSERT,
        service,
        key.generation(),
        key.privateJwk().toJSONString(),
        key.created().toEpochMilli(),
        key.state().name(),
        key.activates().toEpochMilli());
  }

  private static SigningKey map(ResultSet rs) throws SQLException {
    try {
      return new SigningKey(
          RSAKey.parse(rs.getString("jwk")),
          rs.getInt("generation"),
          Instant.ofEpochMilli(rs.getLong("created")),
          SigningKey.State.valueOf(rs.getString("state")),
          Instant.ofEpochMilli(rs.getLong("activates")));
    } catch (ParseException e) {
      // Never include the stored JWK: it holds the private key.
      throw new SQLException("emulator_signing_key holds a JWK that does not parse as RSA", e);
    }
  }

  /** Names the service, never a key. */
  @Override
  public String toString() {
    return "JdbcSigningKeyRepository[" + service + "]";
  }
}
