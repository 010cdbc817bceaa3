package io.krrkit.local.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.client.IntegrationType;
import io.krrkit.local.store.Jdbc;
import io.krrkit.local.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ScopeRepository} on the emulator's JDBC store. */
public final class JdbcScopeRepository implements ScopeRepository {
  private static final String SELECT =
      "SELECT name, owner_orgno, description, accessible_for_all, allowed_integration_types,"
          + " at_max_age, delegation_source, created, last_updated FROM api_scope";
  private static final String UPDATE =
      "UPDATE api_scope SET owner_orgno = ?, description = ?, accessible_for_all = ?,"
          + " allowed_integration_types = ?, at_max_age = ?, delegation_source = ?, created = ?,"
          + " last_updated = ? WHERE name = ?";
  private static final String INSERT =
      "INSERT INTO api_scope (owner_orgno, description, accessible_for_all,"
          + " allowed_integration_types, at_max_age, delegation_source, created, last_updated,"
          + " name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;

  /** Uses {@code jdbc} for every statement. */
  public JdbcScopeRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ApiScope> find(Scope name) {
    return jdbc.queryOne(SELECT + " WHERE name = ?", JdbcScopeRepository::map, name.value());
  }

  @Override
  public List<ApiScope> findAll(Collection<Scope> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", Collections.nCopies(names.size(), "?"));
    Object[] params = names.stream().map(Scope::value).toArray();
    return jdbc.query(SELECT + " WHERE name IN (" + marks + ")", JdbcScopeRepository::map, params);
  }

  @Override
  public List<ApiScope> findAll() {
    return jdbc.query(SELECT + " ORDER BY name", JdbcScopeRepository::map);
  }

  @Override
  public void save(ApiScope scope) {
    if (jdbc.update(UPDATE, params(scope)) == 0) {
      jdbc.update(INSERT, params(scope));
    }
  }

  @Override
  public boolean insertIfAbsent(ApiScope scope) {
    if (find(scope.name()).isPresent()) {
      return false; // the usual case on restart: seeded before
    }
    try {
      return jdbc.update(INSERT, params(scope)) == 1;
    } catch (StoreException e) {
      if (e.isDuplicateKey()) {
        return false; // another node seeded it first
      }
      throw e;
    }
  }

  /** Parameters in the order of {@link #UPDATE} and {@link #INSERT}, name last. */
  private static Object[] params(ApiScope s) {
    return new Object[] {
      s.owner().value(),
      s.description(),
      s.accessibleForAll(),
      s.allowedIntegrationTypes().stream()
          .map(IntegrationType::wireName)
          .sorted()
          .collect(Collectors.joining("\n")),
      s.atMaxAge(),
      s.delegationSource(),
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
        rs.getBoolean("accessible_for_all"),
        Arrays.stream(types.split("\n"))
            .filter(t -> !t.isEmpty())
            .map(t -> IntegrationType.fromWireName(t).orElseThrow())
            .collect(Collectors.toSet()),
        rs.getInt("at_max_age"),
        rs.getString("delegation_source"),
        Instant.ofEpochMilli(rs.getLong("created")),
        Instant.ofEpochMilli(rs.getLong("last_updated")));
  }
}
