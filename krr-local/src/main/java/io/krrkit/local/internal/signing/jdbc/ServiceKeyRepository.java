package io.krrkit.local.internal.signing.jdbc;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreException;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;

/** The {@code service_signing_key} table: one private JWK per service. */
final class ServiceKeyRepository {
  private static final String SELECT = "SELECT jwk FROM service_signing_key WHERE service = ?";
  private static final String INSERT =
      "INSERT INTO service_signing_key (service, jwk, created) VALUES (?, ?, ?)";

  private final Jdbc jdbc;

  ServiceKeyRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Optional<RSAKey> find(String service) {
    return jdbc.queryOne(
        SELECT,
        rs -> {
          try {
            return RSAKey.parse(rs.getString("jwk"));
          } catch (ParseException e) {
            // Never include the stored JWK: it holds the private key.
            throw new SQLException("service_signing_key holds a JWK that does not parse", e);
          }
        },
        service);
  }

  /** Inserts the key unless another node stored one first. */
  void insert(String service, RSAKey key, Instant created) {
    try {
      jdbc.update(INSERT, service, key.toJSONString(), created.toEpochMilli());
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
    }
  }
}
