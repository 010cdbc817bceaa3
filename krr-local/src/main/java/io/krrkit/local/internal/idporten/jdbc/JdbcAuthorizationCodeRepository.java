package io.krrkit.local.internal.idporten.jdbc;

import io.krrkit.core.Scope;
import io.krrkit.local.internal.idporten.AuthorizationCode;
import io.krrkit.local.internal.idporten.AuthorizationCodeRepository;
import io.krrkit.local.internal.idporten.Grant;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link AuthorizationCodeRepository} on table {@code idporten_authorization_code}. */
public final class JdbcAuthorizationCodeRepository implements AuthorizationCodeRepository {
  private static final String INSERT =
      "INSERT INTO idporten_authorization_code (code_hash, client_id, redirect_uri, scope, nonce,"
          + " code_challenge, pid, auth_time, expires, used, acr, sid)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT =
      "SELECT * FROM idporten_authorization_code WHERE code_hash = ?";
  private static final String MARK_USED =
      "UPDATE idporten_authorization_code SET used = TRUE WHERE code_hash = ? AND used = FALSE";

  private final Jdbc jdbc;

  public JdbcAuthorizationCodeRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(AuthorizationCode code) {
    Grant g = code.grant();
    jdbc.update(
        INSERT,
        code.codeHash(),
        g.clientId(),
        code.redirectUri(),
        Scope.join(g.scopes()),
        code.nonce(),
        code.codeChallenge() == null ? "" : code.codeChallenge(),
        g.pid().value(),
        g.authTime().toEpochMilli(),
        code.expires().toEpochMilli(),
        code.used(),
        g.acr(),
        g.sid());
  }

  @Override
  public Optional<AuthorizationCode> find(String codeHash) {
    return jdbc.queryOne(SELECT, JdbcAuthorizationCodeRepository::map, codeHash);
  }

  @Override
  public boolean markUsed(String codeHash) {
    return jdbc.update(MARK_USED, codeHash) == 1;
  }

  private static AuthorizationCode map(ResultSet rs) throws SQLException {
    String challenge = rs.getString("code_challenge");
    return new AuthorizationCode(
        rs.getString("code_hash"),
        GrantColumns.read(rs, null),
        rs.getString("redirect_uri"),
        rs.getString("nonce"),
        challenge == null || challenge.isEmpty() ? null : challenge,
        Instant.ofEpochMilli(rs.getLong("expires")),
        rs.getBoolean("used"));
  }
}
