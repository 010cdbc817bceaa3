package io.krrkit.local.internal.client.jdbc;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.cache.ChangeCounter;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ClientRepository} on the emulator's JDBC store. */
public final class JdbcClientRepository implements ClientRepository {
  private static final String COLUMNS =
      "client_id, client_orgno, supplier_orgno, integration_type, client_name, description,"
          + " client_uri, application_type, token_endpoint_auth_method, grant_types, scopes,"
          + " redirect_uris, post_logout_redirect_uris, access_token_lifetime,"
          + " authorization_lifetime, refresh_token_lifetime, refresh_token_usage, sso_disabled,"
          + " code_challenge_method, active, created, last_updated, frontchannel_logout_uri";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM client";
  private static final String UPDATE =
      "UPDATE client SET client_orgno = ?, supplier_orgno = ?, integration_type = ?,"
          + " client_name = ?, description = ?, client_uri = ?, application_type = ?,"
          + " token_endpoint_auth_method = ?, grant_types = ?, scopes = ?, redirect_uris = ?,"
          + " post_logout_redirect_uris = ?, access_token_lifetime = ?,"
          + " authorization_lifetime = ?, refresh_token_lifetime = ?, refresh_token_usage = ?,"
          + " sso_disabled = ?, code_challenge_method = ?, active = ?, created = ?,"
          + " last_updated = ?, frontchannel_logout_uri = ? WHERE client_id = ?";
  private static final String INSERT =
      "INSERT INTO client (client_orgno, supplier_orgno, integration_type, client_name,"
          + " description, client_uri, application_type, token_endpoint_auth_method, grant_types,"
          + " scopes, redirect_uris, post_logout_redirect_uris, access_token_lifetime,"
          + " authorization_lifetime, refresh_token_lifetime, refresh_token_usage, sso_disabled,"
          + " code_challenge_method, active, created, last_updated, frontchannel_logout_uri,"
          + " client_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;
  private final ChangeCounter changes;

  /** Uses {@code jdbc} for every statement. */
  public JdbcClientRepository(Jdbc jdbc) {
    this(jdbc, new ChangeCounter());
  }

  /**
   * Uses {@code jdbc} for every statement and counts each write in {@code changes}, which the token
   * endpoint's read caches of these rows watch.
   */
  public JdbcClientRepository(Jdbc jdbc, ChangeCounter changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  @Override
  public Optional<RegisteredClient> findById(String clientId) {
    return jdbc.queryOne(SELECT + " WHERE client_id = ?", JdbcClientRepository::map, clientId);
  }

  @Override
  public List<RegisteredClient> findByOwner(OrgNumber owner) {
    return jdbc.query(
        SELECT + " WHERE client_orgno = ? ORDER BY created, client_id",
        JdbcClientRepository::map,
        owner.value());
  }

  @Override
  public List<RegisteredClient> findBySupplier(OrgNumber supplier) {
    return jdbc.query(
        SELECT + " WHERE supplier_orgno = ? ORDER BY created, client_id",
        JdbcClientRepository::map,
        supplier.value());
  }

  @Override
  public List<RegisteredClient> findAll() {
    return jdbc.query(SELECT + " ORDER BY created, client_id", JdbcClientRepository::map);
  }

  @Override
  public List<OrgNumber> owners() {
    return jdbc
        .query(
            "SELECT DISTINCT client_orgno FROM client ORDER BY client_orgno",
            rs -> rs.getString(1).trim(),
            new Object[0])
        .stream()
        .filter(OrgNumber::isValid)
        .map(OrgNumber::of)
        .toList();
  }

  @Override
  public void save(RegisteredClient c) {
    Object[] params = params(c);
    try {
      if (jdbc.update(UPDATE, params) == 0) {
        jdbc.update(INSERT, params);
      }
    } finally {
      changes.changed();
    }
  }

  @Override
  public boolean delete(String clientId) {
    try { // the client's keys go with it (ON DELETE CASCADE)
      return jdbc.update("DELETE FROM client WHERE client_id = ?", clientId) > 0;
    } finally {
      changes.changed();
    }
  }

  /** Parameters in the order of {@link #UPDATE} and {@link #INSERT}, client_id last. */
  private static Object[] params(RegisteredClient c) {
    return new Object[] {
      c.orgNumber().value(),
      c.supplierOrgNumber() == null ? null : c.supplierOrgNumber().value(),
      c.integrationType().wireName(),
      c.clientName(),
      c.description(),
      c.clientUri(),
      c.applicationType(),
      c.tokenEndpointAuthMethod(),
      join(c.grantTypes()),
      join(c.scopes().stream().map(Scope::value).sorted().toList()),
      join(c.redirectUris()),
      join(c.postLogoutRedirectUris()),
      c.accessTokenLifetime(),
      c.authorizationLifetime(),
      c.refreshTokenLifetime(),
      c.refreshTokenUsage(),
      c.ssoDisabled(),
      c.codeChallengeMethod(),
      c.active(),
      c.created().toEpochMilli(),
      c.lastUpdated().toEpochMilli(),
      c.frontchannelLogoutUri(),
      c.clientId()
    };
  }

  private static RegisteredClient map(ResultSet rs) throws SQLException {
    String supplier = rs.getString("supplier_orgno");
    return new RegisteredClient(
        rs.getString("client_id"),
        OrgNumber.of(rs.getString("client_orgno")),
        supplier == null ? null : OrgNumber.of(supplier),
        IntegrationType.fromWireName(rs.getString("integration_type")).orElseThrow(),
        rs.getString("client_name"),
        rs.getString("description"),
        rs.getString("client_uri"),
        rs.getString("application_type"),
        rs.getString("token_endpoint_auth_method"),
        split(rs.getString("grant_types")),
        split(rs.getString("scopes")).stream().map(Scope::of).collect(Collectors.toSet()),
        split(rs.getString("redirect_uris")),
        split(rs.getString("post_logout_redirect_uris")),
        rs.getInt("access_token_lifetime"),
        rs.getInt("authorization_lifetime"),
        rs.getInt("refresh_token_lifetime"),
        rs.getString("refresh_token_usage"),
        rs.getBoolean("sso_disabled"),
        rs.getString("code_challenge_method"),
        rs.getBoolean("active"),
        Instant.ofEpochMilli(rs.getLong("created")),
        Instant.ofEpochMilli(rs.getLong("last_updated")),
        rs.getString("frontchannel_logout_uri"));
  }

  private static String join(List<String> values) {
    return String.join("\n", values);
  }

  private static List<String> split(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(text.split("\n"));
  }
}
