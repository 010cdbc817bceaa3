package io.krrkit.local.internal.client.jdbc;

import io.krrkit.local.internal.client.ClientSecret;
import io.krrkit.local.internal.client.ClientSecretRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.time.Instant;
import java.util.Optional;

/** {@link ClientSecretRepository} on table {@code client_secret} (V13). */
public final class JdbcClientSecretRepository implements ClientSecretRepository {
  private final Jdbc jdbc;

  public JdbcClientSecretRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ClientSecret> find(String clientId) {
    return jdbc.queryOne(
        "SELECT client_id, secret_hash, created, expires FROM client_secret WHERE client_id = ?",
        rs ->
            new ClientSecret(
                rs.getString("client_id"),
                rs.getString("secret_hash"),
                Instant.ofEpochMilli(rs.getLong("created")),
                Instant.ofEpochMilli(rs.getLong("expires"))),
        clientId);
  }

  @Override
  public void replace(ClientSecret s) {
    jdbc.atomically(
        () -> {
          jdbc.update("DELETE FROM client_secret WHERE client_id = ?", s.clientId());
          return jdbc.update(
              "INSERT INTO client_secret (client_id, secret_hash, created, expires)"
                  + " VALUES (?, ?, ?, ?)",
              s.clientId(),
              s.secretHash(),
              s.created().toEpochMilli(),
              s.expires().toEpochMilli());
        });
  }

  @Override
  public void delete(String clientId) {
    jdbc.update("DELETE FROM client_secret WHERE client_id = ?", clientId);
  }
}
