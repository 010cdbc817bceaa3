package io.krrkit.local.internal.maskinporten.jdbc;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.internal.maskinporten.SigningKey;
import io.krrkit.local.internal.maskinporten.SigningKeyRepository;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

/** {@link SigningKeyRepository} on the emulator's JDBC store (table {@code signing_key}). */
public final class JdbcSigningKeyRepository implements SigningKeyRepository {
  private static final String SELECT_ACTIVE =
      "SELECT jwk, generation, created, state, activates FROM signing_key WHERE state = 'ACTIVE'"
          + " ORDER BY generation DESC";
  private static final String INSERT =
      "INSERT INTO signing_key (kid, generation, jwk, created, state, activates)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;

  public JdbcSigningKeyRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SigningKey> findActive() {
    return jdbc.query(SELECT_ACTIVE, JdbcSigningKeyRepository::map);
  }

  @Override
  public boolean insert(SigningKey key) {
    try {
      jdbc.update(
          INSERT,
          key.kid(),
          key.generation(),
          key.privateJwk().toJSONString(),
          key.created().toEpochMilli(),
          key.state().name(),
          key.activates().toEpochMilli());
      return true;
    } catch (StoreException e) {
      if (e.isDuplicateKey()) {
        return false;
      }
      throw e;
    }
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
      throw new SQLException("signing_key holds a JWK that does not parse as RSA", e);
    }
  }
}
