package io.krrkit.local.internal.idporten.jdbc;

import io.krrkit.core.Scope;
import io.krrkit.local.internal.idporten.Grant;
import io.krrkit.local.internal.idporten.RefreshToken;
import io.krrkit.local.internal.idporten.RefreshTokenRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link RefreshTokenRepository} on table {@code idporten_refresh_token}. */
public final class JdbcRefreshTokenRepository implements RefreshTokenRepository {
  private static final String INSERT =
      "INSERT INTO idporten_refresh_token (token_hash, client_id, scope, pid, auth_time, expires,"
          + " used, acr, sid, origin, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT * FROM idporten_refresh_token WHERE token_hash = ?";
  private static final String MARK_USED =
      "UPDATE idporten_refresh_token SET used = TRUE WHERE token_hash = ? AND used = FALSE";

  private final Jdbc jdbc;

  public JdbcRefreshTokenRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(RefreshToken token) {
    Grant g = token.grant();
    jdbc.update(
        INSERT,
        token.tokenHash(),
        g.clientId(),
        Scope.join(g.scopes()),
        g.pid().value(),
        g.authTime().toEpochMilli(),
        token.expires().toEpochMilli(),
        token.used(),
        g.acr(),
        g.sid(),
        g.origin(),
        token.revoked());
  }

  @Override
  public Optional<RefreshToken> find(String tokenHash) {
    return jdbc.queryOne(SELECT, JdbcRefreshTokenRepository::map, tokenHash);
  }

  @Override
  public boolean markUsed(String tokenHash) {
    return jdbc.update(MARK_USED, tokenHash) == 1;
  }

  @Override
  public void revokeGrant(String clientId, String pid) {
    jdbc.update(
        "UPDATE idporten_refresh_token SET revoked = TRUE WHERE client_id = ? AND pid = ?",
        clientId,
        pid);
  }

  @Override
  public void revokeOrigin(String origin) {
    jdbc.update("UPDATE idporten_refresh_token SET revoked = TRUE WHERE origin = ?", origin);
  }

  @Override
  public void revokeAuthenticationOnly(String sid) {
    jdbc.update(
        "UPDATE idporten_refresh_token SET revoked = TRUE WHERE sid = ? AND "
            + GrantColumns.AUTHENTICATION_ONLY,
        sid);
  }

  private static RefreshToken map(ResultSet rs) throws SQLException {
    return new RefreshToken(
        rs.getString("token_hash"),
        GrantColumns.read(rs, rs.getString("origin")),
        Instant.ofEpochMilli(rs.getLong("expires")),
        rs.getBoolean("used"),
        rs.getBoolean("revoked"));
  }
}
