package io.krrkit.local.internal.client.jdbc;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.client.AdminCredential;
import io.krrkit.local.internal.client.AdminCredentialRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/** {@link AdminCredentialRepository} on the emulator's JDBC store (V3__bootstrap.sql). */
public final class JdbcAdminCredentialRepository implements AdminCredentialRepository {
  private static final String SELECT =
      "SELECT client_id, kid, private_jwk FROM admin_client WHERE client_orgno = ?";
  private static final String INSERT =
      "INSERT INTO admin_client (client_orgno, client_id, kid, private_jwk, created)"
          + " VALUES (?, ?, ?, ?, ?)";

  private final Jdbc jdbc;
  private final Clock clock;

  /** Uses {@code jdbc} for every statement and {@code clock} to stamp new rows. */
  public JdbcAdminCredentialRepository(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<AdminCredential> findByOrg(OrgNumber org) {
    return jdbc.queryOne(SELECT, JdbcAdminCredentialRepository::map, org.value());
  }

  @Override
  public boolean insertIfAbsent(OrgNumber org, AdminCredential c) {
    return jdbc.insertUnlessTaken(
        INSERT, org.value(), c.clientId(), c.kid(), c.privateJwk(), clock.millis());
  }

  private static AdminCredential map(ResultSet rs) throws SQLException {
    return new AdminCredential(
        rs.getString("client_id"), rs.getString("kid"), rs.getString("private_jwk"));
  }
}
