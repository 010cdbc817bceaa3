package io.krrkit.local.internal.idporten.jdbc;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.idporten.Grant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The columns of a {@link Grant} as the code, refresh-token and access-token tables store them
 * ({@code client_id, pid, scope, auth_time, acr, sid}), read in one place.
 */
final class GrantColumns {
  /** The scope texts of an authentication-only grant, as {@link Scope#join} writes them. */
  static final String AUTHENTICATION_ONLY =
      "scope IN ('openid', 'profile', 'openid profile', 'profile openid')";

  private GrantColumns() {}

  static Grant read(ResultSet rs, String origin) throws SQLException {
    return new Grant(
        rs.getString("client_id"),
        Personidentifikator.of(rs.getString("pid")),
        Scope.parseList(rs.getString("scope")),
        Instant.ofEpochMilli(rs.getLong("auth_time")),
        rs.getString("acr"),
        rs.getString("sid"),
        origin);
  }
}
