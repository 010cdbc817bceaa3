package io.krrkit.local.internal.idporten.jdbc;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.idporten.Grant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The columns of a {@link Grant} as the code and refresh-token tables both store them ({@code
 * client_id, pid, scope, auth_time}), read in one place.
 */
final class GrantColumns {
  private GrantColumns() {}

  static Grant read(ResultSet rs) throws SQLException {
    return new Grant(
        rs.getString("client_id"),
        Personidentifikator.of(rs.getString("pid")),
        Scope.parseList(rs.getString("scope")),
        Instant.ofEpochMilli(rs.getLong("auth_time")));
  }
}
