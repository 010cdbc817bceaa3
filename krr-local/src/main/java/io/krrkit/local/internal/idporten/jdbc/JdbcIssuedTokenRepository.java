package io.krrkit.local.internal.idporten.jdbc;

import io.krrkit.core.Scope;
import io.krrkit.local.internal.idporten.Grant;
import io.krrkit.local.internal.idporten.IssuedToken;
import io.krrkit.local.internal.idporten.IssuedTokenRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link IssuedTokenRepository} on table {@code idporten_access_token} (V13). */
public final class JdbcIssuedTokenRepository implements IssuedTokenRepository {
  private final Jdbc jdbc;

  public JdbcIssuedTokenRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(IssuedToken t) {
    Grant g = t.grant();
    jdbc.update(
        "INSERT INTO idporten_access_token (jti, client_id, pid, sid, scope, origin, expires,"
            + " revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        t.jti(),
        g.clientId(),
        g.pid().value(),
        g.sid(),
        Scope.join(g.scopes().stream().sorted().toList()),
        g.origin(),
        t.expires().toEpochMilli(),
        t.revoked());
  }

  @Override
  public Optional<IssuedToken> find(String jti) {
    return jdbc.queryOne(
        "SELECT * FROM idporten_access_token WHERE jti = ?", JdbcIssuedTokenRepository::map, jti);
  }

  @Override
  public void revokeGrant(String clientId, String pid) {
    jdbc.update(
        "UPDATE idporten_access_token SET revoked = TRUE WHERE client_id = ? AND pid = ?",
        clientId,
        pid);
  }

  @Override
  public void revokeOrigin(String origin) {
    jdbc.update("UPDATE idporten_access_token SET revoked = TRUE WHERE origin = ?", origin);
  }

  @Override
  public void revokeAuthenticationOnly(String sid) {
    jdbc.update(
        "UPDATE idporten_access_token SET revoked = TRUE WHERE sid = ? AND "
            + GrantColumns.AUTHENTICATION_ONLY,
        sid);
  }

  private static IssuedToken map(ResultSet rs) throws SQLException {
    // the table keeps no auth_time or acr: the token itself carries them
    Grant grant =
        new Grant(
            rs.getString("client_id"),
            io.krrkit.core.Personidentifikator.of(rs.getString("pid")),
            Scope.parseList(rs.getString("scope")),
            Instant.EPOCH,
            null,
            rs.getString("sid"),
            rs.getString("origin"));
    return new IssuedToken(
        rs.getString("jti"),
        grant,
        Instant.ofEpochMilli(rs.getLong("expires")),
        rs.getBoolean("revoked"));
  }
}
