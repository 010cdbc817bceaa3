package io.krrkit.local.internal.access.jdbc;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.access.ApiScope;
import io.krrkit.local.internal.access.ScopeRepository;
import io.krrkit.local.internal.cache.ChangeCounter;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ScopeRepository} on the emulator's JDBC store. */
public final class JdbcScopeRepository implements ScopeRepository {
  // Every column but name, in the order of params(); name comes last.
  private static final List<String> COLUMNS =
      List.of(
          "owner_orgno",
          "description",
          "long_description",
          "active",
          "visibility",
          "token_type",
          "at_max_age",
          "authorization_max_lifetime",
          "allowed_integration_types",
          "accessible_for_all",
          "delegation_source",
          "requires_user_consent",
          "created",
          "last_updated");
  private static final String SELECT =
      "SELECT name, " + String.join(", ", COLUMNS) + " FROM api_scope";
  private static final String UPDATE =
      "UPDATE api_scope SET " + String.join(" = ?, ", COLUMNS) + " = ? WHERE name = ?";
  private static final String INSERT =
      "INSERT INTO api_scope ("
          + String.join(", ", COLUMNS)
          + ", name) VALUES ("
          + "?, ".repeat(COLUMNS.size())
          + "?)";

  private final Jdbc jdbc;
  private final ChangeCounter changes;

  /** Uses {@code jdbc} for every statement. */
  public JdbcScopeRepository(Jdbc jdbc) {
    this(jdbc, new ChangeCounter());
  }

  /**
   * Uses {@code jdbc} for every statement and counts each write in {@code changes}, which the token
   * endpoint's read caches of these rows watch.
   */
  public JdbcScopeRepository(Jdbc jdbc, ChangeCounter changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  @Override
  public Optional<ApiScope> find(Scope name) {
    return jdbc.queryOne(SELECT + " WHERE name = ?", JdbcScopeRepository::map, name.value());
  }

  @Override
  public List<ApiScope> findAll() {
    return jdbc.query(SELECT + " ORDER BY name", JdbcScopeRepository::map);
  }

  @Override
  public List<ApiScope> findByOwner(OrgNumber owner) {
    return jdbc.query(
        SELECT + " WHERE owner_orgno = ? ORDER BY name", JdbcScopeRepository::map, owner.value());
  }

  @Override
  public void save(ApiScope scope) {
    try {
      if (jdbc.update(UPDATE, params(scope)) == 0) {
        jdbc.update(INSERT, params(scope));
      }
    } finally {
      changes.changed();
    }
  }

  @Override
  public void deleteAll() {
    try {
      jdbc.update("DELETE FROM api_scope"); // scope_access follows (ON DELETE CASCADE)
    } finally {
      changes.changed();
    }
  }

  @Override
  public boolean insertIfAbsent(ApiScope scope) {
    if (find(scope.name()).isPresent()) {
      return false; // the usual case on restart: seeded before
    }
    try {
      return jdbc.insertUnlessTaken(INSERT, params(scope));
    } finally {
      changes.changed();
    }
  }

  /** Parameters in the order of {@link #COLUMNS}, name last. */
  private static Object[] params(ApiScope s) {
    return new Object[] {
      s.owner().value(),
      s.description(),
      s.longDescription(),
      s.active(),
      s.visibility().name(),
      s.tokenType().name(),
      s.atMaxAge(),
      s.authorizationMaxLifetime(),
      s.allowedIntegrationTypes().stream()
          .map(IntegrationType::wireName)
          .sorted()
          .collect(Collectors.joining("\n")),
      s.accessibleForAll(),
      s.delegationSource(),
      s.requiresUserConsent(),
      s.created().toEpochMilli(),
      s.lastUpdated().toEpochMilli(),
      s.name().value()
    };
  }

  private static ApiScope map(ResultSet rs) throws SQLException {
    String types = rs.getString("allowed_integration_types");
    return new ApiScope(
        Scope.of(rs.getString("name")),
        OrgNumber.of(rs.getString("owner_orgno")),
        rs.getString("description"),
        rs.getString("long_description"),
        rs.getBoolean("active"),
        ApiScope.Visibility.valueOf(rs.getString("visibility")),
        ApiScope.TokenType.valueOf(rs.getString("token_type")),
        rs.getInt("at_max_age"),
        rs.getInt("authorization_max_lifetime"),
        Arrays.stream(types.split("\n"))
            .filter(t -> !t.isEmpty())
            .map(t -> IntegrationType.fromWireName(t).orElseThrow())
            .collect(Collectors.toSet()),
        rs.getBoolean("accessible_for_all"),
        rs.getString("delegation_source"),
        rs.getBoolean("requires_user_consent"),
        Instant.ofEpochMilli(rs.getLong("created")),
        Instant.ofEpochMilli(rs.getLong("last_updated")));
  }
}
